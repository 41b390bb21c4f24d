import dayjs from 'dayjs';
import i18n, { setLanguage } from '../../i18n';
import '../../i18n/dayjs';
import { buildStory, humanDate, uuidOf, type TimelineEntryInput } from './timeline';

const gid = (type: string, uuid: string) => btoa(`${type}:${uuid}`);
const zhang = { id: gid('User', 'u-zhang'), name: '张伟' };
const INTERACTION = gid('Interaction', 'i-1');
const CUSTOMER = gid('Customer', 'c-1');

/** What the API sent for one logged call with a next follow-up (taken from a real response). */
const loggedCall: TimelineEntryInput[] = [
  {
    at: '2026-12-02T19:30:53.633+00:00', kind: 'audit',
    auditEvent: { id: 'a3', action: 'create', objectType: 'Interaction', objectId: INTERACTION, requestId: 'r1', createdAt: '2026-12-02T19:30:53.633+00:00', actor: zhang,
      changes: [{ field: 'kind', old: null, new: 'call' }, { field: 'summary', old: null, new: '确认报价' }] },
  },
  {
    at: '2026-12-02T19:30:53.632+00:00', kind: 'audit',
    auditEvent: { id: 'a2', action: 'create', objectType: 'Task', objectId: gid('Task', 't-1'), requestId: 'r1', createdAt: '2026-12-02T19:30:53.632+00:00', actor: zhang,
      changes: [{ field: 'title', old: null, new: '跟进 / Follow up: 上海星辰' }, { field: 'dueAt', old: null, new: '2026-12-21T00:00:00+08:00' }] },
  },
  {
    at: '2026-12-02T19:30:53.631+00:00', kind: 'audit',
    auditEvent: { id: 'a1', action: 'follow_up', objectType: 'Customer', objectId: CUSTOMER, requestId: 'r1', createdAt: '2026-12-02T19:30:53.631+00:00', actor: zhang,
      changes: [
        { field: 'lastFollowUpAt', old: '2026-11-30T23:17:20+00:00', new: '2026-12-02T19:30:53.627+00:00' },
        { field: 'lastInteractionId', old: 'ed8bc81b-a75c', new: 'i-1' },
        { field: 'nextFollowUpAt', old: null, new: '2026-12-21T00:00:00+08:00' },
      ] },
  },
  {
    at: '2026-12-02T19:30:53.627+00:00', kind: 'interaction',
    interaction: { id: INTERACTION, kind: 'CALL', direction: 'OUTBOUND', summary: '确认报价', occurredAt: '2026-12-02T19:30:53.627+00:00', nextFollowUpAt: '2026-12-21T00:00:00+08:00', owner: zhang },
  },
];

const now = dayjs('2026-12-02T12:00:00+08:00');
const users: Record<string, string> = { 'u-liu': '刘洋' };

function story(entries: TimelineEntryInput[]) {
  return buildStory(entries, { t: i18n.t.bind(i18n), lang: i18n.language, userName: (u) => users[u], now, taskTitle: (id) => (id === gid('Task', 't-9') ? '寄样品' : undefined) });
}

