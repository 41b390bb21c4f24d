import { useState } from 'react';
import { Button, Card, Radio, Table, Tag } from 'antd';
import { useFeedback } from '../components/feedback';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MyTasksQuery, UpdateTaskMutation } from './sales/documents';
import { formatDateTime } from '../components/format';
import { QueryState } from '../components/QueryState';
import { formatUserErrors } from '../graphql/errors';
import type { MyTasksQuery as MyTasksQueryType, TaskFilter } from '../gql/graphql';

type Task = MyTasksQueryType['myTasks']['edges'][number]['node'];
type View = 'open' | 'overdue' | 'done';

function filterFor(view: View): TaskFilter {
  if (view === 'overdue') return { overdue: true };
  if (view === 'done') return { status: ['DONE'] };
  return { status: ['OPEN', 'IN_PROGRESS'] };
}

export default function TasksPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [view, setView] = useState<View>('open');
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyTasksQuery, variables: { filter: filterFor(view), first: 100 } });
  const [, update] = useMutation(UpdateTaskMutation);
  const rows = data?.myTasks.edges.map((e) => e.node) ?? [];
  return (
    <Card title={t('menu.tasks')} extra={
      <Radio.Group optionType="button" size="small" value={view} onChange={(e) => setView(e.target.value as View)}
        options={[{ value: 'open', label: t('task.mine') }, { value: 'overdue', label: t('task.overdue') }, { value: 'done', label: t('task.done') }]} />
    } styles={{ body: { padding: 12 } }}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Task> data-testid="tasks-table" rowKey="id" size="middle" dataSource={rows} loading={fetching} scroll={{ x: 'max-content' }} pagination={{ pageSize: 20 }}
        columns={[
          { title: t('task.title'), dataIndex: 'title' },
          { title: t('task.due'), dataIndex: 'dueAt', render: (v: string | null, r) => <span style={{ color: r.isOverdue || (v && r.status !== 'DONE' && dayjs(v).isBefore(dayjs())) ? '#cf1322' : undefined }}>{formatDateTime(v)}</span> },
          { title: t('task.priority'), dataIndex: 'priority', render: (v: string | null) => (v ? <Tag color={v === 'URGENT' ? 'red' : v === 'HIGH' ? 'orange' : undefined}>{t(`enums.TaskPriority.${v}`)}</Tag> : null) },
          { title: t('task.customer'), render: (_: unknown, r) => (r.customer ? <Link to={`/customers/${encodeURIComponent(r.customer.id)}`}>{r.customer.name}</Link> : null) },
          { title: t('task.status'), dataIndex: 'status', render: (v: string) => t(`enums.TaskStatus.${v}`) },
          {
            title: t('common.actions'),
            render: (_: unknown, r) => r.status !== 'DONE' ? (
              <Button size="small" onClick={async () => {
                const res = await update({ input: { id: r.id, status: 'DONE', expectedVersion: r.version } });
                const errs = res.data?.updateTask.errors ?? [];
                if (res.error || errs.length) message.error(res.error?.message ?? formatUserErrors(errs));
                else refetch({ requestPolicy: 'network-only' });
              }}>{t('task.complete')}</Button>
            ) : null,
          },
        ]} />
    </Card>
  );
}
