import { useState } from 'react';
import { Button, Card, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useFeedback } from '../components/feedback';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { CreateOrderMutation, OrdersQuery, ProductSearchQuery } from './orders/documents';
import { CustomersQuery } from './customers/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { formatUserErrors } from '../graphql/errors';
import { useFieldAccess } from '../permissions/context';
import type { OrderFilter, OrderStatus, OrdersQuery as OrdersQueryType, PaymentStatus } from '../gql/graphql';

type Order = OrdersQueryType['orders']['edges'][number]['node'];
export const ORDER_STATUSES = ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED'];
export const STATUS_COLOR: Record<string, string> = {
  DRAFT: 'default', CONFIRMED: 'blue', PARTIALLY_SHIPPED: 'gold', SHIPPED: 'cyan', DELIVERED: 'green', COMPLETED: 'green', CANCELLED: 'red',
};

export default function OrdersPage() {
  const { t, i18n } = useTranslation();
  const fa = useFieldAccess('Order');
  const [status, setStatus] = useState<string | undefined>();
  const [paymentStatus, setPaymentStatus] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const filter: OrderFilter = {
    ...(status ? { status: { eq: status as OrderStatus } } : {}),
    ...(paymentStatus ? { paymentStatus: { eq: paymentStatus as PaymentStatus } } : {}),
  };
  const [{ data, fetching, error }] = useQuery({ query: OrdersQuery, variables: { filter, first: 100 } });
  const rows = data?.orders.edges.map((e) => e.node) ?? [];
  return (
    <Card title={t('menu.orders')} styles={{ body: { padding: 12 } }} extra={
      <Space wrap>
        <Select allowClear placeholder={t('order.status')} value={status} onChange={setStatus} style={{ width: 170 }} options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`enums.OrderStatus.${s}`) }))} />
        {fa.canRead('paymentStatus') ? <Select allowClear placeholder={t('order.paymentStatus')} value={paymentStatus} onChange={setPaymentStatus} style={{ width: 150 }}
          options={['UNPAID', 'PARTIALLY_PAID', 'PAID'].map((s) => ({ value: s, label: t(`enums.PaymentStatus.${s}`) }))} /> : null}
        {fa.canChange ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-order">{t('order.create')}</Button> : null}
      </Space>
    }>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Order> data-testid="orders-table" rowKey="id" size="middle" dataSource={rows} loading={fetching} scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: () => t('common.total', { count: data?.orders.totalCount ?? rows.length }) }}
        columns={[
          { title: t('order.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/orders/${encodeURIComponent(r.id)}`}>{v}</Link> },
          { title: t('order.customer'), render: (_: unknown, r) => r.customer?.name ?? '—' },
          { title: t('order.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`enums.OrderStatus.${v}`)}</Tag> },
          ...(fa.canRead('paymentStatus') ? [{ title: t('order.paymentStatus'), dataIndex: 'paymentStatus', render: (v: string | null) => (v ? t(`enums.PaymentStatus.${v}`) : '—') }] : []),
          ...(fa.canRead('total') ? [{ title: t('order.total'), render: (_: unknown, r: Order) => <FieldValue type="Order" field="total" value={r.total} render={() => formatMoney(r.total, i18n.language)} /> }] : []),
          { title: t('order.createdAt'), dataIndex: 'orderedOn', render: (v: string) => formatDate(v) },
        ]} />
      <CreateOrderDialog open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

function CreateOrderDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const navigate = useNavigate();
  const [customerText, setCustomerText] = useState('');
  const [productText, setProductText] = useState('');
  const [{ data: customers }] = useQuery({ query: CustomersQuery, variables: { filter: customerText ? { search: customerText } : null, first: 20 }, pause: !open });
  const [{ data: products }] = useQuery({ query: ProductSearchQuery, variables: { search: productText || null }, pause: !open });
  const productOptions = (products?.products.edges ?? []).map((e) => ({
    value: e.node.id,
    label: `${e.node.sku} ${e.node.name} · ${t('order.available')}: ${
      e.node.trackStock ? e.node.stock.map((l) => `${l.warehouse.name} ${l.available}`).join(' / ') || 0 : '∞'
    }`,
  }));
  return (
    <Modal open={open} title={t('order.create')} onCancel={onClose} footer={null} destroyOnHidden width={720}>
      <Form layout="vertical" initialValues={{ lines: [{ quantity: 1 }] }}
        onFinish={async (v: { customerId: string; lines: { productId: string; quantity: number }[] }) => {
          const r = await client.mutation(CreateOrderMutation, { input: { customerId: v.customerId, lines: v.lines, idempotencyKey: crypto.randomUUID() } }).toPromise();
          const p = r.data?.createOrder;
          if (r.error || p?.errors.length) { message.error(r.error?.message ?? formatUserErrors(p?.errors)); return; }
          onClose();
          if (p?.order) navigate(`/orders/${encodeURIComponent(p.order.id)}`);
        }}>
        <Form.Item name="customerId" label={t('order.customer')} rules={[{ required: true }]}>
          <Select data-testid="order-customer" showSearch={{ filterOption: false, onSearch: setCustomerText }} options={(customers?.customers.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))} />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'productId']} rules={[{ required: true, message: t('order.product') }]} style={{ width: 420 }}>
                    <Select data-testid={`order-product-${f.name}`} showSearch={{ filterOption: false, onSearch: setProductText }} placeholder={t('order.product')} options={productOptions} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: t('order.quantity') }]}>
                    <InputNumber min={1} placeholder={t('order.quantity')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ quantity: 1 })} icon={<PlusOutlined />} block>{t('order.lines')}</Button>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" style={{ marginTop: 16 }} data-testid="create-order-submit">{t('common.save')}</Button>
      </Form>
    </Modal>
  );
}
