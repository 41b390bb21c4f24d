import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useFeedback } from '../components/feedback';
import { DndContext, PointerSensor, KeyboardSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MoveOpportunityMutation, PipelineQuery } from './sales/documents';
import { formatDate, formatMoney, sumDecimals } from '../components/format';
import { QueryState } from '../components/QueryState';
import { FieldValue } from '../components/MaskedText';
import { formatUserErrors } from '../graphql/errors';
import { useFieldAccess } from '../permissions/context';
import type { PipelineQuery as PipelineQueryType } from '../gql/graphql';

type Opp = PipelineQueryType['opportunities']['edges'][number]['node'];
type Stage = PipelineQueryType['pipelineStages'][number];

export default function PipelinePage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const fa = useFieldAccess('Opportunity');
  const [{ data, fetching, error }, refetch] = useQuery({ query: PipelineQuery });
  const [, move] = useMutation(MoveOpportunityMutation);
  const [pending, setPending] = useState<{ opp: Opp; stage: Stage } | null>(null);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));

  const stages = useMemo(() => [...(data?.pipelineStages ?? [])].sort((a, b) => a.position - b.position), [data]);
  const opps = useMemo(() => data?.opportunities.edges.map((e) => e.node) ?? [], [data]);
  const stageOf = (o: Opp) => overrides[o.id] ?? o.stage.id;

  const commit = async (opp: Opp, stage: Stage, lostReason?: string) => {
    setOverrides((o) => ({ ...o, [opp.id]: stage.id }));
    const r = await move({ input: { id: opp.id, stageId: stage.id, lostReason: lostReason ?? null, expectedVersion: opp.version } });
    const errs = r.data?.moveOpportunity.errors ?? [];
    setOverrides((o) => {
      const n = { ...o };
      delete n[opp.id];
      return n;
    });
    if (r.error || errs.length) {
      message.error(r.error?.message ?? formatUserErrors(errs));
      refetch({ requestPolicy: 'network-only' });
    } else {
      message.success(`${opp.title} → ${i18n.language === 'en' ? stage.nameEn : stage.name}`);
    }
  };

  const onDragEnd = (e: DragEndEvent) => {
    const opp = opps.find((o) => o.id === e.active.id);
    const stage = stages.find((s) => s.id === e.over?.id);
    if (!opp || !stage || stageOf(opp) === stage.id) return;
    if (stage.isWon || stage.isLost) setPending({ opp, stage });
    else void commit(opp, stage);
  };

  return (
    <Card title={t('pipeline.title')} styles={{ body: { padding: 12 } }}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div className="crm-board" data-testid="pipeline-board">
          {stages.map((s) => {
            const items = opps.filter((o) => stageOf(o) === s.id);
            // one total per currency: amounts in different currencies are never added together
            const byCurrency = new Map<string, string[]>();
            for (const o of items) if (o.amount) byCurrency.set(o.amount.currency, [...(byCurrency.get(o.amount.currency) ?? []), o.amount.amount]);
            const amount = [...byCurrency.entries()].map(([currency, v]) => formatMoney({ amount: sumDecimals(v), currency }, i18n.language)).join(' + ');
            return (
              <Column key={s.id} stage={s} count={items.length} amount={fa.canRead('amount') && amount ? amount : null}>
                {items.map((o) => <OppCard key={o.id} opp={o} />)}
              </Column>
            );
          })}
        </div>
      </DndContext>
      <Modal
        open={!!pending}
        title={pending?.stage.isWon ? t('pipeline.moveWon') : t('pipeline.moveLost')}
        onCancel={() => setPending(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { lostReason?: string }) => {
            if (pending) void commit(pending.opp, pending.stage, v.lostReason);
            setPending(null);
          }}
        >
          <Typography.Paragraph>{pending?.opp.title}</Typography.Paragraph>
          {pending?.stage.isLost ? (
            <Form.Item name="lostReason" label={t('pipeline.lostReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} data-testid="lost-reason" />
            </Form.Item>
          ) : (
            <Typography.Paragraph>{t('pipeline.wonHint')}</Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" data-testid="stage-confirm">
            {t('common.confirm')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}

function Column({ stage, count, amount, children }: { stage: Stage; count: number; amount: string | null; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  return (
    <div ref={setNodeRef} className={`crm-column${isOver ? ' over' : ''}`} data-testid={`stage-${stage.name}`} data-stage-id={stage.id} data-stage-won={String(stage.isWon)} data-stage-lost={String(stage.isLost)}>
      <Space orientation="vertical" size={0} style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {i18n.language === 'en' ? stage.nameEn : stage.name} {stage.isWon ? <Tag color="green">{t('pipeline.won')}</Tag> : null}
          {stage.isLost ? <Tag color="red">{t('pipeline.lost')}</Tag> : null}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="stage-stats">
          {t('pipeline.count', { count })}{amount ? ` · ${amount}` : ''}
        </Typography.Text>
      </Space>
      {children}
    </div>
  );
}

function OppCard({ opp }: { opp: Opp }) {
  const { i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: opp.id });
  return (
    <Card
      ref={setNodeRef}
      size="small"
      className="crm-card"
      style={{ transform: CSS.Translate.toString(transform), opacity: isDragging ? 0.6 : 1, zIndex: isDragging ? 10 : undefined }}
      data-testid="opportunity-card"
      data-opportunity-id={opp.id}
      {...attributes}
      {...listeners}
    >
      <Typography.Text strong>{opp.title}</Typography.Text>
      <div>
        {opp.customer ? <Link to={`/customers/${encodeURIComponent(opp.customer.id)}`} onPointerDown={(e) => e.stopPropagation()}>{opp.customer.name}</Link> : null}
      </div>
      <div>
        <FieldValue type="Opportunity" field="amount" value={opp.amount} render={() => formatMoney(opp.amount, i18n.language)} />
        {opp.expectedCloseDate ? <Typography.Text type="secondary"> · {formatDate(opp.expectedCloseDate)}</Typography.Text> : null}
      </div>
    </Card>
  );
}
