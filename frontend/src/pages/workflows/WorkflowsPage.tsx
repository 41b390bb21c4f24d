import { Button, Card, Popconfirm, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../components/format';
import { outcomeText } from '../../graphql/errors';
import { enumLabel, type EnumName } from '../../i18n';
import type { WorkflowsQuery as ListResult } from '../../gql-workflows/graphql';
import { DeleteWorkflowMutation, SetWorkflowEnabledMutation, WorkflowsQuery } from './documents';
import { triggerFromJson } from './model';
import { triggerText } from './parts';
import { RunLog, RunStatus } from './RunLog';
import './texts';

type Row = ListResult['workflows']['edges'][number]['node'];

/** The workflows, and the run log of all of them (`?tab=runs`). */
export default function WorkflowsPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'runs' ? 'runs' : 'list';
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorkflowsQuery, variables: { first: 100 }, requestPolicy: 'network-only' });
  const rows = data?.workflows.edges.map((e) => e.node) ?? [];
  // the newest run of each workflow, from the newest runs of all (no per-row query)
  const lastRun = new Map<string, { status: string; createdAt: string }>();
  for (const e of data?.workflowRuns.edges ?? []) {
    const w = e.node.workflow?.id;
    if (w && !lastRun.has(w)) lastRun.set(w, e.node);
  }
  const report = (err: Parameters<typeof outcomeText>[1], errs: Parameters<typeof outcomeText>[2]) => {
    const text = outcomeText(i18n, err, errs);
    if (text) message.error(text);
    return !text;
  };
  const setEnabled = async (w: Row, enabled: boolean) => {
    const r = await client.mutation(SetWorkflowEnabledMutation, { input: { id: w.id, enabled } }).toPromise();
    if (report(r.error, r.data?.setWorkflowEnabled.errors)) refetch({ requestPolicy: 'network-only' });
  };
  const remove = async (w: Row) => {
    const r = await client.mutation(DeleteWorkflowMutation, { input: { id: w.id } }).toPromise();
    if (report(r.error, r.data?.deleteWorkflow.errors)) { message.success(t('common.success')); refetch({ requestPolicy: 'network-only' }); }
  };
  const list = (
    <Card title={t('wf.list')} extra={<Button type="primary" data-testid="wf-new" onClick={() => navigate('/workflows/new')}>{t('wf.new')}</Button>}>
      <Typography.Paragraph type="secondary">{t('wf.intro')}</Typography.Paragraph>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Row> rowKey="id" size="middle" dataSource={rows} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="wf-list"
        columns={[
          { title: t('wf.name'), render: (_: unknown, w) => <><Link to={`/workflows/${w.id}`} data-testid="wf-open">{w.name}</Link>{w.description ? <div><Typography.Text type="secondary">{w.description}</Typography.Text></div> : null}</> },
          { title: t('wf.objectType'), render: (_: unknown, w) => enumLabel(t, 'WorkflowObjectType' as EnumName, w.objectType) },
          { title: t('wf.trigger'), render: (_: unknown, w) => <span data-testid="wf-trigger">{triggerText(t, w.objectType, triggerFromJson(w.trigger))}</span> },
          { title: t('wf.enabled'), render: (_: unknown, w) => <Switch checked={w.enabled} data-testid="wf-enabled" onChange={(on) => void setEnabled(w, on)} /> },
          { title: t('wf.version'), dataIndex: 'version' },
          { title: t('wf.owner'), render: (_: unknown, w) => w.owner?.name ?? '—' },
          { title: t('wf.lastRun'), render: (_: unknown, w) => {
            const r = lastRun.get(w.id);
            return r ? <Space size={4}><RunStatus status={r.status} /><Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text></Space> : <Typography.Text type="secondary">{t('wf.noRuns')}</Typography.Text>;
          } },
          { title: t('common.actions'), render: (_: unknown, w) => (
            <Space size="small">
              <Button size="small" onClick={() => navigate(`/workflows/${w.id}`)}>{t('wf.edit')}</Button>
              <Popconfirm title={t('wf.deleteConfirm')} onConfirm={() => void remove(w)}><Button size="small" danger data-testid="wf-delete">{t('wf.delete')}</Button></Popconfirm>
            </Space>
          ) },
        ]} />
    </Card>
  );
  return (
    <Tabs activeKey={tab} onChange={(k) => setParams(k === 'runs' ? { tab: 'runs' } : {}, { replace: true })} data-testid="wf-tabs"
      items={[
        { key: 'list', label: t('wf.list'), children: list },
        { key: 'runs', label: t('wf.runs'), children: <RunLog title={t('wf.allRuns')} /> },
      ]} />
  );
}
