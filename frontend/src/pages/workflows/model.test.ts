import { describe, expect, it } from 'vitest';
import {
  conditionToFilter, cronHint, emptyState, filterToCondition, fromWorkflow, moveStep, newStep, stepField, toInput, updateList, type Step,
} from './model';

describe('the editor state sent to the API', () => {
  it('a field-changed trigger keeps only given from/to values, typed', () => {
    const s = { ...emptyState(), name: ' Won ', trigger: { type: 'field_changed' as const, field: 'lifecycleStage', from: '', to: 'CUSTOMER' } };
    expect(toInput(s).trigger).toEqual({ type: 'field_changed', field: 'lifecycleStage', to: 'CUSTOMER' });
    expect(toInput(s).name).toBe('Won');
    const n = { ...s, trigger: { type: 'field_changed' as const, field: 'probability', from: '10', to: 'true' } };
    expect(toInput(n).trigger).toEqual({ type: 'field_changed', field: 'probability', from: 10, to: true });
  });

  it('a schedule sends its cron and nothing else; record triggers send only their type', () => {
    expect(toInput({ ...emptyState(), trigger: { type: 'schedule', cron: ' 0 9 * * 1-5 ', field: 'x' } }).trigger).toEqual({ type: 'schedule', cron: '0 9 * * 1-5' });
    expect(toInput({ ...emptyState(), trigger: { type: 'deleted', field: 'x' } }).trigger).toEqual({ type: 'deleted' });
  });

  it('no filter is no condition: every record', () => {
    expect(toInput(emptyState()).condition).toBeNull();
  });

  it('the list filters become the list API filter, per type', () => {
    expect(conditionToFilter('CUSTOMER', { q: 'Acme', filters: { stage: 'LEAD', region: 'East', owner: 'VXNlcjox', level: '' } }))
      .toEqual({ search: 'Acme', lifecycleStage: { eq: 'LEAD' }, region: { contains: 'East' }, owner: { eq: 'VXNlcjox' } });
    expect(conditionToFilter('LEAD', { q: 'Li', filters: {} })).toEqual({ name: { contains: 'Li' } });
    expect(conditionToFilter('TASK', { q: 'ignored', filters: { status: ['OPEN'], overdue: 'true' } })).toEqual({ status: ['OPEN'], overdue: true });
    expect(conditionToFilter('OPPORTUNITY', { q: '', filters: { isOpen: 'false' } })).toEqual({ isOpen: { eq: false } });
  });

  it('a stored condition the filter bar shows comes back as the same filter', () => {
    const f = { search: 'Acme', lifecycleStage: { eq: 'LEAD' }, owner: { eq: 'VXNlcjox' } };
    const c = filterToCondition('CUSTOMER', f);
    expect(c.raw).toBeUndefined();
    expect(conditionToFilter('CUSTOMER', c)).toEqual(f);
  });

  it('a stored condition the bar cannot show is sent back untouched', () => {
    const f = { or: [{ level: { eq: 'A' } }, { level: { eq: 'B' } }] };
    expect(filterToCondition('CUSTOMER', f).raw).toEqual(f);
    expect(conditionToFilter('CUSTOMER', filterToCondition('CUSTOMER', f))).toEqual(f);
    expect(filterToCondition('CUSTOMER', { level: { in: ['A'] } }).raw).toBeDefined();
  });

  it('each step sends only what its type reads, never the editor key', () => {
    const task: Step = { ...newStep('create_task'), title: ' Call {record} ', dueInDays: 2, userId: 'u1' };
    const wait: Step = { ...newStep('wait'), days: 0, hours: 2, minutes: null };
    const upd: Step = { ...newStep('update_fields'), fields: [{ field: 'level', value: 'A' }, { field: 'nextFollowUpAt', inDays: 3, value: 'x' }] };
    const s = { ...emptyState(), steps: [task, wait, upd] };
    expect(toInput(s).actions).toEqual([
      { type: 'create_task', title: 'Call {record}', dueInDays: 2, assignee: 'record_owner' },
      { type: 'wait', days: 0, hours: 2 },
      { type: 'update_fields', fields: [{ field: 'level', value: 'A' }, { field: 'nextFollowUpAt', inDays: 3 }] },
    ]);
  });

  it('a branch sends its condition and both nested step lists', () => {
    const b: Step = { ...newStep('branch'), condition: { q: '', filters: { level: 'A' } }, then: [{ ...newStep('notify'), title: 'Hi' }], else: [] };
    expect(toInput({ ...emptyState(), steps: [b] }).actions).toEqual([
      { type: 'branch', condition: { level: { eq: 'A' } }, then: [{ type: 'notify', to: ['record_owner'], title: 'Hi' }], else: [] },
    ]);
  });

  it('an approval step sends its rule and a reason only when given, and opens as saved', () => {
    const ask: Step = { ...newStep('start_approval'), rule: 'QXBwcm92YWxSdWxlOjE=', reason: '  Check {record} ' };
    const bare: Step = { ...newStep('start_approval'), rule: 'Big deals' };
    expect(toInput({ ...emptyState(), steps: [ask, bare] }).actions).toEqual([
      { type: 'start_approval', rule: 'QXBwcm92YWxSdWxlOjE=', reason: 'Check {record}' },
      { type: 'start_approval', rule: 'Big deals' },
    ]);
    const stored = {
      name: 'Renewals', description: '', objectType: 'ORDER' as const, enabled: true,
      trigger: { type: 'date_reached', field: 'contractEnd', offsetDays: -30 },
      condition: null, actions: [{ type: 'start_approval', rule: 'QXBwcm92YWxSdWxlOjE=', reason: 'Renew?' }],
    };
    expect(toInput(fromWorkflow(stored)).actions).toEqual(stored.actions);
    expect(toInput(fromWorkflow(stored)).trigger).toEqual(stored.trigger);
  });

  it('a stored workflow opens in the editor and saves back as it was', () => {
    const stored = {
      name: 'W', description: 'd', objectType: 'CUSTOMER' as const, enabled: true,
      trigger: { type: 'date_reached', field: 'poolReturnAt', offsetDays: -3 },
      condition: { level: { eq: 'A' } },
      actions: [
        { type: 'notify', to: ['record_owner'], title: 'T', body: 'B' },
        { type: 'branch', condition: { region: { contains: 'N' } }, then: [{ type: 'add_tags', tagIds: ['t1'] }], else: [{ type: 'assign_owner', teamId: 'team1' }] },
      ],
    };
    const back = toInput(fromWorkflow(stored));
    expect(back).toEqual({ name: 'W', description: 'd', objectType: 'CUSTOMER', trigger: stored.trigger, condition: stored.condition, actions: stored.actions });
  });
});

