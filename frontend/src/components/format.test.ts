import { formatMoney, sumDecimals } from './format';
import { runInBatches, runMatching } from './bulk';

describe('money', () => {
  it('sums decimal strings exactly', () => {
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.3');
    expect(sumDecimals(['1000000000000.01', '0.02', null])).toBe('1000000000000.03');
    expect(sumDecimals(['-5', '2.5'])).toBe('-2.5');
    expect(sumDecimals([])).toBe('0');
  });
  it('formats without floats', () => {
    expect(formatMoney({ amount: '1234567.5', currency: 'CNY' })).toBe('¥1,234,567.50');
    expect(formatMoney({ amount: '-12', currency: 'USD' })).toBe('-$12.00');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('bulk actions in batches', () => {
  it('reports per row and progress', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `c${i}`);
    const progress: number[] = [];
    const results = await runInBatches(
      ids,
      async (batch) => ({
        payload: {
          results: batch.map((id) => ({ id, ok: id !== 'c7', errors: id === 'c7' ? [{ code: 'FORBIDDEN', message: 'not yours' }] : [] })),
          errors: [],
        },
      }),
      (done) => progress.push(done),
      50,
    );
    expect(results).toHaveLength(120);
    expect(results.find((r) => r.id === 'c7')).toMatchObject({ id: 'c7', ok: false, errors: [{ code: 'FORBIDDEN', message: 'not yours' }] });
    expect(results.filter((r) => r.ok)).toHaveLength(119);
    expect(progress).toEqual([0, 50, 100, 120]);
  });
  it('marks a failed batch on every row', async () => {
    const results = await runInBatches(['a', 'b'], async () => ({ error: 'network down' }), () => {});
    expect(results.map((r) => [r.id, r.ok, r.message])).toEqual([['a', false, 'network down'], ['b', false, 'network down']]);
  });
  it('names each customer: from the result, else from the rows the user picked; never by its id', async () => {
    const results = await runInBatches(['a', 'b', 'c'], async () => ({
      payload: { results: [
        { id: 'a', ok: true, customer: { id: 'a', name: '上海星辰' }, errors: [] },
        { id: 'b', ok: false, customer: null, errors: [{ code: 'FORBIDDEN', message: 'no' }] },
      ], errors: [] },
    }), () => {}, 50, new Map([['b', '杭州明达'], ['a', 'stale name']]));
    expect(results.map((r) => r.name)).toEqual(['上海星辰', '杭州明达', undefined]);
  });
  it('for "every customer matching", reports what the server did per customer, in one request', async () => {
    let calls = 0;
    const results = await runMatching(async () => {
      calls += 1;
      return { payload: { results: [
        { id: 'x', ok: true, customer: { id: 'x', name: '北京远航' }, errors: [] },
        { id: 'y', ok: false, customer: null, errors: [{ code: 'LIMIT_REACHED', message: 'limit' }] },
      ], errors: [] } };
    }, new Map([['y', '广州华信']]));
    expect(calls).toBe(1);
    expect(results.map((r) => [r.id, r.ok, r.name])).toEqual([['x', true, '北京远航'], ['y', false, '广州华信']]);
  });
  it('a refusal of the whole request (too many match) is one failed item, not a success', async () => {
    const refused = await runMatching(async () => ({ payload: { results: null, errors: [{ field: 'matching', code: 'LIMIT_REACHED', message: 'too many', params: { limit: 1000 } }] } }));
    expect(refused).toEqual([{ id: '', ok: false, errors: [{ field: 'matching', code: 'LIMIT_REACHED', message: 'too many', params: { limit: 1000 } }], message: undefined }]);
    const down = await runMatching(async () => ({ error: 'network down' }));
    expect(down.map((r) => [r.ok, r.message])).toEqual([[false, 'network down']]);
  });
});
