import i18n from '../../i18n';

// The page's own texts load with its chunk (admins only); the menu label stays in the app's
// locale files.
export const en = {
  jobs: {
    intro: 'Work the system runs by itself: reminders, the public-pool sweep, webhook passes. A job that failed all its attempts waits here until you retry it.',
    all: 'All statuses', task: 'Task', status: 'Status', attempts: 'Attempts', scheduled: 'Due', started: 'Started', finished: 'Finished',
    error: 'Failure reason', retry: 'Retry', retried: 'Queued to run again', more: 'Load more',
  },
  enums: {
    JobStatus: { TODO: 'Waiting', DOING: 'Running', SUCCEEDED: 'Done', DEAD: 'Failed', CANCELLED: 'Cancelled' },
    JobSortField: { CREATED_AT: 'Queued', SCHEDULED_AT: 'Due' },
  },
};

export const zhCN: typeof en = {
  jobs: {
    intro: '系统自动运行的工作：提醒、公海回收、Webhook 推送等。多次尝试仍失败的任务会留在这里，等待你重试。',
    all: '全部状态', task: '任务', status: '状态', attempts: '尝试次数', scheduled: '计划时间', started: '开始时间', finished: '结束时间',
    error: '失败原因', retry: '重试', retried: '已重新加入队列', more: '加载更多',
  },
  enums: {
    JobStatus: { TODO: '等待中', DOING: '运行中', SUCCEEDED: '已完成', DEAD: '失败', CANCELLED: '已取消' },
    JobSortField: { CREATED_AT: '入队时间', SCHEDULED_AT: '计划时间' },
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
