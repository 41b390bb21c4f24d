import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Timeline } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import {
  ApproveReturnMutation, ReceiveReturnMutation, UpdateShipmentStatusMutation, RefundReturnMutation, RejectReturnMutation,
  CancelOrderMutation, ConfirmOrderMutation, CreateReturnMutation, CreateShipmentMutation, OrderDetailQuery, RecordPaymentMutation,
} from './orders/documents';
import { OrderStatusTags } from './orders/OrderStatusTags';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatDateTime, formatMoney, sumDecimals } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { useFeedback } from '../components/feedback';
import { useBack } from '../components/useBack';
import { clearFieldErrors, showFieldErrors } from '../components/formErrors';
import { moneyRule, parseMoney } from '../components/money';
import { errorText, outcomeText, type UserErrorLike } from '../graphql/errors';
import { usePermissions } from '../permissions/context';
import { enumLabel } from '../i18n';
import { orderHistory, RETURN_STATUS_COLOR, SHIPMENT_STATUS_COLOR } from './orders/status';
import type { CombinedError } from '@urql/core';
import type { OrderDetailQuery as OrderDetailQueryType, PaymentMethod, ReturnKind } from '../gql/graphql';

const PAYMENT_METHODS: PaymentMethod[] = ['BANK_TRANSFER', 'CASH', 'CARD', 'ALIPAY', 'WECHAT_PAY', 'CHEQUE', 'OTHER'];

type OrderNode = Extract<NonNullable<OrderDetailQueryType['node']>, { __typename?: 'Order' }>;
type Line = OrderNode['lines'][number];
type Return = OrderNode['returns'][number];

