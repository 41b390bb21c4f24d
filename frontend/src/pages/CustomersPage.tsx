import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Popover, Select, Space, Tag } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { FieldValue } from '../components/MaskedText';
import { formatDate } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { useFeedback } from '../components/feedback';
import type { BulkState } from '../components/BulkResults';
import { Toggle } from '../components/Toggle';
import { runInBatches, runMatching, type BulkPayloadLike } from '../components/bulk';
import { useIsPhone } from '../components/useMediaQuery';
import { useFieldAccess } from '../permissions/context';
import { enumLabel } from '../i18n';
import { combinedErrorText } from '../graphql/errors';
import { DataTable, type Column } from '../lists/DataTable';
import { FilterItem, ListFilters, ListPagination } from '../lists/ListFilters';
import { SavedViews } from '../lists/SavedViews';
import { activeFilterCount, PAGE_SIZES, type ListSpec, type ListState } from '../lists/listState';
import { listKeyOf, rememberPageStart, useListState, usePageStart } from '../lists/useListState';
import { LEVELS, STAGES } from './customers/enums';
import { QuickFollowUp } from './customers/QuickFollowUp';
import {
  ClaimFromPoolMutation, CustomerLookupsQuery, CustomersCursorQuery, CustomersQuery, PublicPoolCursorQuery,
  PublicPoolQuery, ReleaseToPoolMutation,
} from './customers/documents';
import type { CustomerLevel, CustomerRowFragment, CustomerFilter, CustomerSort, CustomerSortField, LifecycleStage } from '../gql/graphql';

const CustomerDialogs = lazy(() => import('./customers/CustomerDialogs'));
const BulkResults = lazy(() => import('../components/BulkResults').then((m) => ({ default: m.BulkResults })));

type Row = CustomerRowFragment;
export type CustomerDialog = 'addTags' | 'removeTags' | 'transfer' | 'create' | 'merge';

const COLUMN_KEY = 'crm.customers.columns';
const ALL_COLUMNS = ['name', 'lifecycleStage', 'level', 'region', 'industry', 'phone', 'email', 'owner', 'tags', 'lastFollowUpAt', 'nextFollowUpAt', 'source', 'createdAt'];
const DEFAULT_COLUMNS = ['name', 'lifecycleStage', 'level', 'region', 'phone', 'owner', 'tags', 'lastFollowUpAt', 'nextFollowUpAt'];
/** Columns and the API sort field each sorts by. */
const SORTABLE: Partial<Record<string, CustomerSortField>> = { name: 'NAME', createdAt: 'CREATED_AT', level: 'LEVEL', lastFollowUpAt: 'LAST_FOLLOW_UP_AT', nextFollowUpAt: 'NEXT_FOLLOW_UP_AT' };
const SORT_FIELDS: readonly CustomerSortField[] = ['NAME', 'CREATED_AT', 'UPDATED_AT', 'LEVEL', 'LAST_FOLLOW_UP_AT', 'NEXT_FOLLOW_UP_AT'];
/**
 * "Select all matching" sends the filter, not ids; the server acts on at most this many
 * customers at once (customers/service.py MAX_BULK) and refuses more with LIMIT_REACHED, so the
 * list offers it only up to this count.
 */
export const SELECT_ALL_LIMIT = 1000;

/** What a bulk action is for: the rows ticked, or every customer the filter matches. */
export type BulkTarget = { ids: string[] } | { matching: CustomerFilter; count: number };
export type BulkCall = (part: { ids: string[] } | { matching: CustomerFilter }) => Promise<{ payload?: BulkPayloadLike | null; error?: string }>;

export const CUSTOMER_LIST: ListSpec = {
  filters: { stage: 'one', level: 'one', region: 'one', owner: 'one', tags: 'many' },
  sortFields: SORT_FIELDS,
  defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
  defaultSize: 20,
  sizes: PAGE_SIZES,
};

function loadColumns(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMN_KEY) ?? 'null') as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    /* default */
  }
  return DEFAULT_COLUMNS;
}

const FIELD_LABEL: Record<string, string> = {
  name: 'customer.name', lifecycleStage: 'customer.stage', level: 'customer.level', region: 'customer.region', industry: 'customer.industry',
  phone: 'customer.phone', email: 'customer.email', owner: 'customer.owner', tags: 'customer.tags', lastFollowUpAt: 'customer.lastFollowUp',
  nextFollowUpAt: 'customer.nextFollowUp', source: 'customer.source', createdAt: 'customer.createdAt',
};

