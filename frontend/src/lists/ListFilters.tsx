import { useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer, Input, Pagination, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../components/useMediaQuery';
import { PAGE_SIZES, type ListSort } from './listState';

/** One labelled filter control (the label shows in the phone's filter drawer). */
export function FilterItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="crm-filter-item">
      <span className="crm-filter-label">{label}</span>
      {children}
    </div>
  );
}

export interface SortOption {
  value: string;
  label: string;
}

/**
 * Search and filters, applied the same way on every list: each control applies as it
 * changes, the search box as you type (after a pause) or on Enter. On a phone the filters and
 * the sort sit in a drawer behind one button that counts the active ones.
 */
export function ListFilters({
  q, onSearch, placeholder, active, onClear, children, sort, sortOptions, onSort, views, testId = 'list-filters',
}: {
  q: string; onSearch: (q: string) => void; placeholder: string; active: number; onClear: () => void; children?: ReactNode;
  /** the list's Views menu (saved views), shown before the search */
  views?: ReactNode;
  sort?: ListSort | null; sortOptions?: SortOption[]; onSort?: (s: ListSort | null) => void; testId?: string;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text.trim() === q) return undefined;
    const timer = setTimeout(() => onSearch(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text, q, onSearch]);

  const search = (
    <Input.Search
      allowClear
      value={text}
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      className="crm-list-search"
      data-testid="list-search"
    />
  );
  const sortControl = sortOptions && onSort ? (
    <FilterItem label={t('common.sort')}>
      <Select
        allowClear
        style={{ width: '100%' }}
        value={sort ? `${sort.field}.${sort.direction}` : undefined}
        onChange={(v?: string) => {
          if (!v) return onSort(null);
          const [field, direction] = v.split('.');
          onSort({ field, direction: direction === 'DESC' ? 'DESC' : 'ASC' });
        }}
        options={sortOptions.flatMap((o) => [
          { value: `${o.value}.ASC`, label: `${o.label} ↑` },
          { value: `${o.value}.DESC`, label: `${o.label} ↓` },
        ])}
        data-testid="list-sort"
      />
    </FilterItem>
  ) : null;

  if (phone) {
    return (
      <div className="crm-list-filters crm-list-filters-phone" data-testid={testId}>
        {views}
        {search}
        <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="open-filters" aria-label={t('common.filters')}>
          {active ? <span className="crm-count" data-testid="active-filters">{active}</span> : null}
        </Button>
        <Drawer open={open} onClose={() => setOpen(false)} placement="bottom" size="auto" title={t('common.filters')}
          extra={<Button type="link" onClick={() => { onClear(); setOpen(false); }}>{t('common.clearFilters')}</Button>}
          styles={{ body: { paddingBottom: 24 } }}>
          <div className="crm-filter-drawer" data-testid="filter-drawer">
            {children}
            {sortControl}
            <Button type="primary" block onClick={() => setOpen(false)} data-testid="close-filters">{t('common.confirm')}</Button>
          </div>
        </Drawer>
      </div>
    );
  }
  return (
    <div className="crm-list-filters" data-testid={testId}>
      {views}
      {search}
      {children}
      {active ? <Button type="link" onClick={onClear} data-testid="clear-filters">{t('common.clearFilters')}</Button> : null}
    </div>
  );
}

/** Page numbers, page size and the total, under every list. */
export function ListPagination({ total, page, size, onChange, testId = 'list-pagination' }: {
  total: number; page: number; size: number; onChange: (page: number, size: number) => void; testId?: string;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  return (
    <div className="crm-pagination" data-testid={testId}>
      <Pagination
        current={page}
        pageSize={size}
        total={total}
        showSizeChanger={!phone}
        pageSizeOptions={PAGE_SIZES.map(String)}
        simple={phone}
        showTotal={(n) => t('common.total', { count: n })}
        onChange={(p, s) => onChange(s !== size ? 1 : p, s)}
      />
    </div>
  );
}
