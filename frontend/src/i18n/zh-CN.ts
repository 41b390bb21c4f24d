export const zhCN = {
  app: { title: '客户关系管理', language: '语言', logout: '退出登录', loading: '加载中…', partialData: '部分字段无权查看，已隐藏' },
  menu: {
    dashboard: '数据看板', customers: '客户管理', pool: '公海', leads: '线索', pipeline: '商机看板', tasks: '日程任务',
    orders: '订单管理', stock: '库存', payroll: '薪酬管理', myPayslips: '我的工资条',
  },
  login: {
    title: '登录', email: '邮箱', password: '密码', submit: '登录', required: '请填写此项',
    failed: '登录失败', networkError: '无法连接服务器',
  },
  common: {
    search: '搜索', reset: '重置', save: '保存', cancel: '取消', confirm: '确定', edit: '编辑', create: '新建',
    actions: '操作', total: '共 {{count}} 条', selected: '已选 {{count}} 项', success: '操作成功', failed: '操作失败',
    yes: '是', no: '否', none: '无', forbidden: '无权访问', forbiddenHint: '您的角色无权访问此页面。', notFound: '页面不存在',
    back: '返回首页', columns: '列设置', result: '结果', ok: '成功', error: '错误', refresh: '刷新', detail: '详情', masked: '已脱敏',
    noData: '暂无数据', noModules: '您的角色暂无可用的模块', all: '全部', progress: '处理中 {{done}}/{{total}}', bulkDone: '完成：成功 {{ok}} 条，失败 {{failed}} 条',
  },
  customer: {
    name: '客户名称', industry: '行业', region: '地区', phone: '电话', email: '邮箱', source: '来源', stage: '阶段',
    level: '级别', owner: '负责人', team: '团队', inPool: '公海', tags: '标签', lastFollowUp: '最近跟进',
    nextFollowUp: '下次跟进', createdAt: '创建时间', contacts: '联系人', timeline: '时间线', opportunities: '商机',
    orders: '订单', tasks: '任务', profile: '基本资料', person: '个人', company: '企业', address: '地址', kind: '类型',
    searchPlaceholder: '名称 / 联系人 / 电话', addTags: '添加标签', removeTags: '移除标签', transfer: '批量转移',
    releaseToPool: '释放到公海', claim: '领取', merge: '合并重复客户', mergeInto: '保留的客户', mergeFrom: '被合并的客户',
    toOwner: '转移给', reason: '原因', duplicateWarning: '可能重复：{{message}}', createAnyway: '仍然创建',
    logInteraction: '写跟进', newCustomer: '新建客户', bulkResult: '批量操作结果', pool: '公海客户',
  },
  interaction: {
    kind: '方式', summary: '内容', occurredAt: '时间', nextFollowUpAt: '下次跟进日期', outcome: '结果', queued: '当前离线：跟进已保存，联网后自动提交',
    kinds: { CALL: '电话', EMAIL: '邮件', MEETING: '会议', VISIT: '拜访', MESSAGE: '消息', NOTE: '备注' },
  },
  lead: { name: '姓名', company: '公司', status: '状态', source: '来源', convert: '转化', createOpportunity: '同时创建商机', opportunityTitle: '商机名称', converted: '已转化为客户' },
  pipeline: {
    title: '商机看板', count: '{{count}} 个', amount: '金额', won: '赢单', lost: '输单', lostReason: '输单原因',
    closeDate: '预计成交', probability: '赢率', moveWon: '确认赢单', moveLost: '确认输单', wonHint: '确认该商机已赢单？',
  },
  task: { title: '标题', due: '截止', priority: '优先级', status: '状态', mine: '我的任务', overdue: '已逾期', done: '已完成', complete: '完成', customer: '客户' },
  order: {
    number: '订单号', customer: '客户', status: '状态', paymentStatus: '回款状态', total: '金额', createdAt: '下单时间',
    confirm: '确认订单', ship: '发货', recordPayment: '登记回款', return: '退换货', cancel: '取消订单', lines: '订单明细',
    product: '产品', quantity: '数量', unitPrice: '单价', available: '可用库存', history: '状态历史', shipments: '发货单',
    payments: '回款记录', create: '新建订单', warehouse: '仓库', insufficient: '库存不足：{{detail}}', amount: '金额',
    method: '方式', reference: '参考号', carrier: '承运商', tracking: '运单号', kind: '类型', reason: '原因', insufficientTitle: '库存不足，无法确认', approveReturn: '批准', rejectReturn: '驳回', receiveReturn: '收货入库', refundReturn: '退款', balanceDue: '待回款', reserved: '已预留', shipped: '已发货', returned: '已退回',
  },
  stock: {
    levels: '库存水平', movements: '出入库流水', product: '产品', warehouse: '仓库', onHand: '在库', reserved: '已预留',
    available: '可用', reorderPoint: '补货点', low: '低库存', receive: '入库', adjust: '调整', transfer: '调拨',
    quantity: '数量', reason: '原因', kind: '类型', at: '时间', to: '目标仓库', reference: '关联单据', lowCount: '低库存品项',
  },
  payroll: {
    employees: '员工', plans: '薪酬方案', runs: '发薪批次', period: '期间', status: '状态', calculate: '计算',
    approve: '审批', newRun: '新建发薪批次', payslips: '工资条', employee: '员工', gross: '应发', net: '实发',
    tax: '个税', base: '基本工资', commission: '提成', lines: '计算说明', employerCost: '公司成本', title: '职位',
    hireDate: '入职日期', number: '工号', month: '月份', bonus: '奖金', contributions: '个人社保公积金', department: '部门', plan: '薪酬方案', leave: '年假余额', bank: '银行账户', tiers: '提成阶梯', newCustomerBonus: '新客户奖励',
  },
  enums: {
    stage: { PROSPECT: '潜在客户', LEAD: '线索', OPPORTUNITY: '商机', CUSTOMER: '成交客户', LOYAL: '忠实客户', CHURNED: '已流失' },
    leadStatus: { NEW: '新线索', CONTACTED: '已联系', QUALIFIED: '已确认', DISQUALIFIED: '无效', CONVERTED: '已转化' },
    taskStatus: { OPEN: '待办', IN_PROGRESS: '进行中', DONE: '已完成', CANCELLED: '已取消' },
    priority: { LOW: '低', NORMAL: '普通', HIGH: '高', URGENT: '紧急' },
    paymentMethod: { BANK_TRANSFER: '银行转账', CASH: '现金', CARD: '刷卡', ALIPAY: '支付宝', WECHAT_PAY: '微信支付', CHEQUE: '支票', OTHER: '其他' },
    orderStatus: { DRAFT: '草稿', CONFIRMED: '已确认', PARTIALLY_SHIPPED: '部分发货', SHIPPED: '已发货', DELIVERED: '已送达', COMPLETED: '已完成', CANCELLED: '已取消' },
    paymentStatus: { UNPAID: '未回款', PARTIALLY_PAID: '部分回款', PAID: '已回款' },
    payRunStatus: { DRAFT: '草稿', CALCULATED: '已计算', APPROVED: '已审批', PAID: '已发放' },
    shipmentStatus: { PENDING: '待发运', IN_TRANSIT: '运输中', DELIVERED: '已签收' },
    timeline: { interaction: '跟进', stage_change: '阶段变更', audit: '修改记录', order: '订单' },
  },
  dashboard: {
    funnel: '商机漏斗', bookedCollected: '签约与回款（按月）', booked: '签约', collected: '回款', topReps: '销售排行',
    lowStock: '低库存', noAccess: '无权查看此数据',
  },
};
export type Translations = typeof zhCN;
