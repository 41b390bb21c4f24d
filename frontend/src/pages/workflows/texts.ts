import i18n from '../../i18n';

// The page's own texts load with its chunk, not with every route; the menu label stays in the
// app's locale files.
export const en = {
  workflows: {
    intro: 'Workflows act by themselves when records change, on a schedule or when a date comes, with the permissions of their owner.',
    name: 'Name', object: 'Records', owner: 'Owner', enabled: 'Enabled', version: 'Version', runs: 'Run log', allRuns: 'All runs',
    runsOf: 'Runs of {{name}}', at: 'Time', status: 'Status', steps: 'Steps', error: 'Reason', depth: 'Depth', show: 'Runs',
  },
  enums: {
    WorkflowObjectType: { CUSTOMER: 'Customers', CONTACT: 'Contacts', LEAD: 'Leads', OPPORTUNITY: 'Opportunities', ORDER: 'Orders', TASK: 'Tasks' },
    WorkflowSortField: { NAME: 'Name', CREATED_AT: 'Created', UPDATED_AT: 'Updated' },
    WorkflowRunSortField: { CREATED_AT: 'Fired' },
    WorkflowRunStatus: { QUEUED: 'Queued', RUNNING: 'Running', WAITING: 'Waiting', SUCCEEDED: 'Succeeded', SKIPPED: 'Skipped', FAILED: 'Failed', STOPPED: 'Stopped' },
  },
};

export const zhCN: typeof en = {
  workflows: {
    intro: '工作流在记录变化、按计划或到达日期时自动执行，权限与其负责人相同。',
    name: '名称', object: '对象', owner: '负责人', enabled: '启用', version: '版本', runs: '运行记录', allRuns: '全部运行',
    runsOf: '{{name}} 的运行记录', at: '时间', status: '状态', steps: '步骤', error: '原因', depth: '层级', show: '运行记录',
  },
  enums: {
    WorkflowObjectType: { CUSTOMER: '客户', CONTACT: '联系人', LEAD: '线索', OPPORTUNITY: '商机', ORDER: '订单', TASK: '任务' },
    WorkflowSortField: { NAME: '名称', CREATED_AT: '创建时间', UPDATED_AT: '更新时间' },
    WorkflowRunSortField: { CREATED_AT: '触发时间' },
    WorkflowRunStatus: { QUEUED: '排队中', RUNNING: '运行中', WAITING: '等待中', SUCCEEDED: '成功', SKIPPED: '未满足条件', FAILED: '失败', STOPPED: '已中止' },
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