describe('the customer timeline as sentences', () => {
  afterEach(async () => { await setLanguage('zh-CN'); });

  it('a logged call is one entry: the follow-up bookkeeping and the follow-up task fold into it', async () => {
    await setLanguage('zh-CN');
    const items = story(loggedCall);
    expect(items).toHaveLength(1);
    const [call] = items;
    expect(call.headline).toBe('张伟 记录了一次电话');
    expect(call.text).toBe('确认报价');
    expect(call.details).toEqual(['下次跟进定在 12月21日', '创建了任务“跟进 / Follow up: 上海星辰”，截止 12月21日']);
    // nothing of the raw records reaches the sentences
    const all = [call.headline, ...call.details].join(' ');
    expect(all).not.toMatch(/lastInteractionId|lastFollowUpAt|2026-12|Interaction|create/);
    // ...but all three records are one click away
    expect(call.raw.map((r) => r.id).sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('speaks English when the user does', async () => {
    await setLanguage('en');
    const [call] = story(loggedCall);
    expect(call.headline).toBe('张伟 logged a call');
    expect(call.details[0]).toBe('next follow-up set for 21 Dec');
  });

  it('a moved follow-up date says from and to', async () => {
    await setLanguage('en');
    const [item] = story([{ at: '2026-12-03T02:00:00Z', kind: 'audit', auditEvent: {
      id: 'b1', action: 'update', objectType: 'Customer', objectId: CUSTOMER, requestId: 'r2', createdAt: '2026-12-03T02:00:00Z', actor: zhang,
      changes: [{ field: 'nextFollowUpAt', old: '2026-12-21T00:00:00+08:00', new: '2027-01-05T00:00:00+08:00' }, { field: 'lifecycleStage', old: 'prospect', new: 'customer' }],
    } }]);
    expect(item.headline).toBe('张伟 changed the profile');
    expect(item.details).toEqual(['next follow-up moved from 21 Dec to 5 Jan 2027', 'stage: Prospect → Customer']);
  });

  it('a transfer names the new owner and the reason, not ids', async () => {
    await setLanguage('zh-CN');
    const [item] = story([{ at: '2026-12-03T02:00:00Z', kind: 'audit', auditEvent: {
      id: 'c1', action: 'transfer', objectType: 'Customer', objectId: CUSTOMER, requestId: 'r3', createdAt: '2026-12-03T02:00:00Z', actor: zhang, note: '区域调整',
      changes: [{ field: 'ownerId', old: 'u-zhang', new: 'u-liu' }, { field: 'teamId', old: 't', new: 't2' }],
    } }]);
    expect(item.headline).toBe('张伟 把客户转给了 刘洋');
    expect(item.text).toBe('原因：区域调整');
  });

  it('a completed task reads as such, by its title; a task reopened too', async () => {
    await setLanguage('zh-CN');
    const ev = (id: string, old: string, neu: string) => ({ at: '2026-12-03T02:00:00Z', kind: 'audit', auditEvent: {
      id, action: 'update', objectType: 'Task', objectId: gid('Task', 't-9'), requestId: id, createdAt: '2026-12-03T02:00:00Z', actor: zhang,
      changes: [{ field: 'status', old, new: neu }, { field: 'completedAt', old: null, new: '2026-12-03T02:00:00Z' }] } });
    const [reopened, done] = story([ev('d2', 'done', 'open'), ev('d1', 'open', 'done')]);
    expect(done.headline).toBe('张伟 完成了任务“寄样品”');
    expect(done.details).toEqual([]);
    expect(reopened.headline).toBe('张伟 重新打开了任务“寄样品”');
  });

  it('a stage change folds the opportunity\'s move record and names both stages', async () => {
    await setLanguage('en');
    const opp = { id: gid('Opportunity', 'o-1'), title: 'ERP 升级' };
    const items = story([
      { at: '2026-12-03T02:00:00.100Z', kind: 'audit', auditEvent: { id: 'm1', action: 'move', objectType: 'Opportunity', objectId: opp.id, requestId: 'r9', createdAt: '2026-12-03T02:00:00.100Z', actor: zhang, changes: [{ field: 'stageId', old: 'x', new: 'y' }, { field: 'probability', old: 20, new: 50 }] } },
      { at: '2026-12-03T02:00:00Z', kind: 'stage_change', stageChange: { id: 's1', createdAt: '2026-12-03T02:00:00Z', fromStage: { id: '1', name: '初步接触', nameEn: 'Qualification' }, toStage: { id: '2', name: '方案报价', nameEn: 'Proposal' }, changedBy: zhang, opportunity: opp } },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0].headline).toBe('张伟 moved “ERP 升级” from Qualification to Proposal');
    expect(items[0].raw.map((r) => r.id)).toEqual(['m1']);
    expect(items[0].link?.to).toContain('/opportunities/');
  });

  it('events of one request are one entry; events of the system say so', async () => {
    await setLanguage('zh-CN');
    const items = story([
      { at: '2026-12-03T02:00:01Z', kind: 'audit', auditEvent: { id: 'e2', action: 'create', objectType: 'Contact', objectId: 'x', requestId: 'r5', createdAt: '2026-12-03T02:00:01Z', actor: zhang, changes: [{ field: 'name', old: null, new: '李四' }] } },
      { at: '2026-12-03T02:00:00Z', kind: 'audit', auditEvent: { id: 'e1', action: 'create', objectType: 'Customer', objectId: CUSTOMER, requestId: 'r5', createdAt: '2026-12-03T02:00:00Z', actor: zhang, changes: [{ field: 'name', old: null, new: '上海星辰' }] } },
      { at: '2026-11-03T02:00:00Z', kind: 'audit', auditEvent: { id: 'e0', action: 'release', objectType: 'Customer', objectId: CUSTOMER, requestId: '-', createdAt: '2026-11-03T02:00:00Z', actor: null, note: 'No follow-up for 30 days', changes: [] } },
    ]);
    expect(items.map((i) => i.headline)).toEqual(['张伟 创建了客户', '系统 把客户释放到了公海']);
    expect(items[0].details).toEqual(['张伟 添加了联系人 李四']);
  });

  it('an order payment shows the amount received, from minor units', async () => {
    await setLanguage('zh-CN');
    const [item] = story([{ at: '2026-12-03T02:00:00Z', kind: 'audit', auditEvent: {
      id: 'p1', action: 'payment', objectType: 'Order', objectId: gid('Order', 'o'), requestId: 'r7', createdAt: '2026-12-03T02:00:00Z', actor: zhang, note: 'payment 5d1c…',
      changes: [{ field: 'paid', old: '10000', new: '110050' }, { field: 'paymentStatus', old: 'partially_paid', new: 'paid' }] } }]);
    expect(item.headline).toBe('张伟 登记了回款 ¥1,000.50');
    expect(item.headline + item.details.join('')).not.toContain('5d1c');
  });
});

describe('dates and ids', () => {
  it('formats dates as people write them', () => {
    expect(humanDate('2026-12-21T00:00:00+08:00', { lang: 'zh-CN', now })).toBe('12月21日');
    expect(humanDate('2027-01-05', { lang: 'en', now })).toBe('5 Jan 2027');
    expect(humanDate('2026-12-21T10:30:00+08:00', { lang: 'en', now })).toBe('21 Dec 10:30');
  });
  it('reads the UUID of a global id', () => {
    expect(uuidOf(btoa('Interaction:ef99-1'))).toBe('ef99-1');
  });
});
