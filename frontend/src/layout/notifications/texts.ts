import i18n from '../../i18n';

// The bell's texts load with its chunk, not with the shell.
export const en = {
  notifications: {
    bell: 'Notifications', bellCount: 'Notifications, {{count}} unread', empty: 'No notifications yet',
    markAll: 'Mark all read', markRead: 'Mark read', failed: 'Could not load notifications',
    from: 'from {{name}}',
    kinds: {
      'task.reminder': 'Task reminder', 'workflow.notify': 'Workflow', 'approval.requested': 'Approval requested',
      other: 'Notification',
    },
  },
};

export const zhCN: typeof en = {
  notifications: {
    bell: '通知', bellCount: '通知，{{count}} 条未读', empty: '暂无通知',
    markAll: '全部标为已读', markRead: '标为已读', failed: '通知加载失败',
    from: '来自 {{name}}',
    kinds: {
      'task.reminder': '任务提醒', 'workflow.notify': '工作流', 'approval.requested': '待审批',
      other: '通知',
    },
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