describe('editing the step tree', () => {
  const a = newStep('notify'); const b = newStep('wait'); const c = newStep('webhook');
  it('moves a step up and down within its list, not past its ends', () => {
    expect(moveStep([a, b, c], 2, 1).map((s) => s.key)).toEqual([a.key, c.key, b.key]);
    expect(moveStep([a, b, c], 0, -1)).toEqual([a, b, c]);
  });
  it('changes the nested list of a branch without touching the rest', () => {
    const branch = { ...newStep('branch'), then: [a] };
    const out = updateList([b, branch], [1, 'then'], (l) => [...l, c]);
    expect(out[0]).toBe(b);
    expect(out[1].then?.map((s) => s.key)).toEqual([a.key, c.key]);
  });
  it('names a step as the API names it in its errors', () => {
    expect(stepField([], 2)).toBe('actions[2]');
    expect(stepField([1, 'then'], 0)).toBe('actions[1].then[0]');
  });
});

describe('a cron in words', () => {
  it('reads common shapes and says when five fields are missing', () => {
    expect(cronHint('0 9 * * 1-5')).toEqual({ key: 'cronWeekdays', values: { time: '09:00' } });
    expect(cronHint('30 8 * * *')).toEqual({ key: 'cronDaily', values: { time: '08:30' } });
    expect(cronHint('0 9 1 * *')).toEqual({ key: 'cronMonthly', values: { time: '09:00', day: 1 } });
    expect(cronHint('0 9 * * 7')?.values?.day).toBe(0);
    expect(cronHint('every day')).toEqual({ key: 'cronFive' });
    expect(cronHint('*/5 1-3 * * *')).toBeNull();
  });
});
