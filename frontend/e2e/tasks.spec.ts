import { expect, test } from '@playwright/test';
import { LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

const TEXT = {
  'zh-CN': {
    calendar: '日历', month: '月', monthTitle: /\d{4}年\d{1,2}月/, completed: (title: string) => `任务“${title}”已完成`, openOrBusy: /待办|进行中/,
    doneView: '已完成', reopened: '任务已重新打开', mine: '我的任务', open: '待办',
  },
  en: {
    calendar: 'Calendar', month: 'Month', monthTitle: /[A-Z][a-z]+ \d{4}/, completed: (title: string) => `Task “${title}” completed`, openOrBusy: /Open|In progress/,
    doneView: 'Done', reopened: 'Task reopened', mine: 'Mine', open: 'Open',
  },
} satisfies Record<Lang, unknown>;

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`tasks on a calendar: a week, a month, a day; the view stays in the URL (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await page.goto('/tasks');
    await waitForTable(page, 'tasks-table');
    await page.getByTestId('task-mode').getByText(T.calendar).click();
    await expect(page).toHaveURL(/mode=calendar/);
    const calendar = page.getByTestId('task-calendar');
    await expect(calendar).toHaveAttribute('data-scale', 'week');
    await expect(calendar.getByTestId('calendar-day')).toHaveCount(7);
    // the rep's open tasks are due over the coming weeks: some week ahead has some
    for (let i = 0; i < 6 && !(await calendar.getByTestId('calendar-task').count()); i++) await page.getByTestId('cal-next').click();
    await expect(calendar.getByTestId('calendar-task').first()).toBeVisible();
    await shot(page, `tasks-week-${tag(lang)}`);

    await page.getByTestId('cal-scale').getByText(T.month, { exact: true }).click();
    await expect(calendar).toHaveAttribute('data-scale', 'month');
    await expect(calendar.getByTestId('calendar-day')).toHaveCount(42);
    await expect(page.getByTestId('calendar-title')).toHaveText(T.monthTitle);
    // a day of the month opens as a day
    const busy = calendar.getByTestId('calendar-day').filter({ has: page.getByTestId('calendar-task') }).first();
    const date = await busy.getAttribute('data-date');
    await busy.click();
    await expect(calendar).toHaveAttribute('data-scale', 'day');
    await expect(page).toHaveURL(new RegExp(`date=${date}`));
    await expect(calendar.getByTestId('calendar-day')).toHaveCount(1);
    await expect(calendar.getByTestId('calendar-task').first()).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('task-calendar')).toHaveAttribute('data-scale', 'day');
    await shot(page, `tasks-day-${tag(lang)}`);
  });

  test(`complete a task, undo it; reopen a done task (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await page.goto('/tasks');
    const table = await waitForTable(page, 'tasks-table');
    const first = table.locator('.crm-row').first();
    const title = (await first.getByTestId('task-title').textContent())?.trim() ?? '';
    const row = table.locator('.crm-row', { hasText: title }).first();
    await row.getByTestId('complete-task').click();
    await expect(page.getByTestId('task-done-toast')).toContainText(T.completed(title));
    // done: it leaves the open tasks...
    await expect(row).toHaveCount(0);
    // ...and Undo brings it back
    await page.getByTestId('undo-complete').click();
    await expect(row.getByTestId('task-status')).toHaveText(T.openOrBusy);

    await row.getByTestId('complete-task').click();
    await expect(row).toHaveCount(0);
    await page.getByTestId('task-view').getByText(T.doneView).click();
    await expect(page).toHaveURL(/view=done/);
    const done = page.getByTestId('tasks-table').locator('.crm-row', { hasText: title }).first();
    await expect(done).toBeVisible();
    await done.getByTestId('reopen-task').click();
    await expect(page.locator('.ant-message')).toContainText(T.reopened);
    await page.getByTestId('task-view').getByText(T.mine).click();
    await expect(page.getByTestId('tasks-table').locator('.crm-row', { hasText: title }).first().getByTestId('task-status')).toHaveText(T.open);
    await expect(page.getByTestId('tasks-table')).not.toContainText('IN_PROGRESS');
    await shot(page, `tasks-complete-${tag(lang)}`);
  });
}
