import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../components/format';
import { outcomeText } from '../graphql/errors';
import { enumLabel } from '../i18n';
import type { WebhookDeliveriesQuery as DeliveriesResult, WebhookEndpointsQuery as EndpointsResult, WebhookEventType } from '../gql-webhooks/graphql';
import {
  CreateWebhookEndpointMutation, DeleteWebhookEndpointMutation, RedeliverWebhookMutation, RotateWebhookSecretMutation,
  TestWebhookEndpointMutation, UpdateWebhookEndpointMutation, WebhookDeliveriesQuery, WebhookEndpointsQuery,
} from './webhooks/documents';
import './webhooks/texts';

type Endpoint = EndpointsResult['webhookEndpoints'][number];
type Delivery = DeliveriesResult['webhookDeliveries'][number];

/** What an endpoint may subscribe to (`PING` is sent by the test button only). */
export const EVENT_TYPES: WebhookEventType[] = [
  'CUSTOMER_CREATED', 'CUSTOMER_UPDATED', 'CUSTOMER_DELETED', 'CONTACT_CREATED', 'CONTACT_UPDATED',
  'LEAD_CREATED', 'LEAD_CONVERTED', 'OPPORTUNITY_CREATED', 'OPPORTUNITY_WON', 'OPPORTUNITY_LOST',
  'ORDER_CREATED', 'ORDER_CONFIRMED', 'ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'ORDER_COMPLETED', 'ORDER_CANCELLED',
  'PAYMENT_RECEIVED', 'SHIPMENT_CREATED', 'SHIPMENT_UPDATED', 'PRODUCT_CREATED', 'PRODUCT_UPDATED',
];

const STATUS_COLOR: Record<string, string> = { PENDING: 'blue', SUCCEEDED: 'green', FAILED: 'orange', DEAD: 'red' };

interface UserErrorLike { field?: string | null; code: string; message: string }

