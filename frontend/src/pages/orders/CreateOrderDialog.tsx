import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { CreateOrderMutation, ProductSearchQuery } from './documents';
import { CustomerPickQuery } from '../sales/documents';
import { clearFieldErrors, showFieldErrors } from '../../components/formErrors';
import { combinedErrorText, errorsText } from '../../graphql/errors';

/** A draft order; from an opportunity's page it carries the opportunity (and its customer). */
export default function CreateOrderDialog({ onClose, customerId, opportunityId }: { onClose: () => void; customerId?: string; opportunityId?: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const [customerText, setCustomerText] = useState('');
  const [productText, setProductText] = useState('');
  const [{ data: customers }] = useQuery({ query: CustomerPickQuery, variables: { search: customerText || null }, pause: Boolean(customerId) });
  const [{ data: products }] = useQuery({ query: ProductSearchQuery, variables: { search: productText || null } });
  const productOptions = (products?.products.edges ?? []).map((e) => ({
    value: e.node.id,
    label: `${e.node.sku} ${e.node.name} · ${t('order.available')}: ${
      e.node.trackStock ? e.node.stock.map((l) => `${l.warehouse.name} ${l.available}`).join(' / ') || 0 : '∞'
    }`,
  }));
  return (
    <Modal open title={t('order.create')} onCancel={onClose} footer={null} destroyOnHidden width={720}>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" initialValues={{ lines: [{ quantity: 1 }] }} onValuesChange={(c) => { clearFieldErrors(form, c); setProblem(null); }}
        onFinish={async (v: { customerId: string; lines: { productId: string; quantity: number }[] }) => {
          const r = await client.mutation(CreateOrderMutation, { input: { customerId: customerId ?? v.customerId, opportunityId: opportunityId ?? null, lines: v.lines, idempotencyKey: crypto.randomUUID() } }).toPromise();
          const p = r.data?.createOrder;
          if (r.error) { setProblem(combinedErrorText(i18n, r.error)); return; }
          if (p?.errors.length) {
            const rest = showFieldErrors(form, i18n, p.errors, ['customerId', 'lines']);
            setProblem(rest.length ? errorsText(i18n, rest) : null);
            return;
          }
          onClose();
          if (p?.order) navigate(`/orders/${encodeURIComponent(p.order.id)}`);
        }}>
        {!customerId ? (
          <Form.Item name="customerId" label={t('order.customer')} rules={[{ required: true, message: t('login.required') }]}>
            <Select data-testid="order-customer" showSearch={{ filterOption: false, onSearch: setCustomerText }} options={(customers?.customers.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))} />
          </Form.Item>
        ) : null}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'productId']} rules={[{ required: true, message: t('order.product') }]} style={{ width: 420, maxWidth: '70vw' }}>
                    <Select data-testid={`order-product-${f.name}`} showSearch={{ filterOption: false, onSearch: setProductText }} placeholder={t('order.product')} options={productOptions} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: t('order.quantity') }]}>
                    <InputNumber min={1} placeholder={t('order.quantity')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
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
