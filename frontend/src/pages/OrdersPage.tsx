import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Button, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { OrdersCursorQuery, OrdersQuery } from './orders/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { useFieldAccess } from '../permissions/context';
import { enumLabel } from '../i18n';
import { DataTable, type Column } from '../lists/DataTable';
import { FilterItem, ListFilters, ListPagination } from '../lists/ListFilters';
import { SavedViews } from '../lists/SavedViews';
import { activeFilterCount, PAGE_SIZES, type ListSpec, type ListState } from '../lists/listState';
import { listKeyOf, rememberPageStart, useListState, usePageStart } from '../lists/useListState';
import { ORDER_STATUSES } from './orders/status';
import { OrderStatusTags } from './orders/OrderStatusTags';
import type { OrderFilter, OrderSort, OrderSortField, OrderStatus, OrdersQuery as OrdersQueryType, PaymentStatus } from '../gql/graphql';

const CreateOrderDialog = lazy(() => import('./orders/CreateOrderDialog'));

type Order = OrdersQueryType['orders']['edges'][number]['node'];
const SORT_FIELDS: readonly OrderSortField[] = ['NUMBER', 'ORDERED_ON', 'CREATED_AT', 'UPDATED_AT', 'TOTAL'];

export const ORDER_LIST: ListSpec = {
  filters: { status: 'one', payment: 'one' },
  sortFields: SORT_FIELDS,
  defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
  defaultSize: 20,
  sizes: PAGE_SIZES,
};

function orderFilter(s: ListState): OrderFilter {
  const one = (k: string) => (typeof s.filters[k] === 'string' ? (s.filters[k] as string) : '');
  return {
    ...(one('status') ? { status: { eq: one('status') as OrderStatus } } : {}),
    ...(one('payment') ? { paymentStatus: { eq: one('payment') as PaymentStatus } } : {}),
    ...(s.q ? { number: { contains: s.q } } : {}),
  };
}

export default function OrdersPage() {
  const { t, i18n } = useTranslation();
  const fa = useFieldAccess('Order');
  const [state, setState] = useListState(ORDER_LIST);
  const [creating, setCreating] = useState(false);
  const filter = useMemo(() => orderFilter(state), [state]);
  const orderBy = useMemo<OrderSort[] | null>(() => (state.sort ? [{ field: state.sort.field as OrderSortField, direction: state.sort.direction }] : null), [state.sort]);
  const base = useMemo(() => ({ filter, orderBy }), [filter, orderBy]);
  const start = usePageStart(OrdersCursorQuery, 'orders', base, state.page, state.size);
  const [{ data, fetching, error }] = useQuery({ query: OrdersQuery, variables: { ...base, first: state.size, after: start.after }, pause: !start.ready });
  const rows = data?.orders.edges.map((e) => e.node) ?? [];
  if (data?.orders.pageInfo.hasNextPage) rememberPageStart(listKeyOf('orders', base, state.size), state.page + 1, data.orders.pageInfo.endCursor);
  const update = useCallback((c: Partial<ListState>) => setState(c), [setState]);
  const one = (k: string) => (typeof state.filters[k] === 'string' ? (state.filters[k] as string) : undefined);
  const money = (r: Order) => <FieldValue type="Order" field="total" value={r.total} render={() => formatMoney(r.total, i18n.language)} />;

  const columns: Column<Order>[] = [
    { key: 'number', title: t('order.number'), sortField: 'NUMBER', render: (r) => <Link to={`/orders/${encodeURIComponent(r.id)}`} className="crm-nowrap">{r.number}</Link> },
    { key: 'customer', title: t('order.customer'), render: (r) => (r.customer ? <Link to={`/customers/${encodeURIComponent(r.customer.id)}`}>{r.customer.name}</Link> : '—') },
    { key: 'status', title: t('order.status'), render: (r) => <OrderStatusTags status={r.status} shipments={r.shipments} /> },
    ...(fa.canRead('paymentStatus') ? [{ key: 'payment', title: t('order.paymentStatus'), render: (r: Order) => (r.paymentStatus ? enumLabel(t, 'PaymentStatus', r.paymentStatus) : '—') }] : []),
    ...(fa.canRead('total') ? [{ key: 'total', title: t('order.total'), sortField: 'TOTAL', align: 'right' as const, render: money }] : []),
    { key: 'orderedOn', title: t('order.orderedOn'), sortField: 'ORDERED_ON', render: (r) => <span className="crm-nowrap">{formatDate(r.orderedOn)}</span> },
  ];
  const card = (r: Order) => (
    <>
      <div className="crm-card-head">
        <Link to={`/orders/${encodeURIComponent(r.id)}`} className="crm-card-title">{r.number}</Link>
        {fa.canRead('total') ? money(r) : null}
      </div>
      <div className="crm-card-meta">
        <span>{r.customer?.name ?? '—'}</span>
        <span>{formatDate(r.orderedOn)}</span>
      </div>
      <OrderStatusTags status={r.status} shipments={r.shipments} />
    </>
  );

  return (
    <Panel title={t('menu.orders')} testId="orders-page" extra={fa.canChange ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-order">{t('order.create')}</Button>
    ) : null}>
      <ListFilters
        views={<SavedViews list="ORDERS" spec={ORDER_LIST} />} q={state.q} onSearch={(q) => update({ q })} placeholder={t('order.searchPlaceholder')} active={activeFilterCount(state)}
        onClear={() => update({ q: '', filters: {} })} sort={state.sort} onSort={(sort) => update({ sort })}
        sortOptions={SORT_FIELDS.map((f) => ({ value: f, label: enumLabel(t, 'OrderSortField', f) }))}>
        <FilterItem label={t('order.status')}>
          <Select allowClear placeholder={t('order.status')} value={one('status')} onChange={(v?: string) => update({ filters: { ...state.filters, status: v ?? '' } })}
            style={{ width: 150 }} data-testid="filter-status" options={ORDER_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'OrderStatus', s) }))} />
        </FilterItem>
        {fa.canRead('paymentStatus') ? (
          <FilterItem label={t('order.paymentStatus')}>
            <Select allowClear placeholder={t('order.paymentStatus')} value={one('payment')} onChange={(v?: string) => update({ filters: { ...state.filters, payment: v ?? '' } })}
              style={{ width: 140 }} data-testid="filter-payment" options={['UNPAID', 'PARTIALLY_PAID', 'PAID', 'REFUNDED'].map((s) => ({ value: s, label: enumLabel(t, 'PaymentStatus', s) }))} />
          </FilterItem>
        ) : null}
      </ListFilters>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <DataTable<Order> rows={rows} rowKey={(r) => r.id} columns={columns} card={card} loading={fetching || !start.ready}
        sort={state.sort} onSort={(sort) => update({ sort })} testId="orders-table" />
      <ListPagination total={data?.orders.totalCount ?? 0} page={state.page} size={state.size} onChange={(page, size) => update({ page, size })} />
      {creating ? <Suspense fallback={null}><CreateOrderDialog onClose={() => setCreating(false)} /></Suspense> : null}
    </Panel>
  );
}
