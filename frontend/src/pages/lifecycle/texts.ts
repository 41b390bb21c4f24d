import i18n from '../../i18n';

// The page's own texts load with its chunk (admins and managers only), with the labels of the
// enums shown nowhere else (src/i18n/enums.test.ts reads them here). The menu label and the
// labels the lists use (lifecycle stages, lead grades) stay in the app's locale files.
export const en = {
  lifecycle: {
    rules: 'Lifecycle rules', intro: 'Customers move by themselves: lead → prospect on the first interaction, → customer on the first paid order, → loyal after enough paid orders, → at risk and → churned when nothing happens (no order and no interaction). A satisfaction drop will count once the service module exists.',
    enabled: 'Move stages automatically', loyalOrders: 'Paid orders for loyal', loyalWithinDays: 'within (days)', atRiskDays: 'At risk after (days)', churnedDays: 'Churned after (days)',
    grades: 'Lead grades', gradeA: 'A from', gradeB: 'B from', gradeC: 'C from', save: 'Save', saved: 'Saved',
    scoring: 'Lead scoring rules', scoringIntro: 'Points a lead earns; its score sets its grade. Saving rescores every lead in the background. Campaign responses and email opens will count once marketing exists.',
    defaults: 'Default rules (not yet customised)', kind: 'Kind', field: 'Field', operator: 'Test', value: 'Value', points: 'Points', maxPoints: 'At most',
    add: 'Add rule', remove: 'Remove', saveRules: 'Save rules', rescoring: 'Rescoring leads: {{done}} / {{total}}', rescored: 'All {{total}} leads rescored',
  },
  enums: {
    LeadScoringKind: { FIELD: 'Field value', INTERACTIONS: 'Per interaction' },
    LeadScoringField: { SOURCE: 'Source', STATUS: 'Status', COMPANY: 'Company', TITLE: 'Job title', EMAIL: 'Email', PHONE: 'Phone' },
    LeadScoringOperator: { EQUALS: 'equals', CONTAINS: 'contains', IS_SET: 'is filled in' },
    LifecycleChangeReason: {
      FIRST_CONTACT: 'First contact', FIRST_PAID_ORDER: 'First paid order', REPEAT_ORDERS: 'Repeat orders', WON_BACK: 'Won back',
      GONE_QUIET: 'Gone quiet', CHURNED: 'Churned',
    },
  },
};

export const zhCN: typeof en = {
  lifecycle: {
    rules: '生命周期规则', intro: '客户阶段自动流转：首次跟进后由线索变为潜在客户，首笔订单付清后成为成交客户，付清订单达到次数后成为忠诚客户，长期无订单、无跟进则进入流失预警，再到流失。满意度下降待客服模块上线后计入。',
    enabled: '自动流转阶段', loyalOrders: '忠诚客户所需付清订单数', loyalWithinDays: '统计期（天）', atRiskDays: '多少天后流失预警', churnedDays: '多少天后流失',
    grades: '线索等级', gradeA: 'A 级起点', gradeB: 'B 级起点', gradeC: 'C 级起点', save: '保存', saved: '已保存',
    scoring: '线索评分规则', scoringIntro: '线索按规则累计得分，得分决定等级。保存后将在后台重新为所有线索评分。市场活动响应和邮件打开/点击待市场模块上线后计入。',
    defaults: '默认规则（尚未自定义）', kind: '类型', field: '字段', operator: '条件', value: '值', points: '分值', maxPoints: '上限',
    add: '添加规则', remove: '删除', saveRules: '保存规则', rescoring: '正在重新评分：{{done}} / {{total}}', rescored: '已为全部 {{total}} 条线索重新评分',
  },
  enums: {
    LeadScoringKind: { FIELD: '字段取值', INTERACTIONS: '每条跟进' },
    LeadScoringField: { SOURCE: '来源', STATUS: '状态', COMPANY: '公司', TITLE: '职位', EMAIL: '邮箱', PHONE: '电话' },
    LeadScoringOperator: { EQUALS: '等于', CONTAINS: '包含', IS_SET: '已填写' },
    LifecycleChangeReason: {
      FIRST_CONTACT: '首次跟进', FIRST_PAID_ORDER: '首笔订单付清', REPEAT_ORDERS: '多次复购', WON_BACK: '再次下单',
      GONE_QUIET: '长期无互动', CHURNED: '已流失',
    },
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
