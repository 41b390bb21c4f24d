import type { Translations } from './zh-CN';

type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };

export const en: DeepString<Translations> = {
  app: { title: 'CRM', language: 'Language', logout: 'Log out', loading: 'Loading…', partialData: 'Some fields are hidden by your permissions' },
  menu: {
    dashboard: 'Dashboard', customers: 'Customers', pool: 'Public pool', leads: 'Leads', pipeline: 'Pipeline', tasks: 'Tasks',
    orders: 'Orders', stock: 'Stock', payroll: 'Payroll', myPayslips: 'My payslips',
  },
  login: {
    title: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in', required: 'Required',
    failed: 'Sign-in failed', networkError: 'Cannot reach the server',
  },
  common: {
    search: 'Search', reset: 'Reset', save: 'Save', cancel: 'Cancel', confirm: 'OK', edit: 'Edit', create: 'New',
    actions: 'Actions', total: '{{count}} in total', selected: '{{count}} selected', success: 'Done', failed: 'Failed',
    yes: 'Yes', no: 'No', none: 'None', forbidden: 'Forbidden', forbiddenHint: 'Your role cannot open this page.', notFound: 'Page not found',
    back: 'Back home', columns: 'Columns', result: 'Result', ok: 'OK', error: 'Error', refresh: 'Refresh', detail: 'Details', masked: 'Masked',
    noData: 'No data', noModules: 'Your role has no modules yet', all: 'All', progress: 'Working {{done}}/{{total}}', bulkDone: 'Done: {{ok}} succeeded, {{failed}} failed',
  },
  customer: {
    name: 'Name', industry: 'Industry', region: 'Region', phone: 'Phone', email: 'Email', source: 'Source', stage: 'Stage',
    level: 'Level', owner: 'Owner', team: 'Team', inPool: 'Pool', tags: 'Tags', lastFollowUp: 'Last follow-up',
    nextFollowUp: 'Next follow-up', createdAt: 'Created', contacts: 'Contacts', timeline: 'Timeline', opportunities: 'Opportunities',
    orders: 'Orders', tasks: 'Tasks', profile: 'Profile', person: 'Person', company: 'Company', address: 'Address', kind: 'Kind',
    searchPlaceholder: 'Name / contact / phone', addTags: 'Add tags', removeTags: 'Remove tags', transfer: 'Transfer',
    releaseToPool: 'Release to pool', claim: 'Claim', merge: 'Merge duplicates', mergeInto: 'Keep', mergeFrom: 'Merge away',
    toOwner: 'New owner', reason: 'Reason', duplicateWarning: 'Possible duplicate: {{message}}', createAnyway: 'Create anyway',
    logInteraction: 'Log interaction', newCustomer: 'New customer', bulkResult: 'Bulk result', pool: 'Pool customers',
  },
  interaction: {
    kind: 'Kind', summary: 'Summary', occurredAt: 'When', nextFollowUpAt: 'Next follow-up', outcome: 'Outcome', queued: 'Offline: saved, it will be sent when you are back online',
    kinds: { CALL: 'Call', EMAIL: 'Email', MEETING: 'Meeting', VISIT: 'Visit', MESSAGE: 'Message', NOTE: 'Note' },
  },
  lead: { name: 'Name', company: 'Company', status: 'Status', source: 'Source', convert: 'Convert', createOpportunity: 'Also create an opportunity', opportunityTitle: 'Opportunity title', converted: 'Converted to a customer' },
  pipeline: {
    title: 'Pipeline', count: '{{count}} deals', amount: 'Amount', won: 'Won', lost: 'Lost', lostReason: 'Lost reason',
    closeDate: 'Close date', probability: 'Probability', moveWon: 'Mark as won', moveLost: 'Mark as lost', wonHint: 'Mark this opportunity as won?',
  },
  task: { title: 'Title', due: 'Due', priority: 'Priority', status: 'Status', mine: 'Mine', overdue: 'Overdue', done: 'Done', complete: 'Complete', customer: 'Customer' },
  order: {
    number: 'Number', customer: 'Customer', status: 'Status', paymentStatus: 'Payment', total: 'Total', createdAt: 'Created',
    confirm: 'Confirm', ship: 'Ship', recordPayment: 'Record payment', return: 'Return / exchange', cancel: 'Cancel order', lines: 'Lines',
    product: 'Product', quantity: 'Quantity', unitPrice: 'Unit price', available: 'Available', history: 'Status history', shipments: 'Shipments',
    payments: 'Payments', create: 'New order', warehouse: 'Warehouse', insufficient: 'Insufficient stock: {{detail}}', amount: 'Amount',
    method: 'Method', reference: 'Reference', carrier: 'Carrier', tracking: 'Tracking no.', kind: 'Kind', reason: 'Reason', insufficientTitle: 'Not enough stock to confirm', approveReturn: 'Approve', rejectReturn: 'Reject', receiveReturn: 'Receive goods', refundReturn: 'Refund', balanceDue: 'Balance due', reserved: 'Reserved', shipped: 'Shipped', returned: 'Returned',
  },
  stock: {
    levels: 'Stock levels', movements: 'Movements', product: 'Product', warehouse: 'Warehouse', onHand: 'On hand', reserved: 'Reserved',
    available: 'Available', reorderPoint: 'Reorder point', low: 'Low', receive: 'Receive', adjust: 'Adjust', transfer: 'Transfer',
    quantity: 'Quantity', reason: 'Reason', kind: 'Kind', at: 'When', to: 'To warehouse', reference: 'Reference', lowCount: 'Low-stock items',
  },
  payroll: {
    employees: 'Employees', plans: 'Compensation plans', runs: 'Pay runs', period: 'Period', status: 'Status', calculate: 'Calculate',
    approve: 'Approve', newRun: 'New pay run', payslips: 'Payslips', employee: 'Employee', gross: 'Gross', net: 'Net',
    tax: 'Tax', base: 'Base', commission: 'Commission', lines: 'Explanation', employerCost: 'Employer cost', title: 'Title',
    hireDate: 'Hired', number: 'No.', month: 'Month', bonus: 'Bonus', contributions: 'Employee contributions', department: 'Department', plan: 'Plan', leave: 'Leave balance', bank: 'Bank account', tiers: 'Commission tiers', newCustomerBonus: 'New-customer bonus',
  },
  enums: {
    stage: { PROSPECT: 'Prospect', LEAD: 'Lead', OPPORTUNITY: 'Opportunity', CUSTOMER: 'Customer', LOYAL: 'Loyal', CHURNED: 'Churned' },
    leadStatus: { NEW: 'New', CONTACTED: 'Contacted', QUALIFIED: 'Qualified', DISQUALIFIED: 'Disqualified', CONVERTED: 'Converted' },
    taskStatus: { OPEN: 'Open', IN_PROGRESS: 'In progress', DONE: 'Done', CANCELLED: 'Cancelled' },
    priority: { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' },
    paymentMethod: { BANK_TRANSFER: 'Bank transfer', CASH: 'Cash', CARD: 'Card', ALIPAY: 'Alipay', WECHAT_PAY: 'WeChat Pay', CHEQUE: 'Cheque', OTHER: 'Other' },
    orderStatus: { DRAFT: 'Draft', CONFIRMED: 'Confirmed', PARTIALLY_SHIPPED: 'Partially shipped', SHIPPED: 'Shipped', DELIVERED: 'Delivered', COMPLETED: 'Completed', CANCELLED: 'Cancelled' },
    paymentStatus: { UNPAID: 'Unpaid', PARTIALLY_PAID: 'Partially paid', PAID: 'Paid' },
    payRunStatus: { DRAFT: 'Draft', CALCULATED: 'Calculated', APPROVED: 'Approved', PAID: 'Paid' },
    shipmentStatus: { PENDING: 'Pending', IN_TRANSIT: 'In transit', DELIVERED: 'Delivered' },
    timeline: { interaction: 'Interaction', stage_change: 'Stage change', audit: 'Change', order: 'Order' },
  },
  dashboard: {
    funnel: 'Pipeline funnel', bookedCollected: 'Booked vs collected (monthly)', booked: 'Booked', collected: 'Collected', topReps: 'Top reps',
    lowStock: 'Low stock', noAccess: 'You cannot see this data',
  },
};
