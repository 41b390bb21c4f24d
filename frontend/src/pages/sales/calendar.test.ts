import dayjs from 'dayjs';
import { calendarDays, tasksOn } from './calendar';

describe('task calendar', () => {
  it('a week starts on Monday', () => {
    const days = calendarDays(dayjs('2026-12-03'), 'week'); // a Thursday
    expect(days.map((d) => d.format('MM-DD'))).toEqual(['11-30', '12-01', '12-02', '12-03', '12-04', '12-05', '12-06']);
    expect(calendarDays(dayjs('2026-12-06'), 'week')[0].format('MM-DD')).toBe('11-30'); // a Sunday belongs to the week before
  });
  it('a month shows whole weeks around it, a day itself', () => {
    const days = calendarDays(dayjs('2026-12-15'), 'month');
    expect(days).toHaveLength(42);
    expect(days[0].format('YYYY-MM-DD')).toBe('2026-11-30');
    expect(days.some((d) => d.format('YYYY-MM-DD') === '2026-12-31')).toBe(true);
    expect(calendarDays(dayjs('2026-12-15T15:00'), 'day').map((d) => d.format('YYYY-MM-DD HH:mm'))).toEqual(['2026-12-15 00:00']);
  });
  it('places tasks on their local due day, by time', () => {
    const tasks = [
      { id: 'b', dueAt: '2026-12-21T06:00:00Z' }, // 14:00 in Shanghai
      { id: 'a', dueAt: '2026-12-20T17:30:00Z' }, // 01:30 on the 21st in Shanghai
      { id: 'c', dueAt: '2026-12-22T00:00:00Z' },
      { id: 'd', dueAt: null },
    ];
    expect(tasksOn(tasks, dayjs('2026-12-21')).map((x) => x.id)).toEqual(['a', 'b']);
  });
});
