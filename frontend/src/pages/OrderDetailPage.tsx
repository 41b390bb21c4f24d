import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Timeline } from 'antd';
import { useFeedback } from '../components/feedback';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import {
  ApproveReturnMutation, ReceiveReturnMutation, UpdateShipmentStatusMutation, RefundReturnMutation, RejectReturnMutation,
  CancelOrderMutation, ConfirmOrderMutation, CreateReturnMutation, CreateShipmentMutation, OrderDetailQuery, RecordPaymentMutation,
} from './orders/documents';
import { STATUS_COLOR } from './OrdersPage';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatDateTime, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { formatUserErrors } from '../graphql/errors';
import { usePermissions } from '../permissions/context';
import type { OrderDetailQuery as OrderDetailQueryType, PaymentMethod, ReturnKind } from '../gql/graphql';

const PAYMENT_METHODS: PaymentMethod[] = ['BANK_TRANSFER', 'CASH', 'CARD', 'ALIPAY', 'WECHAT_PAY', 'CHEQUE', 'OTHER'];

type OrderNode = Extract<NonNullable<OrderDetailQueryType['node']>, { __typename?: 'Order' }>;
type Line = OrderNode['lines'][number];

export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const p = usePermissions();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrderDetailQuery, variables: { id } });
  const [dialog, setDialog] = useState<null | 'ship' | 'pay' | 'return'>(null);
  const [shortages, setShortages] = useState<string[] | null>(null);
  const o = data?.node && data.node.__typename === 'Order' ? (data.node as OrderNode) : null;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const money = (m: { amount: string; currency: string } | null | undefined) => formatMoney(m, i18n.language);

  if (!o) return <Card><QueryState fetching={fetching} error={error} hasData={!!data} />{!fetching && data ? <Empty /> : null}</Card>;

  const done = (errors: readonly { field?: string | null; code: string; message: string }[] | undefined, err?: { message: string }) => {
    if (err || errors?.length) { message.error(err?.message ?? formatUserErrors(errors)); return false; }
    message.success(t('common.success'));
    reload();
    return true;
  };

  const confirm = async () => {
    setShortages(null);
    const r = await client.mutation(ConfirmOrderMutation, { input: { id: o.id, idempotencyKey: crypto.randomUUID() } }).toPromise();
    const pl = r.data?.confirmOrder;
    const short = pl?.errors.filter((e) => e.code === 'INSUFFICIENT_STOCK') ?? [];
    if (short.length) {
      // one error per short line, each naming the product and what is available
      setShortages(short.map((e) => e.message));
      return;
    }
    done(pl?.errors, r.error);
  };
  const cancel = async () => {
    const r = await client.mutation(CancelOrderMutation, { input: { id: o.id } }).toPromise();
    done(r.data?.cancelOrder.errors, r.error);
  };

  const canShip = ['CONFIRMED', 'PARTIALLY_SHIPPED'].includes(o.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<Space><Link to="/orders"><ArrowLeftOutlined /></Link><span data-testid="order-number">{o.number}</span><Tag color={STATUS_COLOR[o.status]} data-testid="order-status" data-status={o.status}>{t(`enums.OrderStatus.${o.status}`)}</Tag></Space>}
        extra={<Space wrap>
          {/* each action only for roles whose write scope on its type allows it */}
          {o.status === 'DRAFT' && (p.canChange('Order') || p.canChange('Shipment')) ? <Button type="primary" onClick={() => void confirm()} data-testid="confirm-order">{t('order.confirm')}</Button> : null}
          {canShip && p.canChange('Shipment') ? <Button type="primary" onClick={() => setDialog('ship')} data-testid="ship-order">{t('order.ship')}</Button> : null}
          {p.canChange('Payment') && o.status !== 'DRAFT' && o.status !== 'CANCELLED' ? <Button onClick={() => setDialog('pay')} data-testid="record-payment">{t('order.recordPayment')}</Button> : null}
          {p.canChange('ReturnRequest') && ['PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED'].includes(o.status) ? <Button onClick={() => setDialog('return')} data-testid="request-return">{t('order.return')}</Button> : null}
          {p.canChange('Order') && ['DRAFT', 'CONFIRMED'].includes(o.status) ? <Button danger onClick={() => void cancel()}>{t('order.cancel')}</Button> : null}
        </Space>}>
        <QueryState fetching={false} error={error} hasData />
        {shortages ? (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="shortages"
            title={t('order.insufficientTitle')}
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{shortages.map((m) => <li key={m}>{m}</li>)}</ul>} />
        ) : null}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('order.customer')}>{o.customer ? <Link to={`/customers/${encodeURIComponent(o.customer.id)}`}>{o.customer.name}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.owner')}>{o.owner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('order.createdAt')}>{formatDateTime(o.createdAt)}</Descriptions.Item>
          {p.canRead('Order', 'total') ? <Descriptions.Item label={t('order.total')}><FieldValue type="Order" field="total" value={o.total} render={() => money(o.total)} /></Descriptions.Item> : null}
          {p.canRead('Order', 'paymentStatus') ? <Descriptions.Item label={t('order.paymentStatus')}>{o.paymentStatus ? t(`enums.PaymentStatus.${o.paymentStatus}`) : '—'} {o.paid ? `(${money(o.paid)})` : ''}</Descriptions.Item> : null}
          {p.canRead('Order', 'balanceDue') && o.balanceDue ? <Descriptions.Item label={t('order.balanceDue')}>{money(o.balanceDue)}</Descriptions.Item> : null}
          {o.warehouse ? <Descriptions.Item label={t('order.warehouse')}>{o.warehouse.name}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card title={t('order.lines')} styles={{ body: { padding: 12 } }}>
        <Table<Line> size="small" rowKey="id" pagination={false} dataSource={o.lines} scroll={{ x: 'max-content' }} data-testid="order-lines"
          columns={[
            { title: t('order.product'), render: (_: unknown, l) => `${l.product.sku} ${l.product.name}` },
            { title: t('order.quantity'), dataIndex: 'quantity' },
            { title: t('order.reserved'), dataIndex: 'reservedQuantity' },
            { title: t('order.shipped'), dataIndex: 'shippedQuantity' },
            { title: t('order.returned'), dataIndex: 'returnedQuantity' },
            ...(p.canRead('OrderLine', 'unitPrice') ? [{ title: t('order.unitPrice'), render: (_: unknown, l: Line) => <FieldValue type="OrderLine" field="unitPrice" value={l.unitPrice} render={() => money(l.unitPrice)} /> }] : []),
            ...(p.canRead('OrderLine', 'total') ? [{ title: t('order.total'), render: (_: unknown, l: Line) => <FieldValue type="OrderLine" field="total" value={l.total} render={() => money(l.total)} /> }] : []),
          ]} />
      </Card>
      <Card title={t('order.history')}>
        <Timeline data-testid="order-history" items={statusHistory(o, (v) => t(`enums.OrderStatus.${String(v).toUpperCase()}`, { defaultValue: String(v) })).map((e) => ({ key: e.key, color: e.color, content: e.text }))} />
      </Card>
      <Card title={t('order.shipments')} styles={{ body: { padding: 12 } }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={o.shipments} scroll={{ x: 'max-content' }}
          columns={[
            { title: t('order.status'), dataIndex: 'status', render: (v: string) => <Tag>{t(`enums.ShipmentStatus.${v}`)}</Tag> },
            { title: t('order.warehouse'), render: (_: unknown, s) => s.warehouse?.name ?? '—' },
            { title: t('order.carrier'), dataIndex: 'carrier' },
            { title: t('order.tracking'), dataIndex: 'trackingNumber' },
            { title: t('order.createdAt'), dataIndex: 'shippedAt', render: (v: string | null) => formatDateTime(v) },
            {
              title: t('common.actions'),
              render: (_: unknown, sh) => {
                const next = sh.status === 'PENDING' ? 'IN_TRANSIT' : sh.status === 'IN_TRANSIT' ? 'DELIVERED' : null;
                if (!next || !p.canChange('Shipment')) return null;
                return (
                  <Button size="small" data-testid={`shipment-${next}`} onClick={async () => {
                    const r = await client.mutation(UpdateShipmentStatusMutation, { input: { id: sh.id, status: next } }).toPromise();
                    done(r.data?.updateShipmentStatus.errors, r.error);
                  }}>{t(`enums.ShipmentStatus.${next}`)}</Button>
                );
              },
            },
          ]} />
      </Card>
      {p.canView('Payment') ? (
        <Card title={t('order.payments')} styles={{ body: { padding: 12 } }}>
          <Table size="small" rowKey="id" pagination={false} dataSource={o.payments ?? []} data-testid="payments"
            columns={[
              { title: t('order.amount'), render: (_: unknown, x) => <span style={{ color: x.isRefund ? '#cf1322' : undefined }}>{money(x.amount)}</span> },
              { title: t('order.method'), dataIndex: 'method' },
              { title: t('order.reference'), dataIndex: 'reference' },
              { title: t('order.createdAt'), dataIndex: 'receivedOn', render: (v: string | null) => formatDate(v) },
            ]} />
        </Card>
      ) : null}

      {o.returns.length ? (
        <Card title={t('order.return')} styles={{ body: { padding: 12 } }}>
          <Table size="small" rowKey="id" pagination={false} dataSource={o.returns} data-testid="returns"
            columns={[
              { title: t('order.kind'), dataIndex: 'kind' },
              { title: t('order.status'), dataIndex: 'status', render: (v: string) => <Tag>{v}</Tag> },
              { title: t('order.reason'), dataIndex: 'reason' },
              { title: t('order.amount'), render: (_: unknown, r) => money(r.refund) },
              {
                title: t('common.actions'),
                render: (_: unknown, r) => (p.canChange('ReturnRequest') ? <ReturnActions id={r.id} kind={r.kind} status={r.status} onDone={reload} /> : null),
              },
            ]} />
        </Card>
      ) : null}

      <Modal open={dialog === 'ship'} title={t('order.ship')} onCancel={() => setDialog(null)} footer={null} destroyOnHidden width={640}>
        <Form layout="vertical"
          initialValues={{ lines: Object.fromEntries(o.lines.map((l) => [l.id, l.quantity - l.shippedQuantity])) }}
          onFinish={async (v: { carrier?: string; trackingNumber?: string; lines: Record<string, number> }) => {
            const lines = Object.entries(v.lines).filter(([, q]) => q > 0).map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
            const r = await client.mutation(CreateShipmentMutation, { input: { orderId: o.id, lines, carrier: v.carrier ?? null, trackingNumber: v.trackingNumber ?? null, idempotencyKey: crypto.randomUUID() } }).toPromise();
            if (done(r.data?.createShipment.errors, r.error)) setDialog(null);
          }}>
          {o.warehouse ? <p>{t('order.warehouse')}: {o.warehouse.name}</p> : null}
          {o.lines.map((l) => (
            <Form.Item key={l.id} name={['lines', l.id]} label={`${l.product.name} (${l.shippedQuantity}/${l.quantity})`}>
              <InputNumber min={0} max={l.quantity - l.shippedQuantity} data-testid={`ship-qty-${l.id}`} />
            </Form.Item>
          ))}
          <Form.Item name="carrier" label={t('order.carrier')}><Input /></Form.Item>
          <Form.Item name="trackingNumber" label={t('order.tracking')}><Input /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="ship-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>

      <Modal open={dialog === 'pay'} title={t('order.recordPayment')} onCancel={() => setDialog(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" initialValues={{ method: 'BANK_TRANSFER' }} onFinish={async (v: { amount: string; method: PaymentMethod; reference?: string }) => {
          const r = await client.mutation(RecordPaymentMutation, { input: { orderId: o.id, amount: { amount: String(v.amount), currency: o.currency }, method: v.method, reference: v.reference ?? null, idempotencyKey: crypto.randomUUID() } }).toPromise();
          if (done(r.data?.recordPayment.errors, r.error)) setDialog(null);
        }}>
          <Form.Item name="amount" label={t('order.amount')} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}><Input inputMode="decimal" /></Form.Item>
          <Form.Item name="method" label={t('order.method')}><Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`enums.PaymentMethod.${m}`) }))} /></Form.Item>
          <Form.Item name="reference" label={t('order.reference')}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>

      <Modal open={dialog === 'return'} title={t('order.return')} onCancel={() => setDialog(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" initialValues={{ kind: 'RETURN' }} onFinish={async (v: { kind: ReturnKind; reason: string; lines: Record<string, number> }) => {
          const lines = Object.entries(v.lines ?? {}).filter(([, q]) => q > 0).map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
          const r = await client.mutation(CreateReturnMutation, { input: { orderId: o.id, kind: v.kind, reason: v.reason, lines, idempotencyKey: crypto.randomUUID() } }).toPromise();
          if (done(r.data?.createReturnRequest.errors, r.error)) setDialog(null);
        }}>
          <Form.Item name="kind" label={t('order.kind')}><Radio.Group options={[{ value: 'RETURN', label: 'RETURN' }, { value: 'EXCHANGE', label: 'EXCHANGE' }]} /></Form.Item>
          {o.lines.filter((l) => l.shippedQuantity - l.returnedQuantity > 0).map((l) => (
            <Form.Item key={l.id} name={['lines', l.id]} label={`${l.product.name} (≤ ${l.shippedQuantity - l.returnedQuantity})`}><InputNumber min={0} max={l.shippedQuantity - l.returnedQuantity} data-testid={`return-qty-${l.id}`} /></Form.Item>
          ))}
          <Form.Item name="reason" label={t('order.reason')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}

