import { expect, test, type Page } from '@playwright/test';
import { captureOperations, LANGS, loginAs, shot, tag, waitForTable } from './helpers';

const TEXT = {
  'zh-CN': { selected: (n: number) => `已选 ${n} 项`, ok: /确\s*定/, done: (n: number) => `完成：成功 ${n} 条，失败 0 条` },
  en: { selected: (n: number) => `${n} selected`, ok: /OK/, done: (n: number) => `Done: ${n} succeeded, 0 failed` },
};

const totalOf = async (page: Page) => Number(/\d+/.exec((await page.getByTestId('customer-total').textContent()) ?? '')?.[0]);

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`select every customer the filter matches, tag them, and read the outcome by name (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/customers?size=10&stage=CUSTOMER');
    const table = await waitForTable(page, 'customers-table');
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(10);
    await table.locator('thead .ant-checkbox-input').check();
    await expect(page.getByTestId('selected-count')).toHaveText(T.selected(10));
    // more than the page: every row the filter matches
    await page.getByTestId('select-all-matching').click();
    await expect(page.getByTestId('selected-count')).toHaveText(T.selected(total));
    const sent = captureOperations(page, 'AddTags');
    await page.getByTestId('bulk-addTags').click();
    await page.getByTestId('bulk-tag-select').click();
    // pick with the keyboard: a click can land while the dropdown is still animating
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const ok = page.locator('.ant-modal').getByRole('button', { name: T.ok });
    await expect(ok).toBeEnabled();
    await ok.click();
    const results = page.getByTestId('bulk-results');
    await expect(results).toHaveAttribute('data-finished', 'true');
    // one request naming the filter, not the ids the page happened to load
    expect(sent).toHaveLength(1);
    const input = (sent[0] as { input: Record<string, unknown> }).input;
    expect(input.matching).toEqual({ lifecycleStage: { eq: 'CUSTOMER' } });
    expect(input).not.toHaveProperty('customerIds');
    await expect(results.locator('.crm-bulk-item')).toHaveCount(total);
    await expect(results.getByTestId('bulk-customer')).toHaveCount(total);
    await expect(results).toContainText(T.done(total));
    await expect(results).not.toContainText('Q3VzdG9tZXI');
    // the list scrolls inside the dialog, which stays on the screen
    const fits = await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('[data-testid="bulk-list"]')!;
      const modal = list.closest<HTMLElement>('.ant-modal')!.getBoundingClientRect();
      return { scrolls: list.scrollHeight > list.clientHeight, inside: modal.right <= window.innerWidth && modal.bottom <= window.innerHeight + 1 };
    });
    expect(fits).toEqual({ scrolls: true, inside: true });
    await shot(page, `bulk-all-matching-${tag(lang)}`);
    // a name opens its customer
    const first = (await results.getByTestId('bulk-customer').first().textContent())?.trim() ?? '';
    await results.getByTestId('bulk-customer').first().click();
    await expect(page.getByTestId('customer-name')).toHaveText(first);
  });

  test(`a rep releases every customer a filter matches to the pool, then claims them back by the same filter (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep2@demo.test', lang);
    // the rep's own B-level customers: more than a page of ten
    await page.goto('/customers?size=10&level=B');
    const mine = await waitForTable(page, 'customers-table');
    const held = await totalOf(page);
    expect(held).toBeGreaterThan(10);
    await mine.locator('thead .ant-checkbox-input').check();
    await page.getByTestId('select-all-matching').click();
    await expect(page.getByTestId('selected-count')).toHaveText(T.selected(held));
    const released = captureOperations(page, 'ReleaseToPool');
    await page.getByTestId('bulk-release').click();
    const results = page.getByTestId('bulk-results');
    await expect(results).toHaveAttribute('data-finished', 'true');
    await expect(results).toContainText(T.done(held));
    expect((released[0] as { input: Record<string, unknown> }).input).toEqual({ matching: { level: { eq: 'B' } } });
    await page.getByTestId('bulk-close').click();
    await expect(page.getByTestId('customers-table').locator('.crm-row')).toHaveCount(0);

    // the pool now holds them (and any B-level customer that was there before)
    await page.goto('/customers?view=pool&size=10&level=B');
    const pool = await waitForTable(page, 'customers-table');
    const pooled = await totalOf(page);
    expect(pooled).toBeGreaterThanOrEqual(held);
    await pool.locator('thead .ant-checkbox-input').check();
    await page.getByTestId('select-all-matching').click();
    await expect(page.getByTestId('selected-count')).toHaveText(T.selected(pooled));
    const claimed = captureOperations(page, 'ClaimFromPool');
    await page.getByTestId('claim-selected').click();
    await expect(results).toHaveAttribute('data-finished', 'true');
    expect(claimed).toHaveLength(1);
    expect((claimed[0] as { input: Record<string, unknown> }).input).toEqual({ matching: { level: { eq: 'B' } } });
    await expect(results.getByTestId('bulk-customer')).toHaveCount(pooled);
    await expect(results).toContainText(T.done(pooled));
    await shot(page, `bulk-claim-matching-${tag(lang)}`);
    await page.getByTestId('bulk-close').click();
    await page.goto('/customers?size=10&level=B');
    await waitForTable(page, 'customers-table');
    expect(await totalOf(page)).toBe(pooled);
  });
}
