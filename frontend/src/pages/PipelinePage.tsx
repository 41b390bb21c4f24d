import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Button, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { DndContext, PointerSensor, KeyboardSensor, TouchSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MoveOpportunityMutation, PipelineChangedSubscription, PipelineQuery } from './sales/documents';
import { useLive } from '../graphql/useLive';
import { formatDate, formatMoney, sumDecimals } from '../components/format';
import { QueryState } from '../components/QueryState';
import { FieldValue } from '../components/MaskedText';
import { Panel } from '../components/Panel';
import { useFeedback } from '../components/feedback';
import { useIsPhone } from '../components/useMediaQuery';
import { outcomeText } from '../graphql/errors';
import { useFieldAccess } from '../permissions/context';
import type { PipelineQuery as PipelineQueryType } from '../gql/graphql';

const CreateOpportunityDialog = lazy(() => import('./sales/CreateDialogs').then((m) => ({ default: m.CreateOpportunityDialog })));

/** When the last drag ended: the click that ends a drag must not open the card. */
let lastDrag = 0;

type Opp = PipelineQueryType['opportunities']['edges'][number]['node'];
type Stage = PipelineQueryType['pipelineStages'][number];

export default function PipelinePage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const fa = useFieldAccess('Opportunity');
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PipelineQuery });
  const [, move] = useMutation(MoveOpportunityMutation);
  // another user's change (or this user's in another tab) redraws the board without a reload
  useLive(PipelineChangedSubscription, {}, () => refetch({ requestPolicy: 'network-only' }));
  const [pending, setPending] = useState<{ opp: Opp; stage: Stage } | null>(null);
  const [creating, setCreating] = useState(false);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const stageName = (s: { name: string; nameEn: string }) => (i18n.language === 'en' ? s.nameEn : s.name);

  const stages = useMemo(() => [...(data?.pipelineStages ?? [])].sort((a, b) => a.position - b.position), [data]);
  const opps = useMemo(() => data?.opportunities.edges.map((e) => e.node) ?? [], [data]);
  const stageOf = (o: Opp) => overrides[o.id] ?? o.stage.id;

  const commit = async (opp: Opp, stage: Stage, reason?: string) => {
    setOverrides((o) => ({ ...o, [opp.id]: stage.id }));
    const r = await move({ input: {
      id: opp.id, stageId: stage.id, expectedVersion: opp.version,
      lostReason: stage.isLost ? reason ?? null : null, wonReason: stage.isWon ? reason ?? null : null,
    } });
    setOverrides((o) => {
      const n = { ...o };
      delete n[opp.id];
      return n;
    });
    const text = outcomeText(i18n, r.error, r.data?.moveOpportunity.errors);
    if (text) {
      message.error(text);
      refetch({ requestPolicy: 'network-only' });
    } else {
      message.success(`${opp.title} → ${stageName(stage)}`);
    }
  };
  const moveTo = (opp: Opp, stage: Stage) => {
    if (stageOf(opp) === stage.id) return;
    if (stage.isWon || stage.isLost) setPending({ opp, stage });
    else void commit(opp, stage);
  };

  const onDragEnd = (e: DragEndEvent) => {
    lastDrag = Date.now();
    const opp = opps.find((o) => o.id === e.active.id);
    const stage = stages.find((s) => s.id === e.over?.id);
    if (opp && stage) moveTo(opp, stage);
  };

  const column = (s: Stage) => {
    const items = opps.filter((o) => stageOf(o) === s.id);
    // one total per currency: amounts in different currencies are never added together
    const byCurrency = new Map<string, string[]>();
    for (const o of items) if (o.amount) byCurrency.set(o.amount.currency, [...(byCurrency.get(o.amount.currency) ?? []), o.amount.amount]);
    const amount = [...byCurrency.entries()].map(([currency, v]) => formatMoney({ amount: sumDecimals(v), currency }, i18n.language)).join(' + ');
    return { items, amount: fa.canRead('amount') && amount ? amount : null };
  };

  // phones: one stage per screen, with a switcher (remembered in the URL)
  const current = Math.max(0, stages.findIndex((s) => s.id === params.get('stage')));
  const showStage = (i: number) => setParams((p) => { p.set('stage', stages[i].id); return p; }, { replace: true });
  const open = (o: Opp) => navigate(`/opportunities/${encodeURIComponent(o.id)}`);

  const board = phone && stages.length ? (() => {
    const s = stages[current];
    const { items, amount } = column(s);
    return (
      <div data-testid="pipeline-board" data-layout="one-stage">
        <div className="crm-stage-switcher" data-testid="stage-switcher">
          <Button icon={<LeftOutlined />} disabled={current === 0} onClick={() => showStage(current - 1)} aria-label={t('opportunity.stageSwitcher')} data-testid="stage-prev" />
          <Select value={s.id} onChange={(id: string) => showStage(stages.findIndex((x) => x.id === id))} style={{ flex: 1, minWidth: 0 }} data-testid="stage-select"
            aria-label={t('opportunity.stageSwitcher')}
            options={stages.map((x) => ({ value: x.id, label: `${stageName(x)} (${column(x).items.length})` }))} />
          <Button icon={<RightOutlined />} disabled={current === stages.length - 1} onClick={() => showStage(current + 1)} aria-label={t('opportunity.stageSwitcher')} data-testid="stage-next" />
        </div>
        <Column stage={s} count={items.length} amount={amount} subtitle={t('opportunity.stageOf', { index: current + 1, total: stages.length })} full>
          {items.map((o) => (
            <OppCard key={o.id} opp={o} onOpen={() => open(o)} draggable={false}>
              {fa.canChange ? (
                <Select size="small" placeholder={t('opportunity.moveTo')} value={null} style={{ width: '100%', marginTop: 8 }} data-testid="move-to"
                  onChange={(id: string) => { const to = stages.find((x) => x.id === id); if (to) moveTo(o, to); }}
                  options={stages.filter((x) => x.id !== s.id).map((x) => ({ value: x.id, label: stageName(x) }))} />
              ) : null}
            </OppCard>
          ))}
        </Column>
      </div>
    );
  })() : (
    <DndContext sensors={sensors} onDragStart={() => { lastDrag = Date.now(); }} onDragEnd={onDragEnd} onDragCancel={() => { lastDrag = Date.now(); }}>
      <div className="crm-board" data-testid="pipeline-board" data-layout="board">
        {stages.map((s) => {
          const { items, amount } = column(s);
          return (
            <Column key={s.id} stage={s} count={items.length} amount={amount}>
              {items.map((o) => <OppCard key={o.id} opp={o} onOpen={() => open(o)} draggable={fa.canChange} />)}
            </Column>
          );
        })}
      </div>
    </DndContext>
  );

  return (
    <Panel title={t('pipeline.title')} testId="pipeline-page" extra={fa.canChange ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-opportunity">{t('opportunity.newOpportunity')}</Button>
    ) : null}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      {board}
      {creating ? (
        <Suspense fallback={null}>
          <CreateOpportunityDialog onClose={(id) => { setCreating(false); if (id) refetch({ requestPolicy: 'network-only' }); }} />
        </Suspense>
      ) : null}
      <Modal
        open={!!pending}
        title={pending?.stage.isWon ? t('pipeline.moveWon') : t('pipeline.moveLost')}
        onCancel={() => setPending(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { lostReason?: string; wonReason?: string }) => {
            if (pending) void commit(pending.opp, pending.stage, v.lostReason ?? v.wonReason);
            setPending(null);
          }}
        >
          <Typography.Paragraph>{pending?.opp.title}</Typography.Paragraph>
          {pending?.stage.isLost ? (
            <Form.Item name="lostReason" label={t('pipeline.lostReason')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}>
              <Input.TextArea rows={2} data-testid="lost-reason" />
            </Form.Item>
          ) : (
            <>
              <Typography.Paragraph>{t('pipeline.wonHint')}</Typography.Paragraph>
              <Form.Item name="wonReason" label={t('pipeline.wonReason')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}>
                <Input.TextArea rows={2} data-testid="won-reason" />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" data-testid="stage-confirm">
            {t('common.confirm')}
          </Button>
        </Form>
      </Modal>
    </Panel>
  );
}

