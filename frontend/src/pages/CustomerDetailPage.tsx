import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Button, Descriptions, Empty, Space, Table, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined, EditOutlined, MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useBack } from '../components/useBack';
import { useQuery } from 'urql';
import { CustomerDetailQuery, CustomerLookupsQuery, CustomerOrdersQuery } from './customers/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatDateTime, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { useIsPhone } from '../components/useMediaQuery';
import { useFieldAccess, usePermissions } from '../permissions/context';
import { enumLabel } from '../i18n';
import { QuickFollowUp } from './customers/QuickFollowUp';
import { TimelineView } from './customers/TimelineView';
import { uuidOf } from './customers/timeline';
import { useTaskActions } from './sales/taskActions';
import { useLive } from '../graphql/useLive';
import { CustomerTimelineSubscription } from './customers/liveDocuments';
import { ORDER_STATUS_COLOR } from './orders/status';

const DetailDialogs = () => import('./customers/DetailDialogs');
const LogInteractionDialog = lazy(() => DetailDialogs().then((m) => ({ default: m.LogInteractionDialog })));
const EditCustomerDialog = lazy(() => DetailDialogs().then((m) => ({ default: m.EditCustomerDialog })));
const TagEditorDialog = lazy(() => DetailDialogs().then((m) => ({ default: m.TagEditorDialog })));
const CreateDialogs = () => import('./sales/CreateDialogs');
const CreateTaskDialog = lazy(() => CreateDialogs().then((m) => ({ default: m.CreateTaskDialog })));
const CreateOpportunityDialog = lazy(() => CreateDialogs().then((m) => ({ default: m.CreateOpportunityDialog })));

const EDITABLE = ['name', 'industry', 'region', 'phone', 'email', 'lifecycleStage', 'level'];
const PROFILE_FIELDS = ['kind', 'industry', 'region', 'address', 'phone', 'email', 'source', 'lifecycleStage', 'level', 'owner', 'team', 'lastFollowUpAt', 'nextFollowUpAt', 'createdAt'];
const LABEL: Record<string, string> = {
  name: 'customer.name', kind: 'customer.kind', industry: 'customer.industry', region: 'customer.region', address: 'customer.address', phone: 'customer.phone',
  email: 'customer.email', source: 'customer.source', lifecycleStage: 'customer.stage', level: 'customer.level', owner: 'customer.owner',
  team: 'customer.team', lastFollowUpAt: 'customer.lastFollowUp', nextFollowUpAt: 'customer.nextFollowUp', createdAt: 'customer.createdAt',
};

