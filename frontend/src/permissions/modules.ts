import type { PermissionSet } from './permissions';

export interface ModuleDef {
  key: string;
  path: string;
  /** the module shows when the user can see any of these types (row scope not NONE) */
  types: string[];
  labelKey: string;
  /** roles the module is open to, for admin pages that hang off no type of the policy */
  roles?: string[];
}

/** The app's modules and the GraphQL type each depends on; the menu is computed from `me`. */
export const MODULES: ModuleDef[] = [
  { key: 'dashboard', path: '/dashboard', types: ['Opportunity', 'Order', 'StockLevel'], labelKey: 'menu.dashboard' },
  { key: 'customers', path: '/customers', types: ['Customer'], labelKey: 'menu.customers' },
  { key: 'leads', path: '/leads', types: ['Lead'], labelKey: 'menu.leads' },
  { key: 'pipeline', path: '/pipeline', types: ['Opportunity'], labelKey: 'menu.pipeline' },
  { key: 'tasks', path: '/tasks', types: ['Task'], labelKey: 'menu.tasks' },
  { key: 'orders', path: '/orders', types: ['Order'], labelKey: 'menu.orders' },
  { key: 'shipments', path: '/shipments', types: ['Shipment'], labelKey: 'menu.shipments' },
  { key: 'stock', path: '/stock', types: ['StockLevel'], labelKey: 'menu.stock' },
  { key: 'payroll', path: '/payroll', types: ['PayRun'], labelKey: 'menu.payroll' },
  { key: 'myPayslips', path: '/my-payslips', types: ['Payslip'], labelKey: 'menu.myPayslips' },
  { key: 'oauthClients', path: '/oauth-clients', types: [], roles: ['admin'], labelKey: 'menu.oauthClients' },
  { key: 'webhooks', path: '/webhooks', types: ['WebhookEndpoint'], labelKey: 'menu.webhooks' },
  { key: 'jobs', path: '/jobs', types: ['Job'], labelKey: 'menu.jobs' },
  { key: 'workflows', path: '/workflows', types: ['Workflow'], labelKey: 'menu.workflows' },
  { key: 'lifecycle', path: '/lifecycle', types: [], roles: ['admin', 'sales_manager'], labelKey: 'menu.lifecycle' },
  { key: 'approvals', path: '/approvals', types: ['ApprovalRequest'], labelKey: 'menu.approvals' },
  { key: 'approvalRules', path: '/approval-rules', types: [], roles: ['admin'], labelKey: 'menu.approvalRules' },
  { key: 'users', path: '/users', types: [], roles: ['admin'], labelKey: 'menu.users' },
];

/** Whether the user opens a module: by the types it shows, or by role for admin pages. */
export function opensModule(m: ModuleDef, p: PermissionSet, role?: string | null): boolean {
  if (m.roles) return !!role && m.roles.includes(role);
  return m.types.some((t) => p.canView(t));
}

export function visibleModules(p: PermissionSet, role?: string | null): ModuleDef[] {
  return MODULES.filter((m) => opensModule(m, p, role));
}

export function moduleByKey(key: string): ModuleDef {
  const m = MODULES.find((x) => x.key === key);
  if (!m) throw new Error(`unknown module ${key}`);
  return m;
}
