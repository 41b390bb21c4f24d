import { expect, test, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, type Lang } from './helpers';

/** What the pages read in each language. */
const TEXT = {
  'zh-CN': { menu: '生命周期与评分', leads: '线索', rules: '生命周期规则', scoring: '线索评分规则', refused: /流失|输入有误/, saved: '已保存', progress: /正在重新评分|已为全部/ },
  en: { menu: 'Lifecycle & scoring', leads: 'Leads', rules: 'Lifecycle rules', scoring: 'Lead scoring rules', refused: /churn/i, saved: 'Saved', progress: /Rescoring leads|leads rescored/ },
} satisfies Record<Lang, unknown>;

/** An antd InputNumber by its test id (which lands on the input or on its wrapper). */
const num = (scope: Page | ReturnType<Page['locator']>, id: string) => scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function scores(page: Page): Promise<number[]> {
  const cells = page.getByTestId('leads-table').getByTestId('lead-score');
  await expect(cells.first()).toBeVisible();
  return (await cells.allInnerTexts()).map((s) => Number(s.replace(/^[A-D]/, '').trim()));
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`a manager edits the lifecycle rules and the scoring rules; leads sort by score (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.getByRole('link', { name: T.menu }).first().click();
    await expect(page).toHaveURL(/\/lifecycle$/);
    await expect(page.getByText(T.rules)).toBeVisible();
    await expect(page.getByText(T.scoring)).toBeVisible();

    // At risk after the churn: refused with the server's reason, nothing saved.
    await num(page, 'lifecycle-atRiskDays').fill('500');
    await num(page, 'lifecycle-churnedDays').fill('400');
    await page.getByTestId('lifecycle-save').click();
    await expect(page.locator('.ant-message')).toContainText(T.refused);
    await page.reload();
    await expect(num(page, 'lifecycle-atRiskDays')).not.toHaveValue('500');

    await num(page, 'lifecycle-atRiskDays').fill('60');
    await num(page, 'lifecycle-churnedDays').fill('150');
    await page.getByTestId('lifecycle-save').click();
    await expect(page.locator('.ant-message')).toContainText(T.saved);
    await page.reload();
    await expect(num(page, 'lifecycle-atRiskDays')).toHaveValue('60');

    // A new rule, saved as the whole set: every lead is rescored in the background.
    await page.getByTestId('rule-add').click();
    const last = page.getByTestId('scoring-rules').locator('tbody tr.ant-table-row').last();
    await last.getByTestId('rule-value').fill(`e2e-${tag(lang)}`);
    await num(last, 'rule-points').fill('25');
    await page.getByTestId('rules-save').click();
    await expect(page.locator('.ant-message')).toContainText(T.saved);
    // Queued at once; done when a job runner takes it (on SQLite, once the in-process runner
    // of core/jobs.py lands: until then it stays queued).
    await page.reload();
    await expect(page.getByTestId('scoring-progress')).toHaveText(T.progress);
    await expect(page.getByTestId('scoring-defaults')).toHaveCount(0);
    await shot(page, `lifecycle-${tag(lang)}`);

    // The leads list shows each lead's grade and score, and sorts by it.
    await page.goto('/leads');
    await expect(page.getByTestId('leads-table')).toBeVisible();
    await page.getByTestId('sort-score').click();
    await expect(page).toHaveURL(/sort=/);
    await expect.poll(async () => { const s = await scores(page); return s.every((v, i) => i === 0 || s[i - 1] <= v); }).toBe(true);
    await page.getByTestId('sort-score').click();
    await expect.poll(async () => { const s = await scores(page); return s.every((v, i) => i === 0 || s[i - 1] >= v); }).toBe(true);
    await expect(page.getByTestId('lead-score').first()).toHaveAttribute('data-grade', /^[A-D]$/);
  });

  test(`a rep has no lifecycle page (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await expect(page.getByRole('link', { name: T.menu })).toHaveCount(0);
    await page.goto('/lifecycle');
    await expect(page.getByTestId('lifecycle-page')).toHaveCount(0);
  });
}