/** The order's status history: from its audit trail, with the lifecycle timestamps as a fallback. */
function statusHistory(o: OrderNode, label: (v: unknown) => string): { key: string; color: string; text: string }[] {
  const fromAudit = (o.history?.edges ?? [])
    .map((e) => e.node)
    .flatMap((ev) => ev.changes.filter((c) => c.field === 'status').map((c) => ({
      key: `${ev.id}-status`,
      at: ev.createdAt,
      color: String(c.new).toUpperCase() === 'CANCELLED' ? 'red' : 'green',
      text: `${formatDateTime(ev.createdAt)} · ${c.old == null ? '' : label(c.old)} → ${label(c.new)} · ${ev.actor?.name ?? ''}${ev.note ? ` · ${ev.note}` : ''}`,
    })));
  if (fromAudit.length) return fromAudit.sort((a, b) => a.at.localeCompare(b.at));
  const stamps: [string, string | null | undefined][] = [
    ['DRAFT', o.createdAt], ['CONFIRMED', o.confirmedAt], ['SHIPPED', o.shippedAt], ['DELIVERED', o.deliveredAt],
    ['COMPLETED', o.completedAt], ['CANCELLED', o.cancelledAt],
  ];
  return stamps.filter(([, at]) => at).map(([st, at]) => ({ key: st, color: st === 'CANCELLED' ? 'red' : 'green', text: `${formatDateTime(at)} · ${label(st)}` }));
}

