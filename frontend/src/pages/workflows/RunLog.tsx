import { useMemo, useState } from 'react';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { ListPagination } from '../../lists/ListFilters';
import { listKeyOf, rememberPageStart, usePageStart } from '../../lists/useListState';
import { formatDateTime } from '../../components/format';
import { enumLabel, type EnumName } from '../../i18n';
import type { WorkflowRunsQuery as RunsResult } from '../../gql-workflows/graphql';
import { WorkflowRunsQuery } from './documents';
import './texts';

type Run = RunsResult['workflowRuns']['edges'][number]['node'];
type RunStep = Run['steps'][number];

export const RUN_COLOR: Record<string, string> = {
  QUEUED: 'default', RUNNING: 'blue', WAITING: 'purple', SUCCEEDED: 'green', SKIPPED: 'default', FAILED: 'red', STOPPED: 'orange',
};

const RECORD_PAGE: Record<string, string> = { Customer: '/customers/', Opportunity: '/opportunities/', Order: '/orders/' };

export function RunStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={RUN_COLOR[status]} data-testid="run-status" data-status={status}>{enumLabel(t, 'WorkflowRunStatus' as EnumName, status)}</Tag>;
}

const json = (v: unknown) => (v == null ? '' : <pre style={{ margin: 0, maxWidth: 360, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(v, null, 1)}</pre>);

/** The run log: of one workflow, or of every workflow the user may read; each run opens on its steps. */
export function RunLog({ workflowId, title }: { workflowId?: string; title: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  // keyset pages numbered as on every list: the cursor of a page is remembered or walked to
  const base = useMemo(() => ({ filter: workflowId ? { workflow: { eq: workflowId } } : null }), [workflowId]);
  const start = usePageStart(WorkflowRunsQuery, 'workflowRuns', base, page, size);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WorkflowRunsQuery, variables: { ...base, first: size, after: start.after }, pause: !start.ready, requestPolicy: 'network-only',
  });
  const rows = data?.workflowRuns.edges.map((e) => e.node) ?? [];
  rememberPageStart(listKeyOf('workflowRuns', base, size), page + 1, data?.workflowRuns.pageInfo.endCursor);
  return (
    <Card title={title} extra={<Button data-testid="runs-refresh" onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('common.refresh')}</Button>}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Run> rowKey="id" size="small" dataSource={rows} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="wf-runs"
        expandable={{ expandedRowRender: (r) => <RunSteps run={r} />, rowExpandable: () => true }}
        columns={[
          { title: t('wf.started'), render: (_: unknown, r) => formatDateTime(r.startedAt ?? r.createdAt) },
          ...(workflowId ? [] : [{ title: t('wf.workflow'), render: (_: unknown, r: Run) => (r.workflow ? <Link to={`/workflows/${r.workflow.id}`}>{r.workflow.name}</Link> : '—') }]),
          { title: t('wf.status'), render: (_: unknown, r) => <RunStatus status={r.status} /> },
          { title: t('wf.record'), render: (_: unknown, r) => {
            if (!r.recordId || !r.recordType) return '—';
            const label = enumLabel(t, 'WorkflowObjectType' as EnumName, r.recordType.toUpperCase());
            const to = RECORD_PAGE[r.recordType];
            return to ? <Link to={`${to}${r.recordId}`} data-testid="run-record">{label}</Link> : <span data-testid="run-record">{label}</span>;
          } },
          { title: t('wf.finished'), render: (_: unknown, r) => (r.finishedAt ? formatDateTime(r.finishedAt) : r.resumeAt ? `${t('wf.resumeAt')} ${formatDateTime(r.resumeAt)}` : '') },
          { title: t('wf.version'), dataIndex: 'version' },
          { title: t('wf.error'), render: (_: unknown, r) => (r.error ? <Typography.Text type="danger" ellipsis style={{ maxWidth: 280 }}>{r.error}</Typography.Text> : '') },
        ]} />
      <ListPagination testId="runs-pagination" total={data?.workflowRuns.totalCount ?? 0} page={page} size={size} onChange={(p, s) => { setPage(p); setSize(s); }} />
    </Card>
  );
}

function RunSteps({ run }: { run: Run }) {
  const { t } = useTranslation();
  if (!run.steps.length) return <Typography.Text type="secondary">{t('wf.noSteps2')}</Typography.Text>;
  return (
    <Table<RunStep> rowKey="id" size="small" pagination={false} dataSource={run.steps} data-testid="run-steps"
      columns={[
        { title: '#', render: (_: unknown, s) => s.index + 1 },
        { title: t('wf.action'), render: (_: unknown, s) => <span data-testid="run-step-action" data-action={s.action}>{enumLabel(t, 'WorkflowAction' as EnumName, s.action)}</span> },
        { title: t('wf.input'), render: (_: unknown, s) => json(s.input) },
        { title: t('wf.output'), render: (_: unknown, s) => json(s.output) },
        { title: t('wf.error'), render: (_: unknown, s) => (s.error ? <Typography.Text type="danger">{s.error}</Typography.Text> : '') },
        { title: t('wf.duration'), render: (_: unknown, s) => t('wf.ms', { n: s.durationMs }) },
        { title: t('wf.attempts'), dataIndex: 'attempts' },
      ]} />
  );
}
