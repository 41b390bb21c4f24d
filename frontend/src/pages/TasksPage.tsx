import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { Button, Empty, Tag } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyTasksCursorQuery, MyTasksQuery } from './sales/documents';
import { formatDateTime } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { Toggle } from '../components/Toggle';
import { usePermissions } from '../permissions/context';
import { enumLabel } from '../i18n';
import { DataTable, type Column } from '../lists/DataTable';
import { ListPagination } from '../lists/ListFilters';
import { SavedViews } from '../lists/SavedViews';
import { PAGE_SIZES, type ListSpec, type ListState } from '../lists/listState';
import { listKeyOf, rememberPageStart, useListState, usePageStart } from '../lists/useListState';
import { useTaskActions } from './sales/taskActions';
import { calendarDays, tasksOn, type Scale } from './sales/calendar';
import type { MyTasksQuery as MyTasksQueryType, TaskFilter } from '../gql/graphql';

const CreateTaskDialog = lazy(() => import('./sales/CreateDialogs').then((m) => ({ default: m.CreateTaskDialog })));

type Task = MyTasksQueryType['myTasks']['edges'][number]['node'];
type View = 'open' | 'overdue' | 'done';
type Mode = 'list' | 'calendar';

export const TASK_LIST: ListSpec = {
  filters: { view: 'one', mode: 'one', scale: 'one', date: 'one' },
  sortFields: [],
  defaultSort: null,
  defaultSize: 20,
  sizes: PAGE_SIZES,
};

/** The calendar shows at most this many tasks (myTasks has no due-date range filter yet). */
const CALENDAR_LIMIT = 100;

function filterFor(view: View): TaskFilter {
  if (view === 'overdue') return { overdue: true };
  if (view === 'done') return { status: ['DONE'] };
  return { status: ['OPEN', 'IN_PROGRESS'] };
}

const one = (s: ListState, k: string) => (typeof s.filters[k] === 'string' ? (s.filters[k] as string) : '');

