import { listStateToParams, parseListState, type ListSort, type ListSpec, type ListState } from '../listState';

/** What a saved view keeps of a list's state: not the page (a view opens at its start). */
export interface ViewState {
  q?: string;
  filters?: Record<string, string | string[]>;
  sort?: ListSort | null;
  size?: number;
}

/** The state to save for what the list shows now. */
export function viewStateOf(state: ListState): ViewState {
  const out: ViewState = { filters: state.filters, sort: state.sort, size: state.size };
  if (state.q) out.q = state.q;
  return out;
}

/**
 * The list state a saved view opens: read back through the list's own URL rules, so a filter
 * or sort the list no longer offers falls back to its default instead of breaking the page.
 */
export function listStateOfView(view: unknown, spec: ListSpec): ListState {
  const v = (typeof view === 'object' && view !== null ? view : {}) as ViewState;
  const raw: ListState = {
    q: typeof v.q === 'string' ? v.q : '',
    filters: typeof v.filters === 'object' && v.filters !== null ? v.filters : {},
    sort: 'sort' in v ? (v.sort ?? null) : spec.defaultSort,
    size: typeof v.size === 'number' ? v.size : spec.defaultSize,
    page: 1,
  };
  return parseListState(listStateToParams(raw, spec), spec);
}

/** Whether the list shows what a view holds (its page aside). */
export function showsView(state: ListState, view: unknown, spec: ListSpec): boolean {
  const key = (s: ListState) => listStateToParams({ ...s, page: 1 }, spec).toString();
  return key(state) === key(listStateOfView(view, spec));
}

/** True when the URL sets none of the list's own parameters: the plain list, where a default view opens. */
export function isPlainList(params: URLSearchParams, spec: ListSpec): boolean {
  const owned = new Set(['q', 'sort', 'page', 'size', ...Object.keys(spec.filters)]);
  return ![...params.keys()].some((k) => owned.has(k));
}
