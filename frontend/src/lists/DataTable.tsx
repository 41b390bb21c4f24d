import type { ReactNode } from 'react';
import { Checkbox } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../components/useMediaQuery';
import type { ListSort } from './listState';

export interface Column<R> {
  key: string;
  title: ReactNode;
  render: (row: R) => ReactNode;
  /** the API's sort field, when the list can be sorted by this column */
  sortField?: string;
  align?: 'left' | 'right' | 'center';
  className?: string;
}

export interface DataTableProps<R> {
  rows: readonly R[];
  rowKey: (row: R) => string;
  columns: readonly Column<R>[];
  /** phones (< 768 px) get one card per row instead of a table scrolled sideways */
  card: (row: R) => ReactNode;
  loading?: boolean;
  selection?: { selected: readonly string[]; onChange: (keys: string[]) => void; label?: (row: R) => string };
  sort?: ListSort | null;
  onSort?: (sort: ListSort | null) => void;
  empty?: ReactNode;
  testId?: string;
}

/**
 * The app's lists: a plain table styled like antd's (antd's Table with its filter trees and
 * virtual lists costs ~60 KB gzipped, over the list route's budget), with sortable headers
 * (`aria-sort`), row selection, and a card per row on phones.
 */
export function DataTable<R>({ rows, rowKey, columns, card, loading, selection, sort, onSort, empty, testId }: DataTableProps<R>) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const selected = new Set(selection?.selected ?? []);
  const keys = rows.map(rowKey);
  const allChecked = keys.length > 0 && keys.every((k) => selected.has(k));
  const someChecked = keys.some((k) => selected.has(k));
  const toggle = (k: string, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(k);
    else next.delete(k);
    selection.onChange([...next]);
  };
  const toggleAll = (on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const k of keys) {
      if (on) next.add(k);
      else next.delete(k);
    }
    selection.onChange([...next]);
  };
  const nextSort = (field: string): ListSort | null => {
    if (sort?.field !== field) return { field, direction: 'ASC' };
    return sort.direction === 'ASC' ? { field, direction: 'DESC' } : null;
  };
  const emptyNode = <div className="crm-table-empty">{empty ?? t('common.noData')}</div>;

  if (phone) {
    return (
      <div className="crm-cards" data-testid={testId} aria-busy={loading || undefined} data-layout="cards">
        {loading ? <div className="crm-table-loading" /> : null}
        {rows.length ? rows.map((r) => {
          const k = rowKey(r);
          return (
            <div key={k} className={selected.has(k) ? 'crm-card crm-row crm-card-selected' : 'crm-card crm-row'} data-row-key={k}>
              {selection ? (
                <Checkbox className="crm-card-check" checked={selected.has(k)} onChange={(e) => toggle(k, e.target.checked)} aria-label={selection.label?.(r) ?? k} />
              ) : null}
              <div className="crm-card-body">{card(r)}</div>
            </div>
          );
        }) : emptyNode}
      </div>
    );
  }

  return (
    <div className="crm-table-wrap" data-testid={testId} aria-busy={loading || undefined} data-layout="table">
      {loading ? <div className="crm-table-loading" /> : null}
      <table className="crm-table">
        <thead>
          <tr>
            {selection ? (
              <th className="crm-table-check">
                <Checkbox checked={allChecked} indeterminate={!allChecked && someChecked} onChange={(e) => toggleAll(e.target.checked)} aria-label={t('common.all')} />
              </th>
            ) : null}
            {columns.map((c) => {
              const active = c.sortField && sort?.field === c.sortField ? sort.direction : null;
              return (
                <th key={c.key} className={c.className} style={{ textAlign: c.align }} role="columnheader"
                  aria-sort={c.sortField ? (active === 'ASC' ? 'ascending' : active === 'DESC' ? 'descending' : 'none') : undefined}>
                  {c.sortField && onSort ? (
                    <button type="button" className={active ? 'crm-sort crm-sort-active' : 'crm-sort'} onClick={() => onSort(nextSort(c.sortField!))} data-testid={`sort-${c.key}`}>
                      {c.title}
                      <span className="crm-sort-icon" aria-hidden>{active === 'DESC' ? <ArrowDownOutlined /> : <ArrowUpOutlined />}</span>
                    </button>
                  ) : c.title}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length ? rows.map((r) => {
            const k = rowKey(r);
            return (
              <tr key={k} className={selected.has(k) ? 'crm-row crm-row-selected' : 'crm-row'} data-row-key={k}>
                {selection ? (
                  <td className="crm-table-check">
                    <Checkbox checked={selected.has(k)} onChange={(e) => toggle(k, e.target.checked)} aria-label={selection.label?.(r) ?? k} />
                  </td>
                ) : null}
                {columns.map((c) => <td key={c.key} className={c.className} style={{ textAlign: c.align }}>{c.render(r)}</td>)}
              </tr>
            );
          }) : (
            <tr><td colSpan={columns.length + (selection ? 1 : 0)}>{emptyNode}</td></tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