function Column({ stage, count, amount, children, subtitle, full = false }: { stage: Stage; count: number; amount: string | null; children: ReactNode; subtitle?: string; full?: boolean }) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  return (
    <div ref={setNodeRef} className={`crm-column${isOver ? ' over' : ''}${full ? ' crm-column-full' : ''}`} data-testid={`stage-${stage.name}`} data-stage-id={stage.id}
      data-stage-won={String(stage.isWon)} data-stage-lost={String(stage.isLost)}>
      <div className="crm-column-head">
        <strong>
          {i18n.language === 'en' ? stage.nameEn : stage.name} {stage.isWon ? <Tag color="green">{t('pipeline.won')}</Tag> : null}
          {stage.isLost ? <Tag color="red">{t('pipeline.lost')}</Tag> : null}
        </strong>
        <span className="crm-secondary" data-testid="stage-stats">
          {t('pipeline.count', { count })}{amount ? ` · ${amount}` : ''}{subtitle ? ` · ${subtitle}` : ''}
        </span>
      </div>
      {children}
    </div>
  );
}

/** A card: drag it to another stage; click (or Enter) opens the opportunity. */
function OppCard({ opp, onOpen, draggable, children }: { opp: Opp; onOpen: () => void; draggable: boolean; children?: ReactNode }) {
  const { i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: opp.id, disabled: !draggable });
  return (
    <div
      ref={setNodeRef}
      className="crm-card crm-opp-card"
      style={{ transform: CSS.Translate.toString(transform), opacity: isDragging ? 0.6 : 1, zIndex: isDragging ? 10 : undefined }}
      data-testid="opportunity-card"
      data-opportunity-id={opp.id}
      {...(draggable ? attributes : {})}
      {...(draggable ? listeners : {})}
      role="button"
      tabIndex={0}
      onClick={(e) => {
        // clicks in portals (the move-to menu) bubble here through React: only the card's own count
        const inside = e.currentTarget.contains(e.target as Node);
        if (inside && Date.now() - lastDrag > 300 && !(e.target as HTMLElement).closest('a, .ant-select')) onOpen();
      }}
      onKeyDown={(e) => { if (e.key === 'Enter') onOpen(); if (draggable) listeners?.onKeyDown?.(e); }}
    >
      <div className="crm-card-body">
        <strong className="crm-card-title">{opp.title}</strong>
        <div>
          {opp.customer ? <Link to={`/customers/${encodeURIComponent(opp.customer.id)}`} onPointerDown={(e) => e.stopPropagation()}>{opp.customer.name}</Link> : null}
        </div>
        <div className="crm-card-meta">
          <FieldValue type="Opportunity" field="amount" value={opp.amount} render={() => formatMoney(opp.amount, i18n.language)} />
          {opp.expectedCloseDate ? <span>{formatDate(opp.expectedCloseDate)}</span> : null}
          {opp.owner ? <span>{opp.owner.name}</span> : null}
        </div>
        {children}
      </div>
    </div>
  );
}
