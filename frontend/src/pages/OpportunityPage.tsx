import { lazy, Suspense, useState } from 'react';
import { Button, Descriptions, Empty, Form, Input, Modal, Select, Space, Table, Tag, Timeline } from 'antd';
import { ArrowLeftOutlined, MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MoveOpportunityMutation, OpportunityDetailQuery, StagesQuery } from './sales/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatDateTime, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { useFeedback } from '../components/feedback';
import { outcomeText } from '../graphql/errors';
import { usePermissions } from '../permissions/context';
import { enumLabel } from '../i18n';
import { useTaskActions } from './sales/taskActions';
import { useBack } from '../components/useBack';
import { ORDER_STATUS_COLOR } from './orders/status';

const LogInteractionDialog = lazy(() => import('./customers/DetailDialogs').then((m) => ({ default: m.LogInteractionDialog })));
const CreateOrderDialog = lazy(() => import('./orders/CreateOrderDialog'));
const CreateTaskDialog = lazy(() => import('./sales/CreateDialogs').then((m) => ({ default: m.CreateTaskDialog })));

/**
 * One opportunity (clicking a pipeline card opens it): its stage history, and what the schema
 * links to it through its customer: the follow-ups and tasks that name it and the order it
 * became (Order.opportunity).
 */
export default function OpportunityPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const back = useBack('/pipeline');
  const p = usePermissions();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OpportunityDetailQuery, variables: { id } });
  const [{ data: stagesData }] = useQuery({ query: StagesQuery });
  const [, move] = useMutation(MoveOpportunityMutation);
  const [dialog, setDialog] = useState<'log' | 'task' | 'order' | null>(null);
  // The won or lost stage waiting for its reason.
  const [closing, setClosing] = useState<{ stageId: string; won: boolean } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const { complete, reopen } = useTaskActions(reload);
  const o = data?.node && data.node.__typename === 'Opportunity' ? data.node : null;
  const name = (s: { name: string; nameEn: string } | null | undefined) => (s ? (i18n.language === 'en' ? s.nameEn : s.name) : '—');

  if (!o) {
    return (
      <Panel>
        <QueryState fetching={fetching} error={error} hasData={!!data} />
        {!fetching && data ? <Empty description={t('common.notFound')} /> : null}
      </Panel>
    );
  }

  const stages = [...(stagesData?.pipelineStages ?? [])].sort((a, b) => a.position - b.position);
  const interactions = (o.customer?.timeline.edges ?? []).map((e) => e.node.interaction).filter((x): x is NonNullable<typeof x> => Boolean(x && x.opportunity?.id === o.id));
  const tasks = (o.customer?.tasks ?? []).filter((x) => x.opportunity?.id === o.id);
  const stageHistory = o.stageHistory.edges.map((e) => e.node);
  const orders = (o.customer?.orders.edges.map((e) => e.node) ?? []).filter((x) => x.opportunity?.id === o.id);
  const canChange = p.canChange('Opportunity');

  const moveTo = async (stageId: string, reason?: { won: boolean; text: string }) => {
    const r = await move({ input: {
      id: o.id, stageId, expectedVersion: o.version,
      lostReason: reason && !reason.won ? reason.text : null, wonReason: reason?.won ? reason.text : null,
    } });
    const text = outcomeText(i18n, r.error, r.data?.moveOpportunity.errors);
    if (text) message.error(text);
    else message.success(t('common.success'));
    reload();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Panel
        testId="opportunity-header"
        title={
          <div className="crm-detail-title">
            <button type="button" className="crm-linkbutton crm-back" onClick={back} aria-label={t('opportunity.backToBoard')} data-testid="back"><ArrowLeftOutlined /></button>
            <span className="crm-detail-name" data-testid="opportunity-title">{o.title}</span>
            <Tag color={o.stage.isWon ? 'green' : o.stage.isLost ? 'red' : 'blue'} data-testid="opportunity-stage">{name(o.stage)}</Tag>
            <Tag>{o.isOpen ? t('opportunity.open') : t('opportunity.closed')}</Tag>
          </div>
        }
        extra={
          <>
            {canChange ? (
              <Select style={{ minWidth: 160 }} value={o.stage.id} data-testid="opportunity-move" aria-label={t('opportunity.moveTo')}
                onChange={(stageId: string) => {
                  const s = stages.find((x) => x.id === stageId);
                  if (s?.isLost || s?.isWon) setClosing({ stageId, won: !!s.isWon });
                  else void moveTo(stageId);
                }}
                options={stages.map((s) => ({ value: s.id, label: name(s) }))} />
            ) : null}
            {p.canChange('Task') ? <Button icon={<PlusOutlined />} onClick={() => setDialog('task')} data-testid="new-task">{t('task.newTask')}</Button> : null}
            {o.customer && p.canChange('Interaction') ? (
              <Button type="primary" icon={<MessageOutlined />} onClick={() => setDialog('log')} data-testid="log-interaction">{t('customer.logInteraction')}</Button>
            ) : null}
          </>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} data-testid="opportunity-profile">
          <Descriptions.Item label={t('opportunity.customer')}>{o.customer ? <Link to={`/customers/${encodeURIComponent(o.customer.id)}`}>{o.customer.name}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('opportunity.owner')}>{o.owner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('opportunity.amount')}><FieldValue type="Opportunity" field="amount" value={o.amount} render={() => formatMoney(o.amount, i18n.language)} /></Descriptions.Item>
          <Descriptions.Item label={t('pipeline.probability')}>{o.probability}%</Descriptions.Item>
          <Descriptions.Item label={t('opportunity.expectedCloseDate')}>{formatDate(o.expectedCloseDate)}</Descriptions.Item>
          <Descriptions.Item label={t('customer.createdAt')}>{formatDate(o.createdAt)}</Descriptions.Item>
          {o.closedAt ? <Descriptions.Item label={t('opportunity.closedAt')}>{formatDate(o.closedAt)}</Descriptions.Item> : null}
          {o.lostReason ? <Descriptions.Item label={t('opportunity.lostReason')}>{o.lostReason}</Descriptions.Item> : null}
          {o.wonReason ? <Descriptions.Item label={t('opportunity.wonReason')}>{o.wonReason}</Descriptions.Item> : null}
        </Descriptions>
      </Panel>

      <Panel title={t('opportunity.history')} testId="opportunity-history">
        {stageHistory.length ? (
          <Timeline items={stageHistory.map((h) => ({
            key: h.id,
            color: h.toStage.isLost ? 'red' : h.toStage.isWon ? 'green' : 'blue',
            content: (
              <div className="crm-story">
                <div className="crm-story-head">
                  <span className="crm-story-headline">{h.fromStage ? t('opportunity.fromStage', { from: name(h.fromStage), to: name(h.toStage) }) : t('opportunity.createdStage', { stage: name(h.toStage) })}</span>
                  <span className="crm-secondary crm-story-time">{formatDateTime(h.createdAt)} · {h.changedBy?.name ?? t('common.system')}</span>
                </div>
                {h.note ? <div className="crm-story-text">{h.note}</div> : null}
              </div>
            ),
          }))} />
        ) : <Empty />}
      </Panel>

      <Panel title={t('opportunity.interactions')} testId="opportunity-interactions">
        {interactions.length ? (
          <Timeline items={interactions.map((it) => ({
            key: it.id,
            content: (
              <div className="crm-story">
                <div className="crm-story-head">
                  <span className="crm-story-headline">{t('timeline.logged', { actor: it.owner?.name ?? t('common.system'), kind: t(`timeline.kindWords.${it.kind}`) })}</span>
                  <span className="crm-secondary crm-story-time">{formatDateTime(it.occurredAt)}</span>
                </div>
                <div className="crm-story-text">{it.summary}</div>
                {it.outcome ? <div className="crm-secondary">{it.outcome}</div> : null}
              </div>
            ),
          }))} />
        ) : <Empty />}
      </Panel>

      <Panel title={t('opportunity.tasks')} testId="opportunity-tasks">
        <Table size="small" rowKey="id" pagination={false} dataSource={tasks} scroll={{ x: 'max-content' }}
          columns={[
            { title: t('task.title'), dataIndex: 'title' },
            { title: t('task.due'), dataIndex: 'dueAt', render: (v: string | null) => formatDateTime(v) },
            { title: t('task.status'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'DONE' ? 'green' : undefined}>{enumLabel(t, 'TaskStatus', v)}</Tag> },
            ...(p.canChange('Task') ? [{
              title: t('common.actions'),
              render: (_: unknown, r: (typeof tasks)[number]) => (r.status === 'DONE' || r.status === 'CANCELLED'
                ? <Button size="small" onClick={() => void reopen(r)} data-testid="reopen-task">{t('task.reopen')}</Button>
                : <Button size="small" onClick={() => void complete(r)} data-testid="complete-task">{t('task.complete')}</Button>),
            }] : []),
          ]} />
      </Panel>

      <Panel title={t('opportunity.order')} testId="opportunity-order">
        {orders.length ? (
          <Table size="small" rowKey="id" pagination={false} dataSource={orders} scroll={{ x: 'max-content' }}
            columns={[
              { title: t('order.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/orders/${encodeURIComponent(r.id)}`}>{v}</Link> },
              { title: t('order.status'), dataIndex: 'status', render: (v: string) => <Tag color={ORDER_STATUS_COLOR[v]}>{enumLabel(t, 'OrderStatus', v)}</Tag> },
              { title: t('order.total'), render: (_: unknown, r) => <FieldValue type="Order" field="total" value={r.total} render={() => formatMoney(r.total, i18n.language)} /> },
              { title: t('order.orderedOn'), dataIndex: 'orderedOn', render: (v: string) => formatDate(v) },
            ]} />
        ) : (
          <Empty description={t('opportunity.noOrder')}>
            {o.stage.isWon && o.customer && p.canChange('Order') ? (
              <Button type="primary" onClick={() => setDialog('order')} data-testid="create-order-from-opportunity">{t('opportunity.createOrder')}</Button>
            ) : null}
          </Empty>
        )}
      </Panel>

      <Modal open={!!closing} title={closing?.won ? t('pipeline.moveWon') : t('pipeline.moveLost')} onCancel={() => setClosing(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={(v: { reason: string }) => {
          const c = closing;
          setClosing(null);
          if (c) void moveTo(c.stageId, { won: c.won, text: v.reason });
        }}>
          <Form.Item name="reason" label={closing?.won ? t('pipeline.wonReason') : t('pipeline.lostReason')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}>
            <Input.TextArea rows={2} data-testid={closing?.won ? 'won-reason' : 'lost-reason'} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="stage-confirm">{t('common.confirm')}</Button>
        </Form>
      </Modal>
      <Suspense fallback={null}>
        {dialog === 'log' && o.customer ? <LogInteractionDialog customerId={o.customer.id} opportunityId={o.id} onClose={(d) => { setDialog(null); if (d) reload(); }} /> : null}
        {dialog === 'order' && o.customer ? <CreateOrderDialog customerId={o.customer.id} opportunityId={o.id} onClose={() => setDialog(null)} /> : null}
        {dialog === 'task' ? <CreateTaskDialog customerId={o.customer?.id} opportunityId={o.id} onClose={(d) => { setDialog(null); if (d) reload(); }} /> : null}
      </Suspense>
    </Space>
  );
}
