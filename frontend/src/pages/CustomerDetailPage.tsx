import { useState } from 'react';
import { App, Button, type ButtonProps, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, MessageOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { AddTagsMutation, CustomerDetailQuery, CustomerLookupsQuery, CustomerOrdersQuery, LogInteractionMutation, RemoveTagsMutation, UpdateCustomerMutation } from './customers/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatDateTime, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { useFieldAccess, usePermissions } from '../permissions/context';
import { formatUserErrors } from '../graphql/errors';
import { LEVELS, STAGES } from './customers/enums';
import type { CustomerDetailQuery as CustomerDetailQueryType, InteractionKind } from '../gql/graphql';

type TimelineNode = Extract<NonNullable<CustomerDetailQueryType['node']>, { __typename: 'Customer' }>['timeline']['edges'][number]['node'];

const EDITABLE = ['name', 'industry', 'region', 'phone', 'email', 'lifecycleStage', 'level'];
const KINDS: InteractionKind[] = ['CALL', 'EMAIL', 'MEETING', 'VISIT', 'MESSAGE', 'NOTE'];
const PROFILE_FIELDS = ['kind', 'industry', 'region', 'address', 'phone', 'email', 'source', 'lifecycleStage', 'level', 'owner', 'team', 'lastFollowUpAt', 'nextFollowUpAt', 'createdAt'];
const LABEL: Record<string, string> = {
  name: 'customer.name', kind: 'customer.kind', industry: 'customer.industry', region: 'customer.region', address: 'customer.address', phone: 'customer.phone',
  email: 'customer.email', source: 'customer.source', lifecycleStage: 'customer.stage', level: 'customer.level', owner: 'customer.owner',
  team: 'customer.team', lastFollowUpAt: 'customer.lastFollowUp', nextFollowUpAt: 'customer.nextFollowUp', createdAt: 'customer.createdAt',
};

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const fa = useFieldAccess('Customer');
  const [{ data, fetching, error }, refetch] = useQuery({ query: CustomerDetailQuery, variables: { id } });
  const [logOpen, setLogOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const perms = usePermissions();
  const [{ data: orderData }] = useQuery({ query: CustomerOrdersQuery, variables: { id }, pause: !perms.canView('Order') });
  const c = data?.node && data.node.__typename === 'Customer' ? data.node : null;

  if (!c) {
    return (
      <Card>
        <QueryState fetching={fetching} error={error} hasData={!!data} />
        {!fetching && data ? <Empty description={t('common.notFound')} /> : null}
      </Card>
    );
  }

  const value = (f: string): unknown => {
    switch (f) {
      case 'owner': return c.owner?.name ?? c.owner?.email;
      case 'team': return c.team?.name;
      case 'lifecycleStage': return t(`enums.stage.${c.lifecycleStage}`);
      case 'kind': return c.kind === 'PERSON' ? t('customer.person') : t('customer.company');
      case 'lastFollowUpAt': case 'nextFollowUpAt': case 'createdAt': { const d = (c as Record<string, unknown>)[f]; return d ? formatDate(String(d)) : null; }
      default: return (c as Record<string, unknown>)[f];
    }
  };

  const timeline = c.timeline?.edges ?? [];
  const opps = c.opportunities ?? [];
  const tasks = c.tasks ?? [];
  const orders = orderData?.orders.edges.map((e) => e.node) ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space wrap>
            <Link to="/customers"><ArrowLeftOutlined /></Link>
            <span data-testid="customer-name">{c.name}</span>
            {c.inPool ? <Tag color="orange">{t('customer.inPool')}</Tag> : null}
            {(c.tags ?? []).map((tg) => <Tag key={tg.id} color={tg.color ?? undefined}>{tg.name}</Tag>)}
            {fa.canChange ? <TagEditor customerId={c.id} current={(c.tags ?? []).map((tg) => tg.id)} onDone={() => refetch({ requestPolicy: 'network-only' })} /> : null}
          </Space>
        }
        extra={
          <Space wrap>
            {EDITABLE.some((f) => fa.canWrite(f)) ? (
              <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="edit-customer">{t('common.edit')}</Button>
            ) : null}
            <Button type="primary" icon={<MessageOutlined />} onClick={() => setLogOpen(true)} data-testid="log-interaction">
              {t('customer.logInteraction')}
            </Button>
          </Space>
        }
      >
        <QueryState fetching={false} error={error} hasData />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered data-testid="customer-profile">
          {PROFILE_FIELDS.filter((f) => fa.canRead(f)).map((f) => (
            <Descriptions.Item key={f} label={t(LABEL[f])}>
              <FieldValue type="Customer" field={f} value={value(f)} />
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            {
              key: 'timeline',
              label: t('customer.timeline'),
              children: timeline.length ? (
                <Timeline
                  data-testid="customer-timeline"
                  items={timeline.map((e) => ({
                    key: e.cursor,
                    color: e.node.kind === 'interaction' ? 'blue' : e.node.kind === 'stage_change' ? 'green' : 'gray',
                    content: <TimelineItem entry={e.node} />,
                  }))}
                />
              ) : <Empty />,
            },
            {
              key: 'contacts',
              label: t('customer.contacts'),
              children: (
                <Table
                  size="small" rowKey="id" pagination={false} dataSource={c.contacts ?? []} scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('lead.name'), dataIndex: 'name', render: (v: string, r) => <>{v} {r.isPrimary ? <Tag color="blue">★</Tag> : null}</> },
                    { title: t('payroll.title'), dataIndex: 'title' },
                    { title: t('customer.phone'), dataIndex: 'phone', render: (v: string | null) => <FieldValue type="Contact" field="phone" value={v} /> },
                    { title: t('customer.email'), dataIndex: 'email', render: (v: string | null) => <FieldValue type="Contact" field="email" value={v} /> },
                  ]}
                />
              ),
            },
            {
              key: 'opportunities',
              label: t('customer.opportunities'),
              children: (
                <Table size="small" rowKey="id" pagination={false} dataSource={opps} scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('task.title'), dataIndex: 'title' },
                    { title: t('customer.stage'), render: (_: unknown, r) => (i18n.language === 'en' ? r.stage.nameEn : r.stage.name) },
                    { title: t('pipeline.amount'), render: (_: unknown, r) => <FieldValue type="Opportunity" field="amount" value={r.amount} render={() => formatMoney(r.amount, i18n.language)} /> },
                    { title: t('pipeline.closeDate'), dataIndex: 'expectedCloseDate', render: (v: string | null) => formatDate(v) },
                  ]} />
              ),
            },
            {
              key: 'tasks',
              label: t('customer.tasks'),
              children: (
                <Table size="small" rowKey="id" pagination={false} dataSource={tasks}
                  columns={[
                    { title: t('task.title'), dataIndex: 'title' },
                    { title: t('task.due'), dataIndex: 'dueAt', render: (v: string | null) => formatDateTime(v) },
                    { title: t('task.status'), dataIndex: 'status', render: (v: string) => t(`enums.taskStatus.${v}`) },
                  ]} />
              ),
            },
            ...(perms.canView('Order') ? [{
              key: 'orders',
              label: t('customer.orders'),
              children: (
                <Table size="small" rowKey="id" pagination={false} dataSource={orders} scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('order.number'), dataIndex: 'number', render: (v: string, r: (typeof orders)[number]) => <Link to={`/orders/${encodeURIComponent(r.id)}`}>{v}</Link> },
                    { title: t('order.status'), dataIndex: 'status', render: (v: string) => <Tag>{v}</Tag> },
                    { title: t('order.total'), render: (_: unknown, r: (typeof orders)[number]) => <FieldValue type="Order" field="total" value={r.total} render={() => formatMoney(r.total, i18n.language)} /> },
                    { title: t('order.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
                  ]} />
              ),
            }] : []),
          ]}
        />
      </Card>
      <EditCustomerDialog
        open={editOpen}
        customer={{ id: c.id, version: c.version, name: c.name, industry: c.industry, region: c.region, phone: c.phone, email: c.email, lifecycleStage: c.lifecycleStage, level: c.level }}
        onClose={(done) => { setEditOpen(false); if (done) refetch({ requestPolicy: 'network-only' }); }}
      />
      <LogInteractionDialog customerId={c.id} open={logOpen} onClose={(done) => { setLogOpen(false); if (done) refetch({ requestPolicy: 'network-only' }); }} />
    </Space>
  );
}

