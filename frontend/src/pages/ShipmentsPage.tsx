import { useCallback, useMemo } from 'react';
import { Button, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { formatDate, formatDateTime } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { useFeedback } from '../components/feedback';
import { usePermissions } from '../permissions/context';
import { enumLabel } from '../i18n';
import { combinedErrorText, errorsText } from '../graphql/errors';
import { DataTable, type Column } from '../lists/DataTable';
import { ListFilters, ListPagination } from '../lists/ListFilters';
import { SavedViews } from '../lists/SavedViews';
import { PAGE_SIZES, type ListSpec } from '../lists/listState';
import { listKeyOf, rememberPageStart, useListState, usePageStart } from '../lists/useListState';
import { ORDER_STATUS_COLOR, SHIPMENT_STATUS_COLOR } from './orders/status';
import { UpdateShipmentStatusMutation } from './orders/documents';
import { PickQueueCursorQuery, PickQueueQuery, ShipmentQueueCursorQuery, ShipmentQueueQuery } from './shipments/documents';
import type { OrderFilter, OrderSort, PickQueueQuery as PickQueueType, ShipmentFilter, ShipmentQueueQuery as ShipmentQueueType } from '../gql/graphql';

type Tab = 'pick' | 'ship' | 'transit';
const TABS: readonly Tab[] = ['pick', 'ship', 'transit'];
type Picking = PickQueueType['orders']['edges'][number]['node'];
type Parcel = ShipmentQueueType['shipments']['edges'][number]['node'];

export const SHIPMENT_QUEUE: ListSpec = { filters: { tab: 'one' }, sortFields: [], defaultSort: null, defaultSize: 20, sizes: PAGE_SIZES };

// Orders whose goods have not all left yet; oldest first, as they are picked.
const PICK_FILTER: OrderFilter = { status: { in: ['CONFIRMED', 'PARTIALLY_SHIPPED'] } };
const PICK_SORT: OrderSort[] = [{ field: 'ORDERED_ON', direction: 'ASC' }, { field: 'CREATED_AT', direction: 'ASC' }];
// The server lists shipments oldest first: the first packed is the first handed to the carrier.
const SHIP_FILTER: Record<Exclude<Tab, 'pick'>, ShipmentFilter> = {
  ship: { status: { eq: 'PENDING' } },
  transit: { status: { eq: 'IN_TRANSIT' } },
};

/** Where the goods go: receiver, phone, address (the warehouse reads these, not the customer). */
function shipTo(o: { shipToName?: string | null; shipToPhone?: string | null; shipToAddress?: string | null } | null | undefined): string {
  return [o?.shipToName, o?.shipToPhone, o?.shipToAddress].filter(Boolean).join(' · ') || '—';
}

/**
 * The warehouse's queue (发货队列): orders to pick, shipments waiting for the carrier, and
 * shipments on their way, each with the customer and where the goods go, linked to the order.
 * The tab and page live in the URL like every list.
 */
export default function ShipmentsPage() {
  const { t } = useTranslation();
  const p = usePermissions();
  const [state, setState] = useListState(SHIPMENT_QUEUE);
  const raw = typeof state.filters.tab === 'string' ? state.filters.tab : '';
  const tab: Tab = (TABS as readonly string[]).includes(raw) ? (raw as Tab) : 'pick';
  const withCustomer = p.canView('Customer');
  const update = useCallback((tabTo: Tab) => setState({ filters: { tab: tabTo === 'pick' ? '' : tabTo }, page: 1 }), [setState]);

  return (
    <Panel title={t('menu.shipments')} testId="shipments-page">
      <ListFilters
        views={<SavedViews list="SHIPMENTS" spec={SHIPMENT_QUEUE} />} q={state.q} onSearch={(q) => setState({ q, page: 1 })} placeholder={t('order.searchPlaceholder')} active={state.q ? 1 : 0}
        onClear={() => setState({ q: '', page: 1 })} testId="queue-filters" />
      <Tabs activeKey={tab} onChange={(k) => update(k as Tab)} data-testid="shipment-tabs"
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{t(`shipments.${k}`)}</span> }))} />
      {tab === 'pick'
        ? <PickQueue q={state.q} page={state.page} size={state.size} withCustomer={withCustomer} onPage={(page, size) => setState({ page, size })} />
        : <ParcelQueue key={tab} tab={tab} q={state.q} page={state.page} size={state.size} withCustomer={withCustomer}
          onPage={(page, size) => setState({ page, size })} />}
    </Panel>
  );
}