export default function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebhookEndpointsQuery, requestPolicy: 'network-only' });
  const [selected, setSelected] = useState<string | null>(null);
  const [{ data: log, fetching: logFetching }, refetchLog] = useQuery({
    query: WebhookDeliveriesQuery, variables: { endpoint: selected ?? '', first: 50 }, pause: !selected, requestPolicy: 'network-only',
  });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const endpoints = data?.webhookEndpoints ?? [];

  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    if (selected) refetchLog({ requestPolicy: 'network-only' });
  };
  const report = (err: Parameters<typeof outcomeText>[1], errs: readonly UserErrorLike[] | undefined): boolean => {
    const text = outcomeText(i18n, err, errs);
    if (text) { message.error(text); return false; }
    return true;
  };

  const create = async (v: { url: string; description?: string; eventTypes: WebhookEventType[] }) => {
    const r = await client.mutation(CreateWebhookEndpointMutation, { input: { url: v.url, description: v.description ?? '', eventTypes: v.eventTypes } }).toPromise();
    if (!report(r.error, r.data?.createWebhookEndpoint.errors)) return;
    setCreating(false);
    setSecret(r.data?.createWebhookEndpoint.secret ?? null);
    reload();
  };
  const setEnabled = async (e: Endpoint, enabled: boolean) => {
    const r = await client.mutation(UpdateWebhookEndpointMutation, { input: { id: e.id, enabled } }).toPromise();
    if (report(r.error, r.data?.updateWebhookEndpoint.errors)) reload();
  };
  const rotate = async (e: Endpoint) => {
    const r = await client.mutation(RotateWebhookSecretMutation, { input: { id: e.id } }).toPromise();
    if (!report(r.error, r.data?.rotateWebhookSecret.errors)) return;
    setSecret(r.data?.rotateWebhookSecret.secret ?? null);
    reload();
  };
  const remove = async (e: Endpoint) => {
    const r = await client.mutation(DeleteWebhookEndpointMutation, { input: { id: e.id } }).toPromise();
    if (!report(r.error, r.data?.deleteWebhookEndpoint.errors)) return;
    if (selected === e.id) setSelected(null);
    message.success(t('common.success'));
    reload();
  };
  const test = async (e: Endpoint) => {
    const r = await client.mutation(TestWebhookEndpointMutation, { input: { id: e.id } }).toPromise();
    if (!report(r.error, r.data?.testWebhookEndpoint.errors)) return;
    const d = r.data?.testWebhookEndpoint.delivery;
    if (d?.status === 'SUCCEEDED') message.success(t('webhooks.testOk', { code: d.lastResponseCode }));
    else message.error(t('webhooks.testFailed', { error: d?.lastError ?? '' }));
    setSelected(e.id);
    reload();
  };
  const redeliver = async (d: Delivery) => {
    const r = await client.mutation(RedeliverWebhookMutation, { input: { id: d.id } }).toPromise();
    if (!report(r.error, r.data?.redeliverWebhook.errors)) return;
    message.success(t('webhooks.queued'));
    reload();
  };

  const current = endpoints.find((e) => e.id === selected);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('menu.webhooks')} extra={<Button type="primary" data-testid="webhook-new" onClick={() => setCreating(true)}>{t('webhooks.new')}</Button>}>
        <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
        <QueryState fetching={fetching} error={error} hasData={!!data} />
        <Table<Endpoint> rowKey="id" size="middle" dataSource={endpoints} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="webhook-endpoints"
          rowClassName={(e) => (e.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('webhooks.url'), render: (_: unknown, e) => <><Typography.Text code>{e.url}</Typography.Text>{e.description ? <div><Typography.Text type="secondary">{e.description}</Typography.Text></div> : null}</> },
            { title: t('webhooks.events'), render: (_: unknown, e) => <Space size={[0, 4]} wrap>{e.eventTypes.map((v) => <Tag key={v}>{enumLabel(t, 'WebhookEventType', v)}</Tag>)}</Space> },
            { title: t('webhooks.enabled'), render: (_: unknown, e) => (
              <Space orientation="vertical" size={0}>
                <Switch checked={e.enabled} data-testid="webhook-enabled" onChange={(on) => void setEnabled(e, on)} />
                {e.disabledReason ? <Typography.Text type="danger" data-testid="webhook-disabled-reason">{e.disabledReason}</Typography.Text> : null}
              </Space>
            ) },
            { title: t('webhooks.failures'), dataIndex: 'consecutiveFailures' },
            { title: t('webhooks.secret'), render: (_: unknown, e) => <Typography.Text code>{e.secretHint}</Typography.Text> },
            { title: t('common.actions'), render: (_: unknown, e) => (
              <Space size="small" wrap>
                <Button size="small" data-testid="webhook-log" onClick={() => setSelected(e.id)}>{t('webhooks.log')}</Button>
                <Button size="small" data-testid="webhook-test" onClick={() => void test(e)}>{t('webhooks.test')}</Button>
                <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => void rotate(e)}><Button size="small">{t('webhooks.rotate')}</Button></Popconfirm>
                <Popconfirm title={t('webhooks.deleteConfirm')} onConfirm={() => void remove(e)}><Button size="small" danger>{t('webhooks.delete')}</Button></Popconfirm>
              </Space>
            ) },
          ]} />
      </Card>
      {current ? (
        <Card title={t('webhooks.logOf', { url: current.url })} extra={<Button data-testid="webhook-log-refresh" onClick={() => refetchLog({ requestPolicy: 'network-only' })}>{t('common.refresh')}</Button>}>
          <Table<Delivery> rowKey="id" size="middle" dataSource={log?.webhookDeliveries ?? []} loading={logFetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="webhook-deliveries"
            columns={[
              { title: t('webhooks.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: t('webhooks.event'), dataIndex: 'eventType', render: (v: WebhookEventType) => <Tag data-testid="delivery-event" data-event={v}>{enumLabel(t, 'WebhookEventType', v)}</Tag> },
              { title: t('webhooks.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]} data-testid="delivery-status" data-status={v}>{enumLabel(t, 'WebhookDeliveryStatus', v)}</Tag> },
              { title: t('webhooks.attempts'), dataIndex: 'attempts' },
              { title: t('webhooks.response'), dataIndex: 'lastResponseCode', render: (v: number | null) => <span data-testid="delivery-code">{v ?? '—'}</span> },
              { title: t('webhooks.error'), dataIndex: 'lastError', render: (v: string | null) => (v ? <Typography.Text type="danger" ellipsis style={{ maxWidth: 280 }}>{v}</Typography.Text> : '') },
              { title: t('webhooks.next'), dataIndex: 'nextAttemptAt', render: (v: string | null) => (v ? formatDateTime(v) : '') },
              { title: t('common.actions'), render: (_: unknown, d) => <Button size="small" data-testid="delivery-redeliver" onClick={() => void redeliver(d)}>{t('webhooks.redeliver')}</Button> },
            ]} />
        </Card>
      ) : null}
      <Modal open={creating} title={t('webhooks.new')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" data-testid="webhook-form" onFinish={(v) => void create(v as { url: string; description?: string; eventTypes: WebhookEventType[] })}>
          <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}><Input placeholder="https://" data-testid="webhook-url" /></Form.Item>
          <Form.Item name="eventTypes" label={t('webhooks.events')} rules={[{ required: true, message: t('login.required') }]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} data-testid="webhook-events" options={EVENT_TYPES.map((v) => ({ value: v, label: enumLabel(t, 'WebhookEventType', v) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('webhooks.description')}><Input data-testid="webhook-description" /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="webhook-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
      <Modal open={!!secret} title={t('webhooks.secretTitle')} onCancel={() => setSecret(null)} onOk={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
        <Alert type="warning" showIcon title={t('webhooks.secretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="webhook-secret">{secret}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}