export function LogInteractionDialog({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [{ fetching }, log] = useMutation(LogInteractionMutation);
  return (
    <Modal open={open} title={t('customer.logInteraction')} onCancel={() => onClose(false)} destroyOnHidden
      okText={t('common.save')} confirmLoading={fetching} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'interaction-submit' } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'CALL' }}
        onFinish={async (v: { kind: InteractionKind; summary: string; nextFollowUpAt?: Dayjs }) => {
          const r = await log({
            input: {
              id: crypto.randomUUID(), // a retry (or the offline queue) cannot log it twice
              customerId, kind: v.kind, summary: v.summary, occurredAt: new Date().toISOString(),
              nextFollowUpAt: v.nextFollowUpAt ? v.nextFollowUpAt.toISOString() : null,
            },
          });
          const errs = r.data?.logInteraction.errors ?? [];
          if (r.error?.networkError && typeof navigator !== 'undefined' && !navigator.onLine) {
            message.info(t('interaction.queued'));
            form.resetFields();
            onClose(false);
            return;
          }
          if (r.error || errs.length) {
            message.error(r.error?.message ?? formatUserErrors(errs));
            return;
          }
          message.success(t('common.success'));
          form.resetFields();
          onClose(true);
        }}>
        <Form.Item name="kind" label={t('interaction.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`interaction.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('interaction.summary')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="interaction-summary" />
        </Form.Item>
        <Form.Item name="nextFollowUpAt" label={t('interaction.nextFollowUpAt')}>
          <DatePicker style={{ width: '100%' }} data-testid="interaction-next" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditCustomerDialog({ open, customer, onClose }: {
  open: boolean;
  customer: { id: string; version: number } & Record<string, string | number | null | undefined>;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fa = useFieldAccess('Customer');
  const [form] = Form.useForm();
  const [{ fetching }, update] = useMutation(UpdateCustomerMutation);
  // only fields the user may write are offered; masked values are never sent back
  const fields = EDITABLE.filter((f) => fa.canWrite(f));
  return (
    <Modal open={open} title={t('common.edit')} onCancel={() => onClose(false)} destroyOnHidden confirmLoading={fetching} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(fields.map((f) => [f, customer[f] ?? undefined]))}
        onFinish={async (v: Record<string, string | undefined>) => {
          const changed = Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== (customer[k] ?? undefined)));
          const r = await update({ input: { id: customer.id, expectedVersion: customer.version, ...changed } });
          const errs = r.data?.updateCustomer.errors ?? [];
          if (r.error || errs.length) {
            if (errs.some((e) => e.code === 'CONFLICT')) message.warning(formatUserErrors(errs));
            else message.error(r.error?.message ?? formatUserErrors(errs));
            form.setFields(errs.filter((e) => e.field && fields.includes(e.field)).map((e) => ({ name: e.field!, errors: [e.message] })));
            return;
          }
          message.success(t('common.success'));
          onClose(true);
        }}>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={t(LABEL[f] ?? `customer.${f}`)} rules={f === 'name' ? [{ required: true }] : []}>
            {f === 'lifecycleStage' ? <Select options={STAGES.map((x) => ({ value: x, label: t(`enums.stage.${x}`) }))} />
              : f === 'level' ? <Select options={LEVELS.map((x) => ({ value: x, label: x }))} /> : <Input />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function TimelineItem({ entry }: { entry: TimelineNode }) {
  const { t, i18n } = useTranslation();
  const when = <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>;
  if (entry.interaction) {
    const it = entry.interaction;
    return (
      <div>
        <Tag color="blue">{t(`interaction.kinds.${it.kind}`)}</Tag> {when} <Typography.Text type="secondary">{it.owner?.name ?? ''}</Typography.Text>
        <div>{it.summary}</div>
        {it.outcome ? <Typography.Text type="secondary">{it.outcome}</Typography.Text> : null}
        {it.nextFollowUpAt ? <div><Typography.Text type="secondary">{t('interaction.nextFollowUpAt')}: {formatDate(it.nextFollowUpAt)}</Typography.Text></div> : null}
      </div>
    );
  }
  if (entry.stageChange) {
    const sc = entry.stageChange;
    const name = (s: { name: string; nameEn: string } | null | undefined) => (s ? (i18n.language === 'en' ? s.nameEn : s.name) : '—');
    return (
      <div>
        <Tag color="green">{t('enums.timeline.stage_change')}</Tag> {when} <Typography.Text type="secondary">{sc.changedBy?.name ?? ''}</Typography.Text>
        <div>{sc.opportunity?.title ?? ''}: {name(sc.fromStage)} → {name(sc.toStage)}</div>
        {sc.note ? <Typography.Text type="secondary">{sc.note}</Typography.Text> : null}
      </div>
    );
  }
  if (entry.auditEvent) {
    const ev = entry.auditEvent;
    return (
      <div>
        <Tag>{t('enums.timeline.audit')}</Tag> {when} <Typography.Text type="secondary">{ev.actor?.name ?? ''} · {ev.objectType} · {ev.action}</Typography.Text>
        {ev.changes.length ? (
          <div>
            {ev.changes.map((ch) => (
              <div key={ch.field}><Typography.Text code>{ch.field}</Typography.Text> {show(ch.old)} → {show(ch.new)}</div>
            ))}
          </div>
        ) : null}
        {ev.note ? <Typography.Text type="secondary">{ev.note}</Typography.Text> : null}
      </div>
    );
  }
  return <div>{t(`enums.timeline.${entry.kind}`, { defaultValue: entry.kind })} {when}</div>;
}

function show(v: unknown): string {
  if (v == null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Add or remove this customer's tags (the bulk tag mutations with one id). */
function TagEditor({ customerId, current, onDone }: { customerId: string; current: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string[]>(current);
  const [{ data }] = useQuery({ query: CustomerLookupsQuery, pause: !open });
  const save = async () => {
    const added = value.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !value.includes(id));
    const errors: string[] = [];
    if (added.length) {
      const r = await client.mutation(AddTagsMutation, { input: { customerIds: [customerId], tagIds: added } }).toPromise();
      errors.push(...(r.data?.addTags.results ?? []).flatMap((x) => x.errors.map((e) => e.message)), ...(r.error ? [r.error.message] : []));
    }
    if (removed.length) {
      const r = await client.mutation(RemoveTagsMutation, { input: { customerIds: [customerId], tagIds: removed } }).toPromise();
      errors.push(...(r.data?.removeTags.results ?? []).flatMap((x) => x.errors.map((e) => e.message)), ...(r.error ? [r.error.message] : []));
    }
    if (errors.length) message.error(errors.join('; '));
    else message.success(t('common.success'));
    setOpen(false);
    onDone();
  };
  return (
    <>
      <Button size="small" type="dashed" onClick={() => { setValue(current); setOpen(true); }} data-testid="edit-tags">{t('customer.tags')}</Button>
      <Modal open={open} title={t('customer.tags')} onCancel={() => setOpen(false)} onOk={() => void save()} destroyOnHidden>
        <Select mode="multiple" style={{ width: '100%' }} value={value} onChange={setValue} data-testid="tag-select"
          options={(data?.tags ?? []).map((tg) => ({ value: tg.id, label: tg.name }))} />
      </Modal>
    </>
  );
}
