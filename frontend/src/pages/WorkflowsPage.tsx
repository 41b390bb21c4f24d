import { useState } from 'react';
import { Button, Card, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../components/format';
import { outcomeText } from '../graphql/errors';
import { enumLabel } from '../i18n';
import type { WorkflowRunsQuery as RunsResult, WorkflowsQuery as WorkflowsResult } from '../gql-workflows/graphql';
import { SetWorkflowEnabledMutation, WorkflowRunsQuery, WorkflowsQuery } from './workflows/documents';
import './workflows/texts';

type Workflow = WorkflowsResult['workflows']['edges'][number]['node'];
type Run = RunsResult['workflowRuns']['edges'][number]['node'];

// Plain elements rather than antd's text components: those would pull their editable text
// area into a chunk the customer list shares, past that list's JavaScript budget.
const muted = { color: 'rgba(0, 0, 0, 0.45)' };
const danger = { color: '#ff4d4f' };

const STATUS_COLOR: Record<string, string> = {
  QUEUED: 'blue', RUNNING: 'blue', WAITING: 'gold', SUCCEEDED: 'green', SKIPPED: 'default', FAILED: 'red', STOPPED: 'volcano',
};

/** The workspace's workflows, switched on or off, and their run log (the editor is its own page). */
export default function WorkflowsPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorkflowsQuery, requestPolicy: 'network-only' });
  const [selected, setSelected] = useState<Workflow | null>(null);
  const [{ data: runs, fetching: runsFetching }, refetchRuns] = useQuery({
    query: WorkflowRunsQuery, variables: { filter: selected ? { workflow: { eq: selected.id } } : null }, requestPolicy: 'network-only',
  });
  const workflows = (data?.workflows.edges ?? []).map((e) => e.node);

  const setEnabled = async (w: Workflow, enabled: boolean) => {
    const r = await client.mutation(SetWorkflowEnabledMutation, { input: { id: w.id, enabled } }).toPromise();
    const text = outcomeText(i18n, r.error, r.data?.setWorkflowEnabled.errors);
    if (text) { message.error(text); return; }
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('menu.workflows')}>
        <p style={muted}>{t('workflows.intro')}</p>
        <QueryState fetching={fetching} error={error} hasData={!!data} />
        <Table<Workflow> rowKey="id" size="middle" dataSource={workflows} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="workflows"
          rowClassName={(w) => (w.id === selected?.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('workflows.name'), render: (_: unknown, w) => <><strong data-testid="workflow-name">{w.name}</strong>{w.description ? <div style={muted}>{w.description}</div> : null}</> },
            { title: t('workflows.object'), dataIndex: 'objectType', render: (v: string) => <Tag>{enumLabel(t, 'WorkflowObjectType', v)}</Tag> },
            { title: t('workflows.owner'), render: (_: unknown, w) => w.owner?.name ?? '' },
            { title: t('workflows.version'), dataIndex: 'version' },
            { title: t('workflows.enabled'), render: (_: unknown, w) => <Switch checked={w.enabled} data-testid="workflow-enabled" onChange={(on) => void setEnabled(w, on)} /> },
            { title: t('common.actions'), render: (_: unknown, w) => <Button size="small" data-testid="workflow-runs" onClick={() => setSelected(w)}>{t('workflows.show')}</Button> },
          ]} />
      </Card>
      <Card title={selected ? t('workflows.runsOf', { name: selected.name }) : t('workflows.allRuns')}
        extra={<Space>{selected ? <Button onClick={() => setSelected(null)}>{t('workflows.allRuns')}</Button> : null}<Button data-testid="workflow-runs-refresh" onClick={() => refetchRuns({ requestPolicy: 'network-only' })}>{t('common.refresh')}</Button></Space>}>
        <Table<Run> rowKey="id" size="middle" dataSource={(runs?.workflowRuns.edges ?? []).map((e) => e.node)} loading={runsFetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="workflow-run-log"
          expandable={{ expandedRowRender: (r) => (
            <ol style={{ margin: 0 }} data-testid="workflow-run-steps">
              {r.steps.map((s) => <li key={s.id}><code>{s.action}</code> {s.durationMs} ms × {s.attempts}{s.error ? <span style={danger}> {s.error}</span> : null}</li>)}
            </ol>
          ) }}
          columns={[
            { title: t('workflows.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('workflows.name'), render: (_: unknown, r) => r.workflow?.name ?? '' },
            { title: t('workflows.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]} data-testid="run-status" data-status={v}>{enumLabel(t, 'WorkflowRunStatus', v)}</Tag> },
            { title: t('workflows.steps'), render: (_: unknown, r) => r.steps.length },
            { title: t('workflows.depth'), dataIndex: 'depth' },
            { title: t('workflows.error'), dataIndex: 'error', render: (v: string | null) => (v ? <span style={danger} data-testid="run-error">{v}</span> : '') },
          ]} />
      </Card>
    </Space>
  );
}