export default function TasksPage() {
  const { t } = useTranslation();
  const p = usePermissions();
  const [state, setState] = useListState(TASK_LIST);
  const [creating, setCreating] = useState(false);
  const view = (['open', 'overdue', 'done'].includes(one(state, 'view')) ? one(state, 'view') : 'open') as View;
  const mode = (one(state, 'mode') === 'calendar' ? 'calendar' : 'list') as Mode;
  const scale = (['day', 'week', 'month'].includes(one(state, 'scale')) ? one(state, 'scale') : 'week') as Scale;
  const date = dayjs(one(state, 'date') || undefined).isValid() && one(state, 'date') ? dayjs(one(state, 'date')) : dayjs().startOf('day');
  const set = useCallback((k: string, v: string) => setState({ filters: { ...state.filters, [k]: v } }), [setState, state.filters]);

  const base = useMemo(() => ({ filter: filterFor(view) }), [view]);
  const calendar = mode === 'calendar';
  const size = calendar ? CALENDAR_LIMIT : state.size;
  const page = calendar ? 1 : state.page;
  const start = usePageStart(MyTasksCursorQuery, 'myTasks', base, page, size);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyTasksQuery, variables: { ...base, first: size, after: start.after }, pause: !start.ready });
  const rows = useMemo(() => data?.myTasks.edges.map((e) => e.node) ?? [], [data]);
  if (!calendar && data?.myTasks.pageInfo.hasNextPage) rememberPageStart(listKeyOf('myTasks', base, size), page + 1, data.myTasks.pageInfo.endCursor);
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const { complete, reopen } = useTaskActions(reload);
  const canChange = p.canChange('Task');

  const overdue = (r: Task) => r.isOverdue || Boolean(r.dueAt && r.status !== 'DONE' && dayjs(r.dueAt).isBefore(dayjs()));
  const action = (r: Task) => (!canChange ? null : r.status === 'DONE' || r.status === 'CANCELLED'
    ? <Button size="small" onClick={() => void reopen(r)} data-testid="reopen-task">{t('task.reopen')}</Button>
    : <Button size="small" onClick={() => void complete(r)} data-testid="complete-task">{t('task.complete')}</Button>);
  const priority = (v: string) => <Tag color={v === 'URGENT' ? 'red' : v === 'HIGH' ? 'orange' : undefined}>{enumLabel(t, 'TaskPriority', v)}</Tag>;
  const customer = (r: Task) => (r.customer ? <Link to={`/customers/${encodeURIComponent(r.customer.id)}`}>{r.customer.name}</Link> : null);
  const columns: Column<Task>[] = [
    { key: 'title', title: t('task.title'), render: (r) => <span data-testid="task-title">{r.title}</span> },
    { key: 'due', title: t('task.due'), render: (r) => <span className="crm-nowrap" style={{ color: overdue(r) ? '#cf1322' : undefined }}>{formatDateTime(r.dueAt)}</span> },
    { key: 'priority', title: t('task.priority'), render: (r) => priority(r.priority) },
    { key: 'customer', title: t('task.customer'), render: customer },
    { key: 'opportunity', title: t('task.opportunity'), render: (r) => (r.opportunity ? <Link to={`/opportunities/${encodeURIComponent(r.opportunity.id)}`}>{r.opportunity.title}</Link> : null) },
    { key: 'status', title: t('task.status'), render: (r) => <Tag color={r.status === 'DONE' ? 'green' : undefined} data-testid="task-status" data-status={r.status}>{enumLabel(t, 'TaskStatus', r.status)}</Tag> },
    { key: 'actions', title: t('common.actions'), render: action },
  ];
  const card = (r: Task) => (
    <>
      <div className="crm-card-head"><span className="crm-card-title" data-testid="task-title">{r.title}</span>{priority(r.priority)}</div>
      <div className="crm-card-meta">
        <span style={{ color: overdue(r) ? '#cf1322' : undefined }}>{t('task.due')}: {formatDateTime(r.dueAt)}</span>
        {r.customer ? <span>{customer(r)}</span> : null}
        <Tag data-testid="task-status" data-status={r.status}>{enumLabel(t, 'TaskStatus', r.status)}</Tag>
      </div>
      <div className="crm-card-actions">{action(r)}</div>
    </>
  );

  return (
    <Panel title={t('menu.tasks')} testId="tasks-page" extra={
      <>
        <SavedViews list="TASKS" spec={TASK_LIST} />
        <Toggle<View> value={view} onChange={(v) => set('view', v === 'open' ? '' : v)} testId="task-view"
          options={[{ value: 'open', label: t('task.mine') }, { value: 'overdue', label: t('task.overdue') }, { value: 'done', label: t('task.done') }]} />
        <Toggle<Mode> value={mode} onChange={(v) => set('mode', v === 'list' ? '' : v)} testId="task-mode"
          options={[{ value: 'list', label: t('common.list') }, { value: 'calendar', label: t('common.calendar') }]} />
        {canChange ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-task">{t('task.newTask')}</Button> : null}
      </>
    }>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      {calendar ? (
        <TaskCalendar tasks={rows} date={date} scale={scale} onDate={(d) => set('date', d.format('YYYY-MM-DD'))} onScale={(s) => set('scale', s === 'week' ? '' : s)}
          onPickDay={(d) => setState({ filters: { ...state.filters, date: d.format('YYYY-MM-DD'), scale: 'day' } })}
          action={action} overdue={overdue} />
      ) : (
        <>
          <DataTable<Task> rows={rows} rowKey={(r) => r.id} columns={columns} card={card} loading={fetching || !start.ready} testId="tasks-table" />
          <ListPagination total={data?.myTasks.totalCount ?? 0} page={state.page} size={state.size} onChange={(pg, sz) => setState({ page: pg, size: sz })} />
        </>
      )}
      {creating ? (
        <Suspense fallback={null}>
          <CreateTaskDialog onClose={(created) => { setCreating(false); if (created) reload(); }} />
        </Suspense>
      ) : null}
    </Panel>
  );
}