function CustomerCell({ customer, fallback }: { customer?: { id: string; name: string } | null; fallback?: string | null }) {
  if (customer) return <Link to={`/customers/${encodeURIComponent(customer.id)}`} data-testid="queue-customer">{customer.name}</Link>;
  // without access to customers, the receiver's name (the customer's unless the order says otherwise)
  return <span data-testid="queue-customer">{fallback || '—'}</span>;
}

function PickQueue({ q, page, size, withCustomer, onPage }: { q: string; page: number; size: number; withCustomer: boolean; onPage: (page: number, size: number) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const p = usePermissions();
  const base = useMemo(() => ({ filter: q ? { ...PICK_FILTER, number: { contains: q } } : PICK_FILTER, orderBy: PICK_SORT }), [q]);
  const start = usePageStart(PickQueueCursorQuery, 'orders', base, page, size);
  const [{ data, fetching, error }] = useQuery({ query: PickQueueQuery, variables: { ...base, first: size, after: start.after, withCustomer }, pause: !start.ready, requestPolicy: 'cache-and-network' });
  const rows = data?.orders.edges.map((e) => e.node) ?? [];
  if (data?.orders.pageInfo.hasNextPage) rememberPageStart(listKeyOf('orders', base, size), page + 1, data.orders.pageInfo.endCursor);
  const left = (o: Picking) => o.lines.reduce((n, l) => n + Math.max(0, l.quantity - l.shippedQuantity), 0);
  const status = (o: Picking) => <Tag color={ORDER_STATUS_COLOR[o.status]} data-testid="queue-status" data-status={o.status}>{enumLabel(t, 'OrderStatus', o.status)}</Tag>;
  const ship = (o: Picking) => (p.canChange('Shipment')
    ? <Button size="small" type="primary" onClick={() => navigate(`/orders/${encodeURIComponent(o.id)}`)} data-testid="queue-ship">{t('order.ship')}</Button> : null);
  const columns: Column<Picking>[] = [
    { key: 'number', title: t('order.number'), render: (o) => <Link to={`/orders/${encodeURIComponent(o.id)}`} className="crm-nowrap" data-testid="queue-order">{o.number}</Link> },
    { key: 'customer', title: t('order.customer'), render: (o) => <CustomerCell customer={o.customer} fallback={o.shipToName} /> },
    { key: 'shipTo', title: t('order.shipTo'), render: (o) => <span data-testid="queue-ship-to">{shipTo(o)}</span> },
    { key: 'status', title: t('order.status'), render: status },
    { key: 'left', title: t('shipments.left'), align: 'right', render: (o) => <span data-testid="queue-left">{left(o)}</span> },
    { key: 'orderedOn', title: t('order.orderedOn'), render: (o) => <span className="crm-nowrap">{formatDate(o.orderedOn)}</span> },
    { key: 'actions', title: t('common.actions'), render: ship },
  ];
  const card = (o: Picking) => (
    <>
      <div className="crm-card-head">
        <Link to={`/orders/${encodeURIComponent(o.id)}`} className="crm-card-title" data-testid="queue-order">{o.number}</Link>
        {status(o)}
      </div>
      <div className="crm-card-meta">
        <CustomerCell customer={o.customer} fallback={o.shipToName} />
        <span data-testid="queue-ship-to">{shipTo(o)}</span>
        <span>{t('shipments.leftCount', { count: left(o) })}</span>
      </div>
      <div className="crm-card-actions">{ship(o)}</div>
    </>
  );
  return (
    <>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <DataTable<Picking> rows={rows} rowKey={(o) => o.id} columns={columns} card={card} loading={fetching || !start.ready} testId="queue-table" />
      <ListPagination total={data?.orders.totalCount ?? 0} page={page} size={size} onChange={onPage} />
    </>
  );
}

function ParcelQueue({ tab, q, page, size, withCustomer, onPage }: {
  tab: Exclude<Tab, 'pick'>; q: string; page: number; size: number; withCustomer: boolean; onPage: (page: number, size: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const p = usePermissions();
  const { message } = useFeedback();
  // the number on the packing slip finds its parcels
  const base = useMemo(() => ({ filter: q ? { ...SHIP_FILTER[tab], orderNumber: { contains: q } } : SHIP_FILTER[tab], orderBy: null }), [tab, q]);
  const start = usePageStart(ShipmentQueueCursorQuery, 'shipments', base, page, size);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ShipmentQueueQuery, variables: { ...base, first: size, after: start.after, withCustomer }, pause: !start.ready, requestPolicy: 'cache-and-network' });
  const rows = data?.shipments.edges.map((e) => e.node) ?? [];
  if (data?.shipments.pageInfo.hasNextPage) rememberPageStart(listKeyOf('shipments', base, size), page + 1, data.shipments.pageInfo.endCursor);
  const next = tab === 'ship' ? 'IN_TRANSIT' : 'DELIVERED';
  const advance = async (s: Parcel) => {
    const r = await client.mutation(UpdateShipmentStatusMutation, { input: { id: s.id, status: next } }).toPromise();
    const text = r.error ? combinedErrorText(i18n, r.error) : errorsText(i18n, r.data?.updateShipmentStatus.errors ?? []);
    if (text) {
      message.error(text);
      return;
    }
    message.success(t(next === 'IN_TRANSIT' ? 'shipments.handedOver' : 'shipments.delivered', { number: s.order?.number ?? '' }));
    refetch({ requestPolicy: 'network-only' });
  };
  const action = (s: Parcel) => (p.canChange('Shipment')
    ? <Button size="small" type="primary" onClick={() => void advance(s)} data-testid={`queue-${next}`}>{next === 'IN_TRANSIT' ? t('order.markInTransit') : t('order.markDelivered')}</Button> : null);
  const status = (s: Parcel) => <Tag color={SHIPMENT_STATUS_COLOR[s.status]} data-testid="queue-status" data-status={s.status}>{enumLabel(t, 'ShipmentStatus', s.status)}</Tag>;
  const since = (s: Parcel) => formatDateTime(tab === 'ship' ? s.createdAt : (s.shippedAt ?? s.createdAt));
  const order = (s: Parcel) => (s.order
    ? <Link to={`/orders/${encodeURIComponent(s.order.id)}`} className="crm-nowrap" data-testid="queue-order">{s.order.number}</Link> : '—');
  const columns: Column<Parcel>[] = [
    { key: 'number', title: t('order.number'), render: order },
    { key: 'customer', title: t('order.customer'), render: (s) => <CustomerCell customer={s.order?.customer} fallback={s.order?.shipToName} /> },
    { key: 'shipTo', title: t('order.shipTo'), render: (s) => <span data-testid="queue-ship-to">{shipTo(s.order)}</span> },
    { key: 'status', title: t('order.shipmentStatus'), render: status },
    { key: 'carrier', title: t('order.carrier'), render: (s) => [s.carrier, s.trackingNumber].filter(Boolean).join(' ') || '—' },
    { key: 'warehouse', title: t('order.warehouse'), render: (s) => s.warehouse?.name ?? '—' },
    { key: 'since', title: t(tab === 'ship' ? 'shipments.packedAt' : 'order.shippedAt'), render: (s) => <span className="crm-nowrap">{since(s)}</span> },
    { key: 'actions', title: t('common.actions'), render: action },
  ];
  const card = (s: Parcel) => (
    <>
      <div className="crm-card-head">
        {s.order ? <Link to={`/orders/${encodeURIComponent(s.order.id)}`} className="crm-card-title" data-testid="queue-order">{s.order.number}</Link> : <span className="crm-card-title">—</span>}
        {status(s)}
      </div>
      <div className="crm-card-meta">
        <CustomerCell customer={s.order?.customer} fallback={s.order?.shipToName} />
        <span data-testid="queue-ship-to">{shipTo(s.order)}</span>
        <span>{[s.carrier, s.trackingNumber].filter(Boolean).join(' ') || '—'} · {since(s)}</span>
      </div>
      <div className="crm-card-actions">{action(s)}</div>
    </>
  );
  return (
    <>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <DataTable<Parcel> rows={rows} rowKey={(s) => s.id} columns={columns} card={card} loading={fetching || !start.ready} testId="queue-table" />
      <ListPagination total={data?.shipments.totalCount ?? 0} page={page} size={size} onChange={onPage} />
    </>
  );
}