export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message, modal } = useFeedback();
  const client = useClient();
  const back = useBack('/orders');
  const p = usePermissions();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrderDetailQuery, variables: { id } });
  const [dialog, setDialog] = useState<null | 'ship' | 'pay' | 'return'>(null);
  const [shortages, setShortages] = useState<string[] | null>(null);
  // An approval rule held the confirmation: its message, and the request it sent.
  const [held, setHeld] = useState<{ text: string; request: string } | null>(null);
  const [payForm] = Form.useForm();
  const o = data?.node && data.node.__typename === 'Order' ? (data.node as OrderNode) : null;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const money = (m: { amount: string; currency: string } | null | undefined) => formatMoney(m, i18n.language);

  if (!o) return <Panel><QueryState fetching={fetching} error={error} hasData={!!data} />{!fetching && data ? <Empty /> : null}</Panel>;

  const done = (errors: readonly UserErrorLike[] | undefined, err?: CombinedError) => {
    const text = outcomeText(i18n, err, errors);
    if (text) { message.error(text); return false; }
    message.success(t('common.success'));
    reload();
    return true;
  };

  const confirm = async () => {
    setShortages(null);
    setHeld(null);
    const r = await client.mutation(ConfirmOrderMutation, { input: { id: o.id, idempotencyKey: crypto.randomUUID() } }).toPromise();
    const pl = r.data?.confirmOrder;
    const approval = pl?.errors.find((e) => e.code === 'APPROVAL_REQUIRED');
    if (approval) {
      const request = (approval.params as { request?: string } | null)?.request ?? '';
      setHeld({ text: errorText(i18n, approval, { withField: false }), request });
      return;
    }
    const short = pl?.errors.filter((e) => e.code === 'INSUFFICIENT_STOCK') ?? [];
    if (short.length) {
      // one error per short line: the line's product, in the user's language
      setShortages(short.map((e) => {
        const line = /lines\.(\d+)/.exec(e.field ?? '')?.[1];
        const product = line != null ? o.lines.find((l) => String(l.position) === line || o.lines.indexOf(l) === Number(line))?.product : undefined;
        const text = errorText(i18n, e, { withField: false });
        return product ? `${product.sku} ${product.name}：${text}` : text;
      }));
      return;
    }
    done(pl?.errors, r.error);
  };
  const cancel = () => modal.confirm({
    title: t('order.cancelTitle'),
    content: <span data-testid="cancel-summary">{t('order.cancelSummary', { number: o.number, total: money(o.total) })}</span>,
    okText: t('order.cancel'), okButtonProps: { danger: true, 'data-testid': 'cancel-confirm' } as never, cancelText: t('common.back'),
    onOk: async () => {
      const r = await client.mutation(CancelOrderMutation, { input: { id: o.id } }).toPromise();
      done(r.data?.cancelOrder.errors, r.error);
    },
  });

  const canShip = ['CONFIRMED', 'PARTIALLY_SHIPPED'].includes(o.status);
  const history = orderHistory(o);
  const status = (v: string) => enumLabel(t, 'OrderStatus', v);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Panel testId="order-header"
        title={
          <div className="crm-detail-title">
            <button type="button" className="crm-linkbutton crm-back" onClick={back} aria-label={t('common.back')} data-testid="back"><ArrowLeftOutlined /></button>
            <span data-testid="order-number" className="crm-detail-name">{o.number}</span>
            <span data-testid="order-status" data-status={o.status}><OrderStatusTags status={o.status} shipments={o.shipments} /></span>
          </div>
        }
        extra={<>
          {/* each action only for roles whose write scope on its type allows it */}
          {o.status === 'DRAFT' && (p.canChange('Order') || p.canChange('Shipment')) ? <Button type="primary" onClick={() => void confirm()} data-testid="confirm-order">{t('order.confirm')}</Button> : null}
          {canShip && p.canChange('Shipment') ? <Button type="primary" onClick={() => setDialog('ship')} data-testid="ship-order">{t('order.ship')}</Button> : null}
          {p.canChange('Payment') && o.status !== 'DRAFT' && o.status !== 'CANCELLED' ? <Button onClick={() => setDialog('pay')} data-testid="record-payment">{t('order.recordPayment')}</Button> : null}
          {p.canChange('ReturnRequest') && ['PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED'].includes(o.status) ? <Button onClick={() => setDialog('return')} data-testid="request-return">{t('order.return')}</Button> : null}
          {p.canChange('Order') && ['DRAFT', 'CONFIRMED'].includes(o.status) ? <Button danger onClick={cancel} data-testid="cancel-order">{t('order.cancel')}</Button> : null}
        </>}>
        <QueryState fetching={false} error={error} hasData />
        {held ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="approval-required" title={held.text}
            action={<Link to={`/approvals?request=${encodeURIComponent(held.request)}`} data-testid="approval-link">{t('menu.approvals')}</Link>} />
        ) : null}
        {shortages ? (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="shortages"
            title={t('order.insufficientTitle')}
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{shortages.map((m) => <li key={m}>{m}</li>)}</ul>} />
        ) : null}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('order.customer')}>{o.customer ? <Link to={`/customers/${encodeURIComponent(o.customer.id)}`}>{o.customer.name}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('order.owner')}>{o.owner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('order.orderedOn')}>{formatDate(o.orderedOn)}</Descriptions.Item>
          {p.canRead('Order', 'total') ? <Descriptions.Item label={t('order.total')}><FieldValue type="Order" field="total" value={o.total} render={() => money(o.total)} /></Descriptions.Item> : null}
          {p.canRead('Order', 'paymentStatus') ? (
            <Descriptions.Item label={t('order.paymentStatus')}>
              <span data-testid="payment-status" data-status={o.paymentStatus ?? ''}>{o.paymentStatus ? enumLabel(t, 'PaymentStatus', o.paymentStatus) : '—'}</span>
              {o.paid ? <span className="crm-secondary"> ({t('order.paid')} {money(o.paid)})</span> : null}
            </Descriptions.Item>
          ) : null}
          {p.canRead('Order', 'balanceDue') && o.balanceDue ? <Descriptions.Item label={t('order.balanceDue')}>{money(o.balanceDue)}</Descriptions.Item> : null}
          {o.warehouse ? <Descriptions.Item label={t('order.warehouse')}>{o.warehouse.name}</Descriptions.Item> : null}
          {o.shipToAddress || o.shipToName ? (
            <Descriptions.Item label={t('order.shipTo')} span={2}>
              <span data-testid="order-ship-to">{[o.shipToName, o.shipToPhone, o.shipToAddress].filter(Boolean).join(' · ')}</span>
            </Descriptions.Item>
          ) : null}
          {o.cancelReason ? <Descriptions.Item label={t('order.cancelReason')}>{o.cancelReason}</Descriptions.Item> : null}
        </Descriptions>
      </Panel>
      <Panel title={t('order.lines')}>
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
      </Panel>
      <Panel title={t('order.history')}>
        <Timeline data-testid="order-history" items={history.map((h) => ({
          key: h.key,
          color: h.status === 'CANCELLED' ? 'red' : 'green',
          content: (
            <span>
              <strong>{status(h.status)}</strong> <span className="crm-secondary">{formatDateTime(h.at)}{h.actor ? ` · ${h.actor}` : ''}</span>
              {h.note ? <div>{t('timeline.reason', { reason: h.note })}</div> : null}
            </span>
          ),
        }))} />
      </Panel>
      <Panel title={t('order.shipments')}>
        <Table size="small" rowKey="id" pagination={false} dataSource={o.shipments} scroll={{ x: 'max-content' }} data-testid="shipments"
          columns={[
            { title: t('order.shipmentStatus'), dataIndex: 'status', render: (v: string, s) => <><Tag color={SHIPMENT_STATUS_COLOR[v]} data-testid="shipment-status" data-status={v}>{enumLabel(t, 'ShipmentStatus', v)}</Tag>{s.isReplacement ? <Tag>{t('order.replacement')}</Tag> : null}</> },
            { title: t('order.warehouse'), render: (_: unknown, s) => s.warehouse?.name ?? '—' },
            { title: t('order.carrier'), dataIndex: 'carrier' },
            { title: t('order.tracking'), dataIndex: 'trackingNumber' },
            { title: t('order.shippedAt'), dataIndex: 'shippedAt', render: (v: string | null) => formatDateTime(v) },
            {
              title: t('common.actions'),
              render: (_: unknown, sh) => {
                const next = sh.status === 'PENDING' ? 'IN_TRANSIT' : sh.status === 'IN_TRANSIT' ? 'DELIVERED' : null;
                if (!next || !p.canChange('Shipment')) return null;
                return (
                  <Button size="small" data-testid={`shipment-${next}`} onClick={async () => {
                    const r = await client.mutation(UpdateShipmentStatusMutation, { input: { id: sh.id, status: next } }).toPromise();
                    done(r.data?.updateShipmentStatus.errors, r.error);
                  }}>{next === 'IN_TRANSIT' ? t('order.markInTransit') : t('order.markDelivered')}</Button>
                );
              },
            },
          ]} />
      </Panel>
      {p.canView('Payment') ? (
        <Panel title={t('order.payments')}>
          <Table size="small" rowKey="id" pagination={false} dataSource={o.payments ?? []} data-testid="payments" scroll={{ x: 'max-content' }}
            columns={[
              { title: t('order.amount'), render: (_: unknown, x) => <span style={{ color: x.isRefund ? '#cf1322' : undefined }}>{money(x.amount)}</span> },
              { title: t('order.method'), dataIndex: 'method', render: (v: string) => enumLabel(t, 'PaymentMethod', v) },
              { title: t('order.reference'), dataIndex: 'reference' },
              { title: t('order.receivedOn'), dataIndex: 'receivedOn', render: (v: string | null) => formatDate(v) },
            ]} />
        </Panel>
      ) : null}

      {o.returns.length ? (
        <Panel title={t('order.return')}>
          <Table size="small" rowKey="id" pagination={false} dataSource={o.returns} data-testid="returns" scroll={{ x: 'max-content' }}
            columns={[
              { title: t('order.kind'), dataIndex: 'kind', render: (v: string) => enumLabel(t, 'ReturnKind', v) },
              { title: t('order.status'), dataIndex: 'status', render: (v: string) => <Tag color={RETURN_STATUS_COLOR[v]} data-testid="return-status" data-status={v}>{enumLabel(t, 'ReturnStatus', v)}</Tag> },
              { title: t('order.reason'), dataIndex: 'reason' },
              { title: t('order.amount'), render: (_: unknown, r) => money(r.refund) },
              {
                title: t('common.actions'),
                render: (_: unknown, r) => (p.canChange('ReturnRequest') ? <ReturnActions ret={r} onDone={reload} /> : null),
              },
            ]} />
        </Panel>
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
        <Form form={payForm} layout="vertical" initialValues={{ method: 'BANK_TRANSFER' }} onValuesChange={(c) => clearFieldErrors(payForm, c)}
          onFinish={async (v: { amount: string; method: PaymentMethod; reference?: string }) => {
            const amount = parseMoney(v.amount)!;
            const r = await client.mutation(RecordPaymentMutation, { input: { orderId: o.id, amount: { amount, currency: o.currency }, method: v.method, reference: v.reference ?? null, idempotencyKey: crypto.randomUUID() } }).toPromise();
            const errs = r.data?.recordPayment.errors ?? [];
            if (!r.error && errs.length) {
              // errors about a field show under it (and clear as it is corrected)
              const rest = showFieldErrors(payForm, i18n, errs, ['amount', 'method', 'reference']);
              if (rest.length) done(rest);
              return;
            }
            if (done(errs, r.error)) setDialog(null);
          }}>
          <Form.Item name="amount" label={t('order.paymentAmount')} rules={[moneyRule(t)]}>
            <Input inputMode="decimal" prefix={o.currency === 'CNY' ? '¥' : o.currency} placeholder="1,000.50" data-testid="payment-amount" />
          </Form.Item>
          <Form.Item name="method" label={t('order.method')}><Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: enumLabel(t, 'PaymentMethod', m) }))} /></Form.Item>
          <Form.Item name="reference" label={t('order.reference')}><Input /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="payment-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>

      <Modal open={dialog === 'return'} title={t('order.return')} onCancel={() => setDialog(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" initialValues={{ kind: 'RETURN' }} onFinish={async (v: { kind: ReturnKind; reason: string; lines: Record<string, number> }) => {
          const lines = Object.entries(v.lines ?? {}).filter(([, q]) => q > 0).map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
          const r = await client.mutation(CreateReturnMutation, { input: { orderId: o.id, kind: v.kind, reason: v.reason, lines, idempotencyKey: crypto.randomUUID() } }).toPromise();
          if (done(r.data?.createReturnRequest.errors, r.error)) setDialog(null);
        }}>
          <Form.Item name="kind" label={t('order.kind')}><Radio.Group options={(['RETURN', 'EXCHANGE'] as const).map((k) => ({ value: k, label: enumLabel(t, 'ReturnKind', k) }))} /></Form.Item>
          {o.lines.filter((l) => l.shippedQuantity - l.returnedQuantity > 0).map((l) => (
            <Form.Item key={l.id} name={['lines', l.id]} label={`${l.product.name} (≤ ${l.shippedQuantity - l.returnedQuantity})`}><InputNumber min={0} max={l.shippedQuantity - l.returnedQuantity} data-testid={`return-qty-${l.id}`} /></Form.Item>
          ))}
          <Form.Item name="reason" label={t('order.reason')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="return-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}

/** "2 × 显示器、1 × 键盘": a return's lines. */
function returnLines(ret: Return, sep: string): string {
  return ret.lines.map((l) => `${l.quantity} × ${l.orderLine?.product.name ?? '—'}`).join(sep);
}

/** The value of a return's goods at their order prices, when the prices are readable. */
function returnValue(ret: Return): { amount: string; currency: string } | null {
  const parts = ret.lines.map((l) => (l.orderLine?.unitPrice ? { ...l.orderLine.unitPrice, q: l.quantity } : null));
  if (!parts.length || parts.some((x) => !x)) return null;
  const currency = parts[0]!.currency;
  return { amount: sumDecimals(parts.map((x) => sumDecimals(Array.from({ length: x!.q }, () => x!.amount)))), currency };
}

/**
 * The next step of a return: approve or reject a request, receive the goods, refund a return.
 * Approving and refunding first show what they will do.
 */
function ReturnActions({ ret, onDone }: { ret: Return; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = useFeedback();
  const client = useClient();
  const sep = i18n.language === 'en' ? ', ' : '、';
  const run = async (step: 'approve' | 'reject' | 'receive' | 'refund', reason?: string) => {
    const id = ret.id;
    const r = step === 'approve' ? await client.mutation(ApproveReturnMutation, { input: { id } }).toPromise()
      : step === 'receive' ? await client.mutation(ReceiveReturnMutation, { input: { id } }).toPromise()
        : step === 'refund' ? await client.mutation(RefundReturnMutation, { input: { id } }).toPromise()
          : await client.mutation(RejectReturnMutation, { input: { id, reason: reason ?? '' } }).toPromise();
    const d = r.data as Record<string, { errors: UserErrorLike[] } | undefined> | undefined;
    const payload = d ? Object.values(d)[0] : undefined;
    const text = outcomeText(i18n, r.error, payload?.errors);
    if (text || !payload) message.error(text || t('common.failed'));
    else { message.success(t('common.success')); onDone(); }
  };
  const value = ret.refund ?? returnValue(ret);
  const amount = value ? formatMoney(value, i18n.language) : t('order.refundAmountUnknown');
  return (
    <Space size="small" wrap>
      {ret.status === 'REQUESTED' ? (
        <Button size="small" type="primary" data-testid="approve-return" onClick={() => modal.confirm({
          title: t('order.approveReturnTitle'),
          content: <span data-testid="approve-return-summary">{t('order.approveReturnSummary', { kind: enumLabel(t, 'ReturnKind', ret.kind), lines: returnLines(ret, sep), reason: ret.reason })}</span>,
          okText: t('order.approveReturn'), okButtonProps: { 'data-testid': 'approve-return-confirm' } as never, cancelText: t('common.cancel'),
          onOk: () => run('approve'),
        })}>{t('order.approveReturn')}</Button>
      ) : null}
      {ret.status === 'REQUESTED' ? (
        <Button size="small" danger onClick={() => {
          let reason = '';
          modal.confirm({
            title: t('order.rejectReturn'),
            content: <Input.TextArea rows={2} onChange={(e) => { reason = e.target.value; }} placeholder={t('order.reason')} />,
            onOk: () => run('reject', reason),
          });
        }}>{t('order.rejectReturn')}</Button>
      ) : null}
      {ret.status === 'APPROVED' ? <Button size="small" onClick={() => void run('receive')} data-testid="receive-return">{t('order.receiveReturn')}</Button> : null}
      {ret.status === 'RECEIVED' && ret.kind === 'RETURN' ? (
        <Button size="small" data-testid="refund-return" onClick={() => modal.confirm({
          title: t('order.refundTitle'),
          content: <span data-testid="refund-summary">{t('order.refundSummary', { amount, lines: returnLines(ret, sep) })}</span>,
          okText: t('order.refundReturn'), okButtonProps: { 'data-testid': 'refund-confirm' } as never, cancelText: t('common.cancel'),
          onOk: () => run('refund'),
        })}>{t('order.refundReturn')}</Button>
      ) : null}
    </Space>
  );
}
