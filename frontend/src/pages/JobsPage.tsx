import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../components/format';
import { outcomeText } from '../graphql/errors';
import { enumLabel } from '../i18n';
import type { JobsQuery as JobsResult, JobStatus } from '../gql-jobs/graphql';
import { JobsQuery, RetryJobMutation } from './jobs/documents';
import './jobs/texts';

type Job = JobsResult['jobs']['edges'][number]['node'];

export const JOB_STATUSES: JobStatus[] = ['TODO', 'DOING', 'SUCCEEDED', 'DEAD', 'CANCELLED'];
const STATUS_COLOR: Record<string, string> = { TODO: 'blue', DOING: 'processing', SUCCEEDED: 'green', DEAD: 'red', CANCELLED: 'default' };
const PAGE = 50;
// Plain elements, not Typography: its editable mode would pull TextArea into a chunk the
// customer list shares (that route's budget has no room for it).
const ERROR_STYLE = { color: 'var(--ant-color-error)', display: 'inline-block', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' } as const;

/** Admins: the workspace's background jobs, newest first, with why they failed and a retry. */
export default function JobsPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [pages, setPages] = useState(1);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: JobsQuery, requestPolicy: 'network-only',
    variables: { first: PAGE * pages, filter: status ? { status: { eq: status } } : null },
  });
  const jobs = data?.jobs.edges.map((e) => e.node) ?? [];

  const retry = async (job: Job) => {
    const r = await client.mutation(RetryJobMutation, { input: { id: job.id } }).toPromise();
    const text = outcomeText(i18n, r.error, r.data?.retryJob.errors);
    if (text) { message.error(text); return; }
    message.success(t('jobs.retried'));
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Card title={t('menu.jobs')} extra={<Space>
      <Select<JobStatus | ''> data-testid="jobs-status" style={{ minWidth: 140 }} value={status ?? ''}
        onChange={(v) => { setStatus(v || null); setPages(1); }}
        options={[{ value: '', label: t('jobs.all') }, ...JOB_STATUSES.map((v) => ({ value: v, label: enumLabel(t, 'JobStatus', v) }))]} />
      <Button data-testid="jobs-refresh" onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('common.refresh')}</Button>
    </Space>}>
      <p style={{ color: 'var(--ant-color-text-secondary)' }}>{t('jobs.intro')}</p>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Job> rowKey="id" size="middle" dataSource={jobs} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="jobs-table"
        columns={[
          { title: t('jobs.task'), dataIndex: 'taskName', render: (v: string) => <code data-testid="job-task">{v}</code> },
          { title: t('jobs.status'), dataIndex: 'status', render: (v: JobStatus) => <Tag color={STATUS_COLOR[v]} data-testid="job-status" data-status={v}>{enumLabel(t, 'JobStatus', v)}</Tag> },
          { title: t('jobs.attempts'), dataIndex: 'attempts' },
          { title: t('jobs.scheduled'), dataIndex: 'scheduledAt', render: (v: string) => formatDateTime(v) },
          { title: t('jobs.finished'), dataIndex: 'finishedAt', render: (v: string | null) => (v ? formatDateTime(v) : '') },
          { title: t('jobs.error'), dataIndex: 'lastError', render: (v: string | null) => (v ? <span data-testid="job-error" title={v} style={ERROR_STYLE}>{v}</span> : '') },
          { title: t('common.actions'), render: (_: unknown, j) => (j.status === 'DEAD'
            ? <Button size="small" data-testid="job-retry" onClick={() => void retry(j)}>{t('jobs.retry')}</Button> : null) },
        ]} />
      {data?.jobs.pageInfo.hasNextPage ? <Button style={{ marginTop: 12 }} data-testid="jobs-more" onClick={() => setPages(pages + 1)}>{t('jobs.more')}</Button> : null}
    </Card>
  );
}
