/**
 * A list's state in the URL (the idea of refine's useTable): search text, filters, sort, page
 * size and page live in the query string, so a reload, Back from a detail page or a shared
 * link shows the same list. Pure functions here; `useListState` binds them to the router.
 */
export type SortDirection = 'ASC' | 'DESC';

export interface ListSort {
  field: string;
  direction: SortDirection;
}

export interface ListState {
  q: string;
  /** filter name -> value(s); only names the spec declares */
  filters: Record<string, string | string[]>;
  sort: ListSort | null;
  page: number;
  size: number;
}

export interface ListSpec {
  /** filter names and whether each holds several values */
  filters: Record<string, 'one' | 'many'>;
  /** sort fields the list offers (the API's sort enum values) */
  sortFields: readonly string[];
  defaultSort: ListSort | null;
  defaultSize: number;
  sizes: readonly number[];
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

function positiveInt(v: string | null, fallback: number): number {
  const n = v == null ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The list state a query string describes; anything unknown or malformed falls back to the defaults. */
export function parseListState(params: URLSearchParams, spec: ListSpec): ListState {
  const filters: Record<string, string | string[]> = {};
  for (const [name, kind] of Object.entries(spec.filters)) {
    const values = params.getAll(name).flatMap((v) => (kind === 'many' ? v.split(',') : [v])).map((v) => v.trim()).filter(Boolean);
    if (!values.length) continue;
    filters[name] = kind === 'many' ? values : values[0];
  }
  let sort = spec.defaultSort;
  const s = params.get('sort');
  if (s === '') sort = null;
  else if (s) {
    const [name, dir] = s.split('.');
    const field = name.toUpperCase();
    const direction = dir?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
    if (spec.sortFields.includes(field)) sort = { field, direction };
  }
  const size = positiveInt(params.get('size'), spec.defaultSize);
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort,
    page: positiveInt(params.get('page'), 1),
    size: spec.sizes.includes(size) ? size : spec.defaultSize,
  };
}

/**
 * The query string of a list state: defaults are left out, so the plain list has a plain URL.
 * Parameters the list does not own (e.g. `view=pool`) are kept from `base`.
 */
export function listStateToParams(state: ListState, spec: ListSpec, base?: URLSearchParams): URLSearchParams {
  const owned = new Set(['q', 'sort', 'page', 'size', ...Object.keys(spec.filters)]);
  const out = new URLSearchParams();
  if (base) for (const [k, v] of base) if (!owned.has(k)) out.append(k, v);
  if (state.q) out.set('q', state.q);
  for (const name of Object.keys(spec.filters)) {
    const v = state.filters[name];
    if (Array.isArray(v) ? v.length : v) out.set(name, Array.isArray(v) ? v.join(',') : v);
  }
  const d = spec.defaultSort;
  const same = (a: ListSort | null, b: ListSort | null) => (a && b ? a.field === b.field && a.direction === b.direction : a === b);
  if (!same(state.sort, d)) out.set('sort', state.sort ? `${state.sort.field.toLowerCase()}.${state.sort.direction.toLowerCase()}` : '');
  if (state.size !== spec.defaultSize) out.set('size', String(state.size));
  if (state.page > 1) out.set('page', String(state.page));
  return out;
}

/** How many filters (and search) are set: the phone's filter button shows it. */
export function activeFilterCount(state: ListState): number {
  return (state.q ? 1 : 0) + Object.values(state.filters).filter((v) => (Array.isArray(v) ? v.length : v)).length;
}

/** A change of search, filter, sort or size starts again at page 1. */
export function withChange(state: ListState, change: Partial<Omit<ListState, 'page'>> & { page?: number }): ListState {
  const next = { ...state, ...change };
  if (change.page === undefined) next.page = 1;
  return next;
}