/** Tasks by due date: a day, a week, or a month. */
function TaskCalendar({ tasks, date, scale, onDate, onScale, onPickDay, action, overdue }: {
  tasks: readonly Task[]; date: Dayjs; scale: Scale; onDate: (d: Dayjs) => void; onScale: (s: Scale) => void; onPickDay: (d: Dayjs) => void;
  action: (t: Task) => ReactNode; overdue: (t: Task) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const days = calendarDays(date, scale);
  const zh = i18n.language !== 'en';
  const title = scale === 'month' ? date.locale(zh ? 'zh-cn' : 'en').format(zh ? 'YYYY年M月' : 'MMMM YYYY')
    : scale === 'week' ? `${days[0].format(zh ? 'M月D日' : 'D MMM')} – ${days[6].format(zh ? 'M月D日' : 'D MMM YYYY')}`
      : date.locale(zh ? 'zh-cn' : 'en').format(zh ? 'YYYY年M月D日 dddd' : 'dddd D MMM YYYY');
  const step = (n: number) => onDate(date.add(n, scale));
  const undated = tasks.filter((x) => !x.dueAt);
  const chip = (x: Task, withAction: boolean) => (
    <div key={x.id} className={`crm-cal-task${x.status === 'DONE' ? ' crm-cal-done' : ''}${overdue(x) ? ' crm-cal-overdue' : ''}`} data-testid="calendar-task" title={x.title}>
      <span className="crm-cal-time">{x.dueAt ? dayjs(x.dueAt).format('HH:mm') : ''}</span>
      <span className="crm-cal-title">{x.title}</span>
      {withAction ? <span className="crm-cal-action">{action(x)}</span> : null}
    </div>
  );
  return (
    <div className="crm-calendar" data-testid="task-calendar" data-scale={scale}>
      <div className="crm-cal-bar">
        <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label="previous" data-testid="cal-prev" />
        <Button onClick={() => onDate(dayjs().startOf('day'))} data-testid="cal-today">{t('task.today')}</Button>
        <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label="next" data-testid="cal-next" />
        <strong className="crm-cal-title-text" data-testid="calendar-title">{title}</strong>
        <Toggle<Scale> value={scale} onChange={onScale} testId="cal-scale"
          options={[{ value: 'day', label: t('task.day') }, { value: 'week', label: t('task.week') }, { value: 'month', label: t('task.month') }]} />
      </div>
      {scale === 'month' ? (
        <div className="crm-cal-month">
          {days.slice(0, 7).map((d) => <div key={`h${d.day()}`} className="crm-cal-head">{d.locale(zh ? 'zh-cn' : 'en').format('dd')}</div>)}
          {days.map((d) => {
            const on = tasksOn(tasks, d);
            return (
              <button type="button" key={d.format('YYYY-MM-DD')} onClick={() => onPickDay(d)} data-testid="calendar-day" data-date={d.format('YYYY-MM-DD')}
                className={`crm-cal-cell${d.month() !== date.month() ? ' crm-cal-other' : ''}${d.isSame(dayjs(), 'day') ? ' crm-cal-today' : ''}`}>
                <span className="crm-cal-date">{d.date()}</span>
                {on.slice(0, 3).map((x) => chip(x, false))}
                {on.length > 3 ? <span className="crm-secondary">+{on.length - 3}</span> : null}
              </button>
            );
          })}
        </div>
      ) : (
        <div className={scale === 'week' ? 'crm-cal-week' : 'crm-cal-day'}>
          {days.map((d) => {
            const on = tasksOn(tasks, d);
            return (
              <div key={d.format('YYYY-MM-DD')} className={`crm-cal-col${d.isSame(dayjs(), 'day') ? ' crm-cal-today' : ''}`} data-testid="calendar-day" data-date={d.format('YYYY-MM-DD')}>
                <div className="crm-cal-head">{d.locale(zh ? 'zh-cn' : 'en').format(zh ? 'M/D ddd' : 'ddd D')}</div>
                {on.length ? on.map((x) => chip(x, true)) : <span className="crm-secondary crm-cal-none">—</span>}
              </div>
            );
          })}
        </div>
      )}
      {undated.length ? (
        <div className="crm-cal-undated">
          <div className="crm-secondary">{t('task.noDue')}</div>
          {undated.map((x) => chip(x, true))}
        </div>
      ) : null}
      {!tasks.length ? <Empty /> : null}
    </div>
  );
}
