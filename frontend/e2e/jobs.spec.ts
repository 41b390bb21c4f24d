import { expect, test } from '@playwright/test';
import { LANGS, loginAs, shot, tag, type Lang } from './helpers';

/** What the page reads in each language. */
const TEXT = {
  'zh-CN': { menu: '后台任务', failed: '失败', retry: '重试', retried: '已重新加入队列', reason: '失败原因' },
  en: { menu: 'Jobs', failed: 'Failed', retry: 'Retry', retried: 'Queued to run again', reason: 'Failure reason' },
} satisfies Record<Lang, unknown>;

for (const lang of LANGS) {
  const T = TEXT[lang];

  // e2e/server.sh leaves two webhook passes that failed all their attempts in the demo.
  test(`an admin finds a failed job, reads why it failed and retries it (${lang})`, async ({ page }) => {
    await loginAs(page, 'admin@demo.test', lang);
    await page.getByRole('link', { name: T.menu }).first().click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByRole('columnheader', { name: T.reason })).toBeVisible();

    await page.getByTestId('jobs-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: T.failed }).click();
    const rows = page.getByTestId('jobs-table').locator('tbody tr.ant-table-row');
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);
    await expect(rows.first().getByTestId('job-status')).toHaveText(T.failed);
    await expect(rows.first().getByTestId('job-error')).toContainText('refused the connection');
    await shot(page, `jobs-failed-${tag(lang)}`);

    await rows.first().getByTestId('job-retry').click();
    await expect(page.getByText(T.retried)).toBeVisible();
    // Revived: it leaves the failed ones (and runs, in the server's own job runner).
    await expect(rows).toHaveCount(before - 1);
  });

  test(`a sales rep has no jobs page (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await expect(page.getByRole('link', { name: T.menu })).toHaveCount(0);
    await page.goto('/jobs');
    await expect(page.getByTestId('jobs-table')).toHaveCount(0);
  });
}