type Dialog = 'log' | 'edit' | 'tags' | 'task' | 'opportunity' | null;

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const back = useBack('/customers');
  const phone = useIsPhone();
  const fa = useFieldAccess('Customer');
  const perms = usePermissions();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CustomerDetailQuery, variables: { id } });
  const [{ data: orderData }, refetchOrders] = useQuery({ query: CustomerOrdersQuery, variables: { id }, pause: !perms.canView('Order') });
  const [{ data: lookups }] = useQuery({ query: CustomerLookupsQuery });
  const [dialog, setDialogState] = useState<Dialog>(params.get('log') === '1' ? 'log' : null);
  const setDialog = (d: Dialog) => {
    setDialogState(d);
    if (params.has('log')) setParams((p) => { p.delete('log'); return p; }, { replace: true });
  };
  const reload = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    refetchOrders({ requestPolicy: 'network-only' });
  }, [refetch, refetchOrders]);
  const { complete, reopen } = useTaskActions(reload);
  // a follow-up or change committed by anyone who works this customer appears in its timeline
  useLive(CustomerTimelineSubscription, { customerId: id }, () => refetch({ requestPolicy: 'network-only' }), !id);
  const c = data?.node && data.node.__typename === 'Customer' ? data.node : null;
  const orders = useMemo(() => orderData?.orders.edges.map((e) => e.node) ?? [], [orderData]);

  const context = useMemo(() => {
    const users = new Map((lookups?.users.edges ?? []).map(({ node: u }) => [uuidOf(u.id), u.name || u.email]));
    const tasks = new Map((c?.tasks ?? []).map((x) => [x.id, x.title]));
    const opps = new Map((c?.opportunities ?? []).map((x) => [x.id, x.title]));
    const numbers = new Map(orders.map((o) => [o.id, o.number]));
    return { userName: (u: string) => users.get(u), taskTitle: (x: string) => tasks.get(x), opportunityTitle: (x: string) => opps.get(x), orderNumber: (x: string) => numbers.get(x) };
  }, [lookups, c, orders]);

  if (!c) {
    return (
      <Panel>
        <QueryState fetching={fetching} error={error} hasData={!!data} />
        {!fetching && data ? <Empty description={t('common.notFound')} /> : null}
      </Panel>
    );
  }

  const value = (f: string): unknown => {
    switch (f) {
      case 'owner': return c.owner?.name ?? c.owner?.email;
      case 'team': return c.team?.name;
      case 'lifecycleStage': return enumLabel(t, 'LifecycleStage', c.lifecycleStage);
      case 'level': return enumLabel(t, 'CustomerLevel', c.level);
      case 'kind': return enumLabel(t, 'CustomerKind', c.kind);
      case 'lastFollowUpAt': case 'nextFollowUpAt': case 'createdAt': { const d = (c as Record<string, unknown>)[f]; return d ? formatDate(String(d)) : null; }
      default: return (c as Record<string, unknown>)[f];
    }
  };

  const opps = c.opportunities ?? [];
  const tasks = c.tasks ?? [];
  const canTask = perms.canChange('Task');
  const canOpp = perms.canChange('Opportunity');
  const closeDialog = (changed: boolean) => {
    setDialog(null);
    if (changed) reload();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Panel
        testId="customer-header"
        title={
          <div className="crm-detail-title">
            <button type="button" className="crm-linkbutton crm-back" onClick={back} aria-label={t('common.back')} data-testid="back"><ArrowLeftOutlined /></button>
            <span data-testid="customer-name" className="crm-detail-name">{c.name}</span>
            {c.inPool ? <Tag color="orange">{t('customer.inPool')}</Tag> : null}
            <span className="crm-detail-tags" data-testid="customer-tags">
              {(c.tags ?? []).map((tg) => <Tag key={tg.id} color={tg.color ?? undefined}>{tg.name}</Tag>)}
              {fa.canChange ? <Button size="small" type="dashed" onClick={() => setDialog('tags')} data-testid="edit-tags">{t('customer.tags')}</Button> : null}
            </span>
          </div>
        }
        extra={
          <>
            {EDITABLE.some((f) => fa.canWrite(f)) ? (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="edit-customer">{t('common.edit')}</Button>
            ) : null}
            {canTask ? <Button icon={<PlusOutlined />} onClick={() => setDialog('task')} data-testid="new-task">{t('task.newTask')}</Button> : null}
            {canOpp ? <Button icon={<PlusOutlined />} onClick={() => setDialog('opportunity')} data-testid="new-opportunity">{t('opportunity.newOpportunity')}</Button> : null}
            {phone ? (
              <QuickFollowUp customerId={c.id} customerName={c.name} onLogged={reload} onDetails={() => setDialog('log')} />
            ) : (
              <Button type="primary" icon={<MessageOutlined />} onClick={() => setDialog('log')} data-testid="log-interaction">{t('customer.logInteraction')}</Button>
            )}
          </>
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
      </Panel>
      <Panel>
        <Tabs
          items={[
            {
              key: 'timeline',
              label: t('customer.timeline'),
              children: <TimelineView entries={c.timeline?.edges.map((e) => e.node) ?? []} context={context} />,
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
                <Table size="small" rowKey="id" pagination={false} dataSource={opps} scroll={{ x: 'max-content' }} data-testid="customer-opportunities"
                  onRow={(r) => ({ onClick: () => navigate(`/opportunities/${encodeURIComponent(r.id)}`), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('opportunity.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/opportunities/${encodeURIComponent(r.id)}`}>{v}</Link> },
                    { title: t('customer.stage'), render: (_: unknown, r) => <Tag color={r.stage.isWon ? 'green' : r.stage.isLost ? 'red' : 'blue'}>{i18n.language === 'en' ? r.stage.nameEn : r.stage.name}</Tag> },
                    { title: t('pipeline.amount'), render: (_: unknown, r) => <FieldValue type="Opportunity" field="amount" value={r.amount} render={() => formatMoney(r.amount, i18n.language)} /> },
                    { title: t('pipeline.closeDate'), dataIndex: 'expectedCloseDate', render: (v: string | null) => formatDate(v) },
                  ]} />
              ),
            },
            {
              key: 'tasks',
              label: t('customer.tasks'),
              children: (
                <Table size="small" rowKey="id" pagination={false} dataSource={tasks} scroll={{ x: 'max-content' }} data-testid="customer-tasks"
                  columns={[
                    { title: t('task.title'), dataIndex: 'title' },
                    { title: t('task.due'), dataIndex: 'dueAt', render: (v: string | null) => formatDateTime(v) },
                    { title: t('task.status'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'DONE' ? 'green' : undefined} data-testid="task-status" data-status={v}>{enumLabel(t, 'TaskStatus', v)}</Tag> },
                    ...(canTask ? [{
                      title: t('common.actions'),
                      render: (_: unknown, r: (typeof tasks)[number]) => (r.status === 'DONE' || r.status === 'CANCELLED'
                        ? <Button size="small" onClick={() => void reopen(r)} data-testid="reopen-task">{t('task.reopen')}</Button>
                        : <Button size="small" onClick={() => void complete(r)} data-testid="complete-task">{t('task.complete')}</Button>),
                    }] : []),
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
                    { title: t('order.status'), dataIndex: 'status', render: (v: string) => <Tag color={ORDER_STATUS_COLOR[v]}>{enumLabel(t, 'OrderStatus', v)}</Tag> },
                    { title: t('order.total'), render: (_: unknown, r: (typeof orders)[number]) => <FieldValue type="Order" field="total" value={r.total} render={() => formatMoney(r.total, i18n.language)} /> },
                    { title: t('order.orderedOn'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
                  ]} />
              ),
            }] : []),
          ]}
        />
      </Panel>
      <Suspense fallback={null}>
        {dialog === 'edit' ? (
          <EditCustomerDialog
            customer={{ id: c.id, version: c.version, name: c.name, industry: c.industry, region: c.region, phone: c.phone, email: c.email, lifecycleStage: c.lifecycleStage, level: c.level }}
            onClose={closeDialog}
          />
        ) : null}
        {dialog === 'log' ? <LogInteractionDialog customerId={c.id} onClose={closeDialog} /> : null}
        {dialog === 'tags' ? <TagEditorDialog customerId={c.id} current={(c.tags ?? []).map((tg) => tg.id)} onClose={closeDialog} /> : null}
        {dialog === 'task' ? <CreateTaskDialog customerId={c.id} onClose={closeDialog} /> : null}
        {dialog === 'opportunity' ? (
          <CreateOpportunityDialog customerId={c.id} onClose={(created) => { setDialog(null); if (created) reload(); }} />
        ) : null}
      </Suspense>
    </Space>
  );
}
