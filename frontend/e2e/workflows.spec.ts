import { expect, test } from '@playwright/test';
import { LANGS, loginAs, shot, tag, type Lang } from './helpers';

/** What the page reads in each language, and the shipped workflow each language switches. */
const TEXT = {
  'zh-CN': { menu: '工作流', allRuns: '全部运行', runsOf: '的运行记录', workflow: 'Follow-up reminder', customers: '客户' },
  en: { menu: 'Workflows', allRuns: 'All runs', runsOf: 'Runs of', workflow: 'Pool return reminder', customers: 'Customers' },
} satisfies Record<Lang, unknown>;

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`an admin lists the shipped workflows, switches one and reads its run log (${lang})`, async ({ page }) => {
    await loginAs(page, 'admin@demo.test', lang);
    await page.getByRole('link', { name: T.menu }).first().click();
    await expect(page).toHaveURL(/\/workflows$/);

    const table = page.getByTestId('workflows');
    await expect(table.getByTestId('workflow-name')).toHaveCount(3);
    const row = table.locator('tbody tr', { hasText: T.workflow });
    await expect(row.getByText(T.customers)).toBeVisible();
    const toggle = row.getByTestId('workflow-enabled');
    const was = (await toggle.getAttribute('aria-checked')) === 'true';
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', String(!was));

    // Saved: a reload reads it back from the server.
    await page.reload();
    const again = page.getByTestId('workflows').locator('tbody tr', { hasText: T.workflow }).getByTestId('workflow-enabled');
    await expect(again).toHaveAttribute('aria-checked', String(!was));

    await expect(page.getByText(T.allRuns).first()).toBeVisible();
    await page.getByTestId('workflows').locator('tbody tr', { hasText: T.workflow }).getByTestId('workflow-runs').click();
    await expect(page.getByText(T.runsOf).first()).toBeVisible();
    await expect(page.getByTestId('workflow-run-log')).toBeVisible();
    await shot(page, `workflows-${tag(lang)}`);

    await again.click();
    await expect(again).toHaveAttribute('aria-checked', String(was));
  });

  test(`a sales rep has no workflows page (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await expect(page.getByRole('link', { name: T.menu })).toHaveCount(0);
  });
}
