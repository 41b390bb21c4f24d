import { activeFilterCount, listStateToParams, parseListState, withChange, type ListSpec } from './listState';

const spec: ListSpec = {
  filters: { stage: 'one', tags: 'many' },
  sortFields: ['NAME', 'CREATED_AT'],
  defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
  defaultSize: 20,
  sizes: [10, 20, 50, 100],
};

describe('list state in the URL', () => {
  it('reads search, filters, sort, size and page', () => {
    const s = parseListState(new URLSearchParams('q=星辰&stage=CUSTOMER&tags=t1,t2&sort=name.asc&size=50&page=3'), spec);
    expect(s).toEqual({ q: '星辰', filters: { stage: 'CUSTOMER', tags: ['t1', 't2'] }, sort: { field: 'NAME', direction: 'ASC' }, page: 3, size: 50 });
  });

  it('falls back to the defaults for what is missing or malformed', () => {
    const s = parseListState(new URLSearchParams('sort=password.asc&size=7&page=-2&unknown=1'), spec);
    expect(s).toEqual({ q: '', filters: {}, sort: { field: 'CREATED_AT', direction: 'DESC' }, page: 1, size: 20 });
  });

  it('writes back only what differs from the defaults, keeping parameters it does not own', () => {
    const s = parseListState(new URLSearchParams('stage=LEAD&sort=name.desc&page=2'), spec);
    const out = listStateToParams(s, spec, new URLSearchParams('view=pool&page=9'));
    expect(out.toString()).toBe('view=pool&stage=LEAD&sort=name.desc&page=2');
    expect(listStateToParams(parseListState(new URLSearchParams(''), spec), spec).toString()).toBe('');
  });

  it('round-trips: a shared link shows the same list', () => {
    const url = 'q=a+b&stage=LEAD&tags=t1%2Ct2&sort=name.asc&size=50&page=4';
    const s = parseListState(new URLSearchParams(url), spec);
    expect(parseListState(listStateToParams(s, spec), spec)).toEqual(s);
  });

  it('no sort at all is kept as such (not the default)', () => {
    const s = withChange(parseListState(new URLSearchParams(''), spec), { sort: null });
    const p = listStateToParams(s, spec);
    expect(p.get('sort')).toBe('');
    expect(parseListState(p, spec).sort).toBeNull();
  });

  it('a new filter or sort goes back to page 1; a page change keeps the rest', () => {
    const s = parseListState(new URLSearchParams('stage=LEAD&page=5'), spec);
    expect(withChange(s, { filters: { stage: 'CUSTOMER' } }).page).toBe(1);
    expect(withChange(s, { page: 6 })).toMatchObject({ page: 6, filters: { stage: 'LEAD' } });
    expect(activeFilterCount(withChange(s, { q: 'x' }))).toBe(2);
  });
});