/** The API filter of a list state (the same for the rows, the page cursors and "select all"). */
export function customerFilter(state: ListState): CustomerFilter {
  const f: CustomerFilter = {};
  const one = (k: string) => (typeof state.filters[k] === 'string' ? (state.filters[k] as string) : undefined);
  if (state.q) f.search = state.q;
  if (one('stage')) f.lifecycleStage = { eq: one('stage') as LifecycleStage };
  if (one('level')) f.level = { eq: one('level') as CustomerLevel };
  if (one('region')) f.region = { contains: one('region') };
  if (one('owner')) f.owner = { eq: one('owner') };
  const tags = state.filters.tags;
  if (Array.isArray(tags) && tags.length) f.tagsAny = tags;
  return f;
}

export default function CustomersPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const fa = useFieldAccess('Customer');
  const [params, setParams] = useSearchParams();
  const pool = params.get('view') === 'pool';
  const [state, setState] = useListState(CUSTOMER_LIST);
  const [columns, setColumns] = useState<string[]>(loadColumns);
  const [selected, setSelected] = useState<string[]>([]);
  const [selectedNames, setSelectedNames] = useState<Map<string, string>>(new Map());
  /** the filter "select all matching" was chosen under, and how many it matched then */
  const [allMatching, setAllMatching] = useState<{ matching: CustomerFilter; count: number } | null>(null);
  const [bulk, setBulk] = useState<BulkState | null>(null);
  const [dialog, setDialog] = useState<CustomerDialog | null>(null);

  const filter = useMemo(() => customerFilter(state), [state]);
  const orderBy = useMemo<CustomerSort[] | null>(() => (state.sort ? [{ field: state.sort.field as CustomerSortField, direction: state.sort.direction }] : null), [state.sort]);
  const base = useMemo(() => ({ filter, orderBy }), [filter, orderBy]);
  const root = pool ? 'publicPool' : 'customers';
  const start = usePageStart(pool ? PublicPoolCursorQuery : CustomersCursorQuery, root, base, state.page, state.size);
  const variables = { ...base, first: state.size, after: start.after };
  const [mine, refetchMine] = useQuery({ query: CustomersQuery, variables, pause: pool || !start.ready });
  const [poolRes, refetchPool] = useQuery({ query: PublicPoolQuery, variables, pause: !pool || !start.ready });
  const { fetching, error } = pool ? poolRes : mine;
  const list = pool ? poolRes.data?.publicPool : mine.data?.customers;
  const refetch = pool ? refetchPool : refetchMine;
  const [{ data: lookups }] = useQuery({ query: CustomerLookupsQuery });
  const rows: Row[] = useMemo(() => list?.edges.map((e) => e.node) ?? [], [list]);
  const total = list?.totalCount ?? 0;
  const listKey = listKeyOf(root, base, state.size);
  if (list?.pageInfo.hasNextPage) rememberPageStart(listKey, state.page + 1, list.pageInfo.endCursor);

  const names = useMemo(() => {
    const m = new Map(selectedNames);
    for (const r of rows) m.set(r.id, r.name);
    return m;
  }, [rows, selectedNames]);

  const clearSelection = () => {
    setSelected([]);
    setSelectedNames(new Map());
    setAllMatching(null);
  };
  const update = useCallback((change: Partial<ListState>) => {
    setState(change);
    setSelected([]);
    setAllMatching(null);
  }, [setState]);
  // The URL may change the filter behind this page's back (a saved view, Back, a shared link):
  // ticks and "all matching" belong to the rows that were shown, so a bulk action can never
  // reach the customers of a filter the user no longer sees.
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    setSelected([]);
    setAllMatching(null);
  }, [filterKey]);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const saveColumns = (cols: string[]) => {
    setColumns(cols);
    localStorage.setItem(COLUMN_KEY, JSON.stringify(cols));
  };

  /** Every customer the filter matches: the page's rows stay ticked, the server gets the filter. */
  const selectAllMatching = () => {
    setSelected(rows.map((r) => r.id));
    setAllMatching({ matching: filter, count: total });
  };
  const target: BulkTarget = allMatching ?? { ids: selected };
  const selectedCount = allMatching ? allMatching.count : selected.length;

  const bulkRun = useCallback(async (title: string, to: BulkTarget, run: BulkCall) => {
    const count = 'ids' in to ? to.ids.length : to.count;
    setBulk({ title, done: 0, total: count, results: null });
    const results = 'ids' in to
      ? await runInBatches(to.ids, (ids) => run({ ids }), (done, n) => setBulk((b) => (b ? { ...b, done, total: n } : b)), 50, names)
      : await runMatching(() => run({ matching: to.matching }), names);
    setBulk((b) => (b ? { ...b, done: b.total, results } : b));
    clearSelection();
    reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [names]);

  const doRelease = () =>
    bulkRun(t('customer.releaseToPool'), target, async (part) => {
      const r = await client.mutation(ReleaseToPoolMutation, { input: part }).toPromise();
      return { payload: r.data?.releaseToPool, error: r.error ? combinedErrorText(i18n, r.error) : undefined };
    });
  const doClaim = (to: BulkTarget) =>
    bulkRun(t('customer.claim'), to, async (part) => {
      const r = await client.mutation(ClaimFromPoolMutation, { input: part }).toPromise();
      return { payload: r.data?.claimFromPool, error: r.error ? combinedErrorText(i18n, r.error) : undefined };
    });

  const readable = ALL_COLUMNS.filter((c) => fa.canRead(c));
  const stageTag = (v: string | null | undefined) => (v ? <Tag color="blue">{enumLabel(t, 'LifecycleStage', v)}</Tag> : null);
  const cell = (c: string, r: Row) => {
    switch (c) {
      case 'name':
        return <Link to={`/customers/${encodeURIComponent(r.id)}`} className="crm-row-link">{r.name}</Link>;
      case 'owner':
        return <span data-testid="owner-cell"><FieldValue type="Customer" field="owner" value={r.owner?.name ?? r.owner?.email} /></span>;
      case 'tags':
        return (r.tags ?? []).map((tg) => <Tag key={tg.id} color={tg.color ?? undefined}>{tg.name}</Tag>);
      case 'lastFollowUpAt':
      case 'nextFollowUpAt':
      case 'createdAt':
        return <FieldValue type="Customer" field={c} value={r[c]} render={(x) => formatDate(String(x))} />;
      case 'lifecycleStage':
        return <FieldValue type="Customer" field={c} value={r.lifecycleStage} render={(x) => stageTag(String(x))} />;
      case 'level':
        return <FieldValue type="Customer" field={c} value={r.level} render={(x) => enumLabel(t, 'CustomerLevel', x)} />;
      default:
        return <FieldValue type="Customer" field={c} value={(r as Record<string, unknown>)[c]} />;
    }
  };
  const tableColumns: Column<Row>[] = readable
    .filter((c) => columns.includes(c) && !(pool && c === 'owner'))
    .map((c) => ({ key: c, title: t(FIELD_LABEL[c]), sortField: SORTABLE[c], render: (r: Row) => cell(c, r) }));

  const card = (r: Row) => (
    <>
      <div className="crm-card-head">
        <Link to={`/customers/${encodeURIComponent(r.id)}`} className="crm-card-title crm-row-link">{r.name}</Link>
        {fa.canRead('lifecycleStage') ? stageTag(r.lifecycleStage) : null}
      </div>
      <div className="crm-card-meta">
        {!pool && fa.canRead('owner') ? <span data-testid="owner-cell">{t('customer.owner')}: <FieldValue type="Customer" field="owner" value={r.owner?.name ?? r.owner?.email} /></span> : null}
        {fa.canRead('nextFollowUpAt') ? <span data-testid="next-follow-up">{t('customer.nextFollowUp')}: <FieldValue type="Customer" field="nextFollowUpAt" value={r.nextFollowUpAt} render={(x) => formatDate(String(x))} /></span> : null}
        {fa.canRead('lastFollowUpAt') ? <span>{t('customer.lastFollowUp')}: <FieldValue type="Customer" field="lastFollowUpAt" value={r.lastFollowUpAt} render={(x) => formatDate(String(x))} /></span> : null}
      </div>
      {(r.tags ?? []).length ? <div>{r.tags.map((tg) => <Tag key={tg.id} color={tg.color ?? undefined}>{tg.name}</Tag>)}</div> : null}
      <div className="crm-card-actions">
        {pool ? (
          <Button size="small" type="primary" onClick={() => void doClaim({ ids: [r.id] })} data-testid="claim-one">{t('customer.claim')}</Button>
        ) : (
          <QuickFollowUp customerId={r.id} customerName={r.name} onLogged={reload} onDetails={() => navigate(`/customers/${encodeURIComponent(r.id)}?log=1`)} />
        )}
        <Button size="small" onClick={() => navigate(`/customers/${encodeURIComponent(r.id)}`)}>{t('common.open')}</Button>
      </div>
    </>
  );

  const canBulk = !pool && fa.canChange;
  const canTransfer = canBulk && (fa.writeScope === 'TEAM' || fa.writeScope === 'ALL');
  const one = (k: string) => (typeof state.filters[k] === 'string' ? (state.filters[k] as string) : undefined);
  const setFilter = (k: string, v: string | string[] | undefined) => update({ filters: { ...state.filters, [k]: v ?? '' } });
  const pageAll = rows.length > 0 && rows.every((r) => selected.includes(r.id));

  return (
    <Panel
      testId="customers-page"
      title={
        <Toggle<'mine' | 'pool'>
          value={pool ? 'pool' : 'mine'}
          onChange={(v) => {
            setParams(v === 'pool' ? { view: 'pool' } : {});
            clearSelection();
          }}
          options={[
            { value: 'mine', label: t('menu.customers') },
            { value: 'pool', label: t('menu.pool') },
          ]}
          testId="customer-view"
        />
      }
      extra={
        <>
          {!phone ? (
            <Popover
              trigger="click"
              content={
                <Checkbox.Group
                  style={{ display: 'flex', flexDirection: 'column' }}
                  value={columns}
                  onChange={(v) => saveColumns(v as string[])}
                  options={readable.map((c) => ({ value: c, label: t(FIELD_LABEL[c]) }))}
                />
              }
            >
              <Button icon={<SettingOutlined />}>{t('common.columns')}</Button>
            </Popover>
          ) : null}
          {!pool && fa.canChange ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="new-customer">
              {t('customer.newCustomer')}
            </Button>
          ) : null}
        </>
      }
    >
      <ListFilters
        views={<SavedViews list="CUSTOMERS" spec={CUSTOMER_LIST} />}
        q={state.q}
        onSearch={(q) => update({ q })}
        placeholder={t('customer.searchPlaceholder')}
        active={activeFilterCount(state)}
        onClear={() => update({ q: '', filters: {} })}
        sort={state.sort}
        onSort={(sort) => update({ sort })}
        sortOptions={SORT_FIELDS.map((f) => ({ value: f, label: enumLabel(t, 'CustomerSortField', f) }))}
      >
        {fa.canRead('lifecycleStage') ? (
          <FilterItem label={t('customer.stage')}>
            <Select allowClear placeholder={t('customer.stage')} style={{ width: 130 }} value={one('stage')} onChange={(v?: string) => setFilter('stage', v)}
              options={STAGES.map((s) => ({ value: s, label: enumLabel(t, 'LifecycleStage', s) }))} data-testid="filter-stage" />
          </FilterItem>
        ) : null}
        {fa.canRead('level') ? (
          <FilterItem label={t('customer.level')}>
            <Select allowClear placeholder={t('customer.level')} style={{ width: 100 }} value={one('level')} onChange={(v?: string) => setFilter('level', v)}
              options={LEVELS.map((s) => ({ value: s, label: enumLabel(t, 'CustomerLevel', s) }))} data-testid="filter-level" />
          </FilterItem>
        ) : null}
        {fa.canRead('region') ? (
          <FilterItem label={t('customer.region')}>
            <RegionFilter value={one('region') ?? ''} onChange={(v) => setFilter('region', v)} placeholder={t('customer.region')} />
          </FilterItem>
        ) : null}
        {fa.canRead('owner') && !pool ? (
          <FilterItem label={t('customer.owner')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('customer.owner')} style={{ width: 150 }} value={one('owner')}
              onChange={(v?: string) => setFilter('owner', v)} data-testid="filter-owner"
              options={(lookups?.users.edges ?? []).map(({ node: u }) => ({ value: u.id, label: u.name || u.email }))} />
          </FilterItem>
        ) : null}
        {fa.canRead('tags') ? (
          <FilterItem label={t('customer.tags')}>
            <Select mode="multiple" allowClear placeholder={t('customer.tags')} style={{ minWidth: 160 }} maxTagCount={2}
              value={Array.isArray(state.filters.tags) ? state.filters.tags : []} onChange={(v: string[]) => setFilter('tags', v)} data-testid="filter-tags"
              options={(lookups?.tags ?? []).map((tg) => ({ value: tg.id, label: tg.name }))} />
          </FilterItem>
        ) : null}
      </ListFilters>

      <div className="crm-list-bar" data-testid="selection-bar">
        <span className="crm-secondary" data-testid="customer-total">{t('common.total', { count: total })}</span>
        {selectedCount ? <span data-testid="selected-count">{t('common.selected', { count: selectedCount })}</span> : null}
        {pageAll && !allMatching && total > rows.length && total <= SELECT_ALL_LIMIT && (canBulk || pool) ? (
          <Button size="small" type="link" onClick={selectAllMatching} data-testid="select-all-matching">
            {t('customer.selectAllMatching', { count: total })}
          </Button>
        ) : null}
        {pageAll && total > SELECT_ALL_LIMIT && (canBulk || pool) ? (
          <span className="crm-secondary" data-testid="too-many-to-select">{t('customer.tooManyToSelect', { limit: SELECT_ALL_LIMIT })}</span>
        ) : null}
        {selected.length ? <Button size="small" type="link" onClick={clearSelection}>{t('customer.clearSelection')}</Button> : null}
        {selected.length && canBulk ? (
          <Space wrap size={4} data-testid="bulk-actions">
            <Button size="small" onClick={() => setDialog('addTags')} data-testid="bulk-addTags">{t('customer.addTags')}</Button>
            <Button size="small" onClick={() => setDialog('removeTags')} data-testid="bulk-removeTags">{t('customer.removeTags')}</Button>
            {canTransfer ? <Button size="small" onClick={() => setDialog('transfer')} data-testid="bulk-transfer">{t('customer.transfer')}</Button> : null}
            <Button size="small" onClick={() => void doRelease()} data-testid="bulk-release">{t('customer.releaseToPool')}</Button>
            {selected.length === 2 && !allMatching ? <Button size="small" onClick={() => setDialog('merge')} data-testid="bulk-merge">{t('customer.merge')}</Button> : null}
          </Space>
        ) : null}
        {selected.length && pool ? (
          <Button type="primary" size="small" onClick={() => void doClaim(target)} data-testid="claim-selected">{t('customer.claim')}</Button>
        ) : null}
      </div>

      <QueryState fetching={fetching} error={error} hasData={!!list} />
      <DataTable<Row>
        rows={rows}
        rowKey={(r) => r.id}
        columns={tableColumns}
        card={card}
        loading={fetching || !start.ready}
        selection={canBulk || pool ? { selected, onChange: (k) => { setSelected(k); setAllMatching(null); }, label: (r) => r.name } : undefined}
        sort={state.sort}
        onSort={(sort) => update({ sort })}
        testId="customers-table"
      />
      <ListPagination total={total} page={state.page} size={state.size} onChange={(page, size) => update({ page, size })} />

      {bulk ? <Suspense fallback={null}><BulkResults state={bulk} onClose={() => setBulk(null)} /></Suspense> : null}
      {dialog ? (
        <Suspense fallback={null}>
          <CustomerDialogs
            dialog={dialog}
            selected={selected}
            target={target}
            names={names}
            tags={lookups?.tags ?? []}
            onClose={(created) => {
              setDialog(null);
              if (created) {
                message.success(t('common.success'));
                reload();
              }
            }}
            onMerged={() => { clearSelection(); reload(); }}
            bulkRun={bulkRun}
          />
        </Suspense>
      ) : null}
    </Panel>
  );
}

/** A text filter applies on Enter or after a pause, like the search box. */
function RegionFilter({ value, onChange, placeholder }: { value: string; onChange: (v: string) => void; placeholder: string }) {
  const [text, setText] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    setText(value);
  }
  return (
    <Input allowClear placeholder={placeholder} style={{ width: 120 }} value={text} data-testid="filter-region"
      onChange={(e) => { setText(e.target.value); if (!e.target.value) onChange(''); }}
      onPressEnter={() => onChange(text.trim())} onBlur={() => text.trim() !== value && onChange(text.trim())} />
  );
}
