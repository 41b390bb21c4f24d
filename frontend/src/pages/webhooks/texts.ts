import i18n from '../../i18n';

// The page's own texts load with its chunk (admins only), not with every route; the menu
// label and the enum labels stay in the app's locale files, where the checks read them.
const en = {
  webhooks: {
    new: 'New endpoint', intro: 'Partner systems receive signed POSTs of the events they subscribe to, after each change is saved.',
    url: 'URL', events: 'Events', enabled: 'Enabled', failures: 'Failures in a row', secret: 'Secret', description: 'Description',
    log: 'Deliveries', test: 'Send test', rotate: 'Rotate secret', delete: 'Delete', rotateConfirm: 'The old secret stops working at once. Rotate?',
    deleteConfirm: 'Delete this endpoint? Undelivered events are dropped.', logOf: 'Deliveries to {{url}}', at: 'Time', event: 'Event',
    status: 'Status', attempts: 'Attempts', response: 'Response', error: 'Error', next: 'Next attempt', redeliver: 'Redeliver',
    queued: 'Queued for delivery', testOk: 'Test delivered (HTTP {{code}})', testFailed: 'Test failed: {{error}}',
    secretTitle: 'Signing secret', secretOnce: 'Copy it now: it is shown only this once. Receivers verify the CRM-Signature header with it.',
  },
};

const zhCN: typeof en = {
  webhooks: {
    new: '新建接收地址', intro: '每次变更保存后，订阅了相应事件的外部系统会收到带签名的 POST 推送。',
    url: '地址', events: '事件', enabled: '启用', failures: '连续失败', secret: '密钥', description: '说明',
    log: '推送记录', test: '发送测试', rotate: '更换密钥', delete: '删除', rotateConfirm: '旧密钥将立即失效，确定更换？',
    deleteConfirm: '删除该接收地址？未送达的事件将被丢弃。', logOf: '推送到 {{url}} 的记录', at: '时间', event: '事件',
    status: '状态', attempts: '尝试次数', response: '响应码', error: '错误', next: '下次尝试', redeliver: '重新推送',
    queued: '已加入推送队列', testOk: '测试已送达（HTTP {{code}}）', testFailed: '测试失败：{{error}}',
    secretTitle: '签名密钥', secretOnce: '请立即复制：密钥只显示这一次。接收方用它校验 CRM-Signature 请求头。',
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
