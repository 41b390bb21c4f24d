import { expect, test, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, type Lang } from './helpers';

/** What the bell's panel reads in each language. */
const TEXT = {
  'zh-CN': { panel: '通知', reminder: '任务提醒', markAll: '全部标为已读' },
  en: { panel: 'Notifications', reminder: 'Task reminder', markAll: 'Mark all read' },
} satisfies Record<Lang, unknown>;

/** A GraphQL request as the signed-in user of `page`, with that session's token. */
async function gql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  return page.evaluate(async ({ query, variables }) => {
    const auth = JSON.parse(localStorage.getItem('crm.auth') ?? '{}') as { accessToken?: string };
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.accessToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<{ data: Record<string, any>; errors?: unknown[] }>;
  }, { query, variables });
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`a task's reminder appears in the open bell when its time comes; opening it marks it read (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    // The demo's past reminders arrived with the server's first sweep: start from none unread.
    const cleared = await gql(page, 'mutation { markNotificationsRead(input: {all: true}) { errors { code } } }');
    expect(cleared.data.markNotificationsRead.errors).toEqual([]);
    await page.reload();
    await expect(page.getByTestId('notifications-count')).toHaveCount(0);

    await page.getByTestId('notifications-bell').click();
    const panel = page.getByTestId('notifications-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByText(T.panel, { exact: true })).toBeVisible();

    // A reminder due a few seconds from now: it appears without a reload, pushed by the socket.
    const title = `e2e reminder ${lang} ${Date.now()}`;
    const remindAt = new Date(Date.now() + 3_000).toISOString();
    const made = await gql(page, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { errors { code } } }',
      { i: { title, remindAt } });
    expect(made.data.createTask.errors).toEqual([]);
    const item = panel.getByTestId('notification-item').filter({ hasText: title });
    await expect(item).toBeVisible({ timeout: 30_000 });
    await expect(item).toHaveAttribute('data-read', 'false');
    await expect(item).toContainText(T.reminder);
    await expect(page.getByTestId('notifications-count')).toHaveText('1');
    await shot(page, `notifications-reminder-${tag(lang)}`);

    // Clicking it marks it read and opens the tasks page (a task's page).
    await item.getByTestId('notification-open').click();
    await expect(page).toHaveURL(/\/tasks/);
    await expect(page.getByTestId('notifications-count')).toHaveCount(0);
    await page.getByTestId('notifications-bell').click();
    await expect(panel.getByTestId('notification-item').filter({ hasText: title })).toHaveAttribute('data-read', 'true');
    await expect(panel.getByRole('button', { name: T.markAll })).toBeDisabled();
  });
}