/** The next step of a return: approve or reject a request, receive the goods, refund a return. */
function ReturnActions({ id, kind, status, onDone }: { id: string; kind: string; status: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const client = useClient();
  const run = async (step: 'approve' | 'reject' | 'receive' | 'refund', reason?: string) => {
    const res =
      step === 'approve' ? (await client.mutation(ApproveReturnMutation, { input: { id } }).toPromise()).data?.approveReturn
        : step === 'receive' ? (await client.mutation(ReceiveReturnMutation, { input: { id } }).toPromise()).data?.receiveReturn
          : step === 'refund' ? (await client.mutation(RefundReturnMutation, { input: { id } }).toPromise()).data?.refundReturn
            : (await client.mutation(RejectReturnMutation, { input: { id, reason: reason ?? '' } }).toPromise()).data?.rejectReturn;
    if (!res || res.errors.length) message.error(formatUserErrors(res?.errors) || t('common.failed'));
    else { message.success(t('common.success')); onDone(); }
  };
  return (
    <Space size="small" wrap>
      {status === 'REQUESTED' ? <Button size="small" type="primary" onClick={() => void run('approve')} data-testid="approve-return">{t('order.approveReturn')}</Button> : null}
      {status === 'REQUESTED' ? (
        <Button size="small" danger onClick={() => {
          let reason = '';
          modal.confirm({
            title: t('order.rejectReturn'),
            content: <Input.TextArea rows={2} onChange={(e) => { reason = e.target.value; }} />,
            onOk: () => run('reject', reason),
          });
        }}>{t('order.rejectReturn')}</Button>
      ) : null}
      {status === 'APPROVED' ? <Button size="small" onClick={() => void run('receive')} data-testid="receive-return">{t('order.receiveReturn')}</Button> : null}
      {status === 'RECEIVED' && kind === 'RETURN' ? <Button size="small" onClick={() => void run('refund')} data-testid="refund-return">{t('order.refundReturn')}</Button> : null}
    </Space>
  );
}
