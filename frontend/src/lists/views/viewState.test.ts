import { describe, expect, it } from 'vitest';
import type { ListSpec } from '../listState';
import { isPlainList, listStateOfView, showsView, viewStateOf } from './viewState';

const spec: ListSpec = {
  filters: { stage: 'one', tags: 'many' }, sortFields: ['NAME', 'CREATED_AT'],
  defaultSort: { field: 'CREATED_AT', direction: 'DESC' }, defaultSize: 20, sizes: [10, 20, 50, 100],
};

describe('saved view state', () => {
  it('keeps search, filters, sort and size, never the page', () => {
    const state = { q: '华', filters: { stage: 'CUSTOMER' }, sort: { field: 'NAME', direction: 'ASC' as const }, page: 3, size: 50 };
    const saved = viewStateOf(state);
    expect(saved).toEqual({ q: '华', filters: { stage: 'CUSTOMER' }, sort: { field: 'NAME', direction: 'ASC' }, size: 50 });
    expect(listStateOfView(saved, spec)).toEqual({ ...state, page: 1 });
    expect(showsView(state, saved, spec)).toBe(true);
    expect(showsView({ ...state, q: '' }, saved, spec)).toBe(false);
  });

  it('falls back to the list defaults for what a view lacks or the list no longer offers', () => {
    expect(listStateOfView({ filters: { gone: 'x', tags: ['a'] }, sort: { field: 'GONE', direction: 'ASC' }, size: 7 }, spec)).toEqual({
      q: '', filters: { tags: ['a'] }, sort: { field: 'CREATED_AT', direction: 'DESC' }, size: 20, page: 1,
    });
    // an explicit "no sort" is kept apart from the default sort
    expect(listStateOfView({ sort: null }, spec).sort).toBeNull();
    expect(listStateOfView(null, spec).sort).toEqual(spec.defaultSort);
  });

  it('opens a default view only on the plain list', () => {
    expect(isPlainList(new URLSearchParams('view=pool'), spec)).toBe(true);
    expect(isPlainList(new URLSearchParams('stage=LEAD'), spec)).toBe(false);
    expect(isPlainList(new URLSearchParams('page=2'), spec)).toBe(false);
  });
});
