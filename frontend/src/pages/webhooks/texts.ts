import i18n from '../../i18n';

// The page's own texts load with its chunk (admins only), not with every route: its enums'
// labels too (src/i18n/enums.test.ts reads them here). The menu label stays in the app's
// locale files.
export const en = {
  webhooks: {
    new: 'New endpoint', intro: 'Partner systems receive signed POSTs of the events they subscribe to, after each change is saved.',
    url: 'URL', events: 'Events', enabled: 'Enabled', failures: 'Failures in a row', secret: 'Secret', description: 'Description',
    log: 'Deliveries', test: 'Send test', rotate: 'Rotate secret', delete: 'Delete', rotateConfirm: 'The old secret stops working at once. Rotate?',
    deleteConfirm: 'Delete this endpoint? Undelivered events are dropped.', logOf: 'Deliveries to {{url}}', at: 'Time', event: 'Event',
    status: 'Status', attempts: 'Attempts', response: 'Response', error: 'Error', next: 'Next attempt', redeliver: 'Redeliver',
    queued: 'Queued for delivery', testOk: 'Test delivered (HTTP {{code}})', testFailed: 'Test failed: {{error}}',
    secretTitle: 'Signing secret', secretOnce: 'Copy it now: it is shown only this once. Receivers verify the CRM-Signature header with it.',
  },
  enums: {
      WebhookEventType: {
        CUSTOMER_CREATED: 'Customer created', CUSTOMER_UPDATED: 'Customer updated', CUSTOMER_DELETED: 'Customer deleted',
        CONTACT_CREATED: 'Contact created', CONTACT_UPDATED: 'Contact updated', LEAD_CREATED: 'Lead created', LEAD_CONVERTED: 'Lead converted',
        OPPORTUNITY_CREATED: 'Opportunity created', OPPORTUNITY_WON: 'Opportunity won', OPPORTUNITY_LOST: 'Opportunity lost',
        ORDER_CREATED: 'Order created', ORDER_CONFIRMED: 'Order confirmed', ORDER_PAID: 'Order paid', ORDER_SHIPPED: 'Order shipped',
        ORDER_DELIVERED: 'Order delivered', ORDER_COMPLETED: 'Order completed', ORDER_CANCELLED: 'Order cancelled',
        PAYMENT_RECEIVED: 'Payment received', SHIPMENT_CREATED: 'Shipment created', SHIPMENT_UPDATED: 'Shipment updated',
        PRODUCT_CREATED: 'Product created', PRODUCT_UPDATED: 'Product updated', PING: 'Test ping', WORKFLOW: 'Sent by a workflow',
      },
      WebhookDeliveryStatus: { PENDING: 'Pending', SUCCEEDED: 'Delivered', FAILED: 'Retrying', DEAD: 'Failed' },
  },
};

export const zhCN: typeof en = {
  webhooks: {
    new: '新建接收地址', intro: '每次变更保存后，订阅了相应事件的外部系统会收到带签名的 POST 推送。',
    url: '地址', events: '事件', enabled: '启用', failures: '连续失败', secret: '密钥', description: '说明',
    log: '推送记录', test: '发送测试', rotate: '更换密钥', delete: '删除', rotateConfirm: '旧密钥将立即失效，确定更换？',
    deleteConfirm: '删除该接收地址？未送达的事件将被丢弃。', logOf: '推送到 {{url}} 的记录', at: '时间', event: '事件',
    status: '状态', attempts: '尝试次数', response: '响应码', error: '错误', next: '下次尝试', redeliver: '重新推送',
    queued: '已加入推送队列', testOk: '测试已送达（HTTP {{code}}）', testFailed: '测试失败：{{error}}',
    secretTitle: '签名密钥', secretOnce: '请立即复制：密钥只显示这一次。接收方用它校验 CRM-Signature 请求头。',
  },
  enums: {
      WebhookEventType: {
        CUSTOMER_CREATED: '客户创建', CUSTOMER_UPDATED: '客户变更', CUSTOMER_DELETED: '客户删除',
        CONTACT_CREATED: '联系人创建', CONTACT_UPDATED: '联系人变更', LEAD_CREATED: '线索创建', LEAD_CONVERTED: '线索转化',
        OPPORTUNITY_CREATED: '商机创建', OPPORTUNITY_WON: '商机赢单', OPPORTUNITY_LOST: '商机输单',
        ORDER_CREATED: '订单创建', ORDER_CONFIRMED: '订单确认', ORDER_PAID: '订单已付清', ORDER_SHIPPED: '订单已发货',
        ORDER_DELIVERED: '订单已签收', ORDER_COMPLETED: '订单完成', ORDER_CANCELLED: '订单取消',
        PAYMENT_RECEIVED: '收到回款', SHIPMENT_CREATED: '发货单创建', SHIPMENT_UPDATED: '物流状态更新',
        PRODUCT_CREATED: '产品创建', PRODUCT_UPDATED: '产品变更', PING: '测试推送', WORKFLOW: '工作流推送',
      },
      WebhookDeliveryStatus: { PENDING: '待推送', SUCCEEDED: '已送达', FAILED: '重试中', DEAD: '失败' },
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
