import i18n from '../../i18n';

// The approval pages' own texts load with their chunks, not with every route.
export const en = {
  approvals: {
    intro: 'Operations held by an approval rule wait here for their approvers. The requester is told of the outcome.',
    awaiting: 'Awaiting me', mine: 'My requests', all: 'All I can see', rule: 'Rule', subject: 'Subject', reason: 'Why', requester: 'Requester',
    status: 'Status', step: 'Step', created: 'Asked', decisions: 'Decisions', waitingFor: 'Waiting for', approve: 'Approve', reject: 'Reject',
    cancel: 'Withdraw', comment: 'Comment', commentPlaceholder: 'For the requester (optional)', approveTitle: 'Approve this request?',
    rejectTitle: 'Reject this request?', none: 'Nothing here', stepOf: '{{current}} of {{total}}',
  },
  approvalRules: {
    intro: 'What needs approval before it happens, and who approves it, step by step. Enforced by the server for every client.',
    new: 'New rule', name: 'Name', kind: 'Guards', threshold: 'Over', currency: 'Currency', limits: 'Discount limits', steps: 'Steps',
    enabled: 'Enabled', delete: 'Delete', deleteConfirm: 'Delete this rule? Its pending requests are cancelled.', addStep: 'Add step',
    by: 'Approvers', role: 'Role', level: 'Manager level', users: 'Users', mode: 'Mode', repLimit: 'Sales rep limit (%)',
    managerLimit: 'Sales manager limit (%)', managerLevel: 'Manager level {{level}}',
  },
  enums: {
    ApprovalRequestStatus: { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected', CANCELLED: 'Cancelled' },
    ApprovalRuleKind: { ORDER_AMOUNT: 'Order amount', LINE_DISCOUNT: 'Line discount', PAY_RUN: 'Pay run', REFUND_AMOUNT: 'Refund amount', CUSTOMER_TRANSFER: 'Transfer across teams' },
    ApprovalApproverSource: { ROLE: 'By role', MANAGER: 'Requester’s manager', USERS: 'Named users' },
    ApprovalStepMode: { ONE_OF: 'Any one', ALL_OF: 'All of them' },
    ApprovalDecisionKind: { APPROVE: 'Approved', REJECT: 'Rejected' },
    ApprovalRequestSortField: { CREATED_AT: 'Asked' },
    ApprovalRuleSortField: { NAME: 'Name' },
  },
};

export const zhCN: typeof en = {
  approvals: {
    intro: '被审批规则拦下的操作在这里等待审批人处理，结果会通知申请人。',
    awaiting: '待我审批', mine: '我发起的', all: '我可见的全部', rule: '规则', subject: '对象', reason: '原因', requester: '申请人',
    status: '状态', step: '步骤', created: '申请时间', decisions: '审批记录', waitingFor: '待审批人', approve: '同意', reject: '驳回',
    cancel: '撤回', comment: '意见', commentPlaceholder: '给申请人的说明（可选）', approveTitle: '同意此申请？',
    rejectTitle: '驳回此申请？', none: '暂无', stepOf: '第 {{current}} / {{total}} 步',
  },
  approvalRules: {
    intro: '哪些操作须先审批、由谁逐级审批。由服务端对所有客户端强制执行。',
    new: '新建规则', name: '名称', kind: '管控', threshold: '超过', currency: '币种', limits: '折扣上限', steps: '审批步骤',
    enabled: '启用', delete: '删除', deleteConfirm: '删除此规则？其待审批申请将被取消。', addStep: '添加步骤',
    by: '审批人', role: '角色', level: '上级层级', users: '用户', mode: '方式', repLimit: '销售代表上限（%）',
    managerLimit: '销售经理上限（%）', managerLevel: '第 {{level}} 级上级',
  },
  enums: {
    ApprovalRequestStatus: { PENDING: '待审批', APPROVED: '已同意', REJECTED: '已驳回', CANCELLED: '已取消' },
    ApprovalRuleKind: { ORDER_AMOUNT: '订单金额', LINE_DISCOUNT: '行折扣', PAY_RUN: '薪资发放', REFUND_AMOUNT: '退款金额', CUSTOMER_TRANSFER: '跨团队转移' },
    ApprovalApproverSource: { ROLE: '按角色', MANAGER: '申请人上级', USERS: '指定用户' },
    ApprovalStepMode: { ONE_OF: '任一人', ALL_OF: '全部' },
    ApprovalDecisionKind: { APPROVE: '同意', REJECT: '驳回' },
    ApprovalRequestSortField: { CREATED_AT: '申请时间' },
    ApprovalRuleSortField: { NAME: '名称' },
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
