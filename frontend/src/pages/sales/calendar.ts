import dayjs, { type Dayjs } from 'dayjs';

export type Scale = 'day' | 'week' | 'month';

/**
 * The days a calendar view shows around `date`: one day; the week (Monday first, as in China
 * and ISO 8601); or the month's weeks, whole (42 days, from the Monday on or before the 1st).
 */
export function calendarDays(date: Dayjs, scale: Scale): Dayjs[] {
  const d = date.startOf('day');
  if (scale === 'day') return [d];
  const monday = (x: Dayjs) => x.subtract((x.day() + 6) % 7, 'day');
  if (scale === 'week') {
    const first = monday(d);
    return Array.from({ length: 7 }, (_, i) => first.add(i, 'day'));
  }
  const first = monday(d.startOf('month'));
  return Array.from({ length: 42 }, (_, i) => first.add(i, 'day'));
}

/** The tasks due on one (local) day, by time. */
export function tasksOn<T extends { dueAt?: string | null }>(tasks: readonly T[], day: Dayjs): T[] {
  return tasks
    .filter((x) => x.dueAt && dayjs(x.dueAt).isSame(day, 'day'))
    .sort((a, b) => dayjs(a.dueAt!).valueOf() - dayjs(b.dueAt!).valueOf());
}
