import { expect, test, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

const TEXT = {
  'zh-CN': { opportunity: '商机', levelB: 'B 级', clearFilters: '清除筛选', shipped: /^已发货$/, shippedTag: '已发货' },
  en: { opportunity: 'Opportunity', levelB: 'B', clearFilters: 'Clear filters', shipped: /^Shipped$/, shippedTag: 'Shipped' },
} satisfies Record<Lang, unknown>;

const firstName = async (page: Page) => (await page.getByTestId('customers-table').locator('.crm-row a.crm-row-link').first().textContent())?.trim() ?? '';
const names = async (page: Page) => (await page.getByTestId('customers-table').locator('.crm-row a.crm-row-link').allTextContents()).map((s) => s.trim());

async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await expect(item).toBeVisible();
  await item.click();
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`filters, sort, page and size live in the URL: reload, Back from a customer and a shared link show the same list (${lang})`, async ({ page, context }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/customers');
    await waitForTable(page, 'customers-table');
    // filters apply as they change (no Search button), like everywhere
    await pick(page, 'filter-stage', T.opportunity);
    await expect(page).toHaveURL(/stage=OPPORTUNITY/);
    await page.getByTestId('sort-name').click();
    await expect(page).toHaveURL(/sort=name\.asc/);
    await expect(page.getByTestId('customers-table').locator('th[aria-sort="ascending"]')).toHaveCount(1);
    // ten a page, then page numbers
    await page.getByTestId('list-pagination').locator('.ant-pagination-options .ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^10\s/ }).click();
    await expect(page).toHaveURL(/size=10/);
    await expect(page.getByTestId('customers-table').locator('.crm-row')).toHaveCount(10);
    const sorted = await names(page);
    await page.getByTestId('list-pagination').locator('.ant-pagination-item-2').click();
    await expect(page).toHaveURL(/page=2/);
    await expect.poll(() => firstName(page)).not.toBe(sorted[0]);
    const onPage2 = await names(page);
    await shot(page, `list-state-${tag(lang)}`);

    await page.reload();
    await waitForTable(page, 'customers-table');
    await expect.poll(() => names(page)).toEqual(onPage2);
    await expect(page.getByTestId('filter-stage')).toContainText(T.opportunity);
    await expect(page.getByTestId('list-pagination').locator('.ant-pagination-item-active')).toHaveText('2');

    const url = page.url();
    await page.getByTestId('customers-table').locator('.crm-row a.crm-row-link').first().click();
    await expect(page.getByTestId('customer-profile')).toBeVisible();
    await page.getByTestId('back').click();
    await expect(page).toHaveURL(url);
    await expect.poll(() => names(page)).toEqual(onPage2);

    // a colleague opening the link sees the same rows
    const other = await context.newPage();
    await other.goto(url);
    await waitForTable(other, 'customers-table');
    await expect.poll(() => names(other)).toEqual(onPage2);
    await other.close();

    // page size: 50 a page, back to the first page
    await page.getByTestId('list-pagination').locator('.ant-pagination-options .ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^50\s/ }).click();
    await expect(page).toHaveURL(/size=50/);
    await expect(page).not.toHaveURL(/page=2/);
  });

  test(`search and a level filter survive a reload and the browser's Back (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/customers');
    await waitForTable(page, 'customers-table');
    const word = (await firstName(page)).slice(0, 2);
    await page.getByTestId('list-search').locator('input').fill(word);
    // the search applies after a pause, without Enter
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word).replace(/%20/g, '\\+')}`));
    await pick(page, 'filter-level', T.levelB);
    await expect(page).toHaveURL(/level=B/);
    await expect(page.getByTestId('customers-table').locator('.crm-row').first()).toBeVisible();
    // the URL changes a moment before the filtered rows replace the searched ones: read them
    // once the table is not busy and two readings agree
    let last = '';
    await expect.poll(async () => {
      const now = (await names(page)).join('\n');
      const settled = now === last && (await page.getByTestId('customers-table').getAttribute('aria-busy')) === null;
      last = now;
      return settled;
    }, { intervals: [400] }).toBe(true);
    const rows = await names(page);
    for (const n of rows) expect(n).toContain(word);
    await page.reload();
    await waitForTable(page, 'customers-table');
    await expect(page.getByTestId('list-search').locator('input')).toHaveValue(word);
    await expect.poll(() => names(page)).toEqual(rows);
    await page.getByTestId('customers-table').locator('.crm-row a.crm-row-link').first().click();
    await expect(page.getByTestId('customer-profile')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/level=B/);
    await expect.poll(() => names(page)).toEqual(rows);
    await expect(page.getByTestId('clear-filters')).toHaveText(T.clearFilters);
    await page.getByTestId('clear-filters').click();
    await expect(page).not.toHaveURL(/level=|q=/);
    await shot(page, `list-search-${tag(lang)}`);
  });

  test(`the orders list keeps its filter and page in the URL too (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/orders');
    await waitForTable(page, 'orders-table');
    await pick(page, 'filter-status', T.shipped);
    await expect(page).toHaveURL(/status=SHIPPED/);
    await page.reload();
    await waitForTable(page, 'orders-table');
    await expect(page.getByTestId('filter-status')).toContainText(T.shippedTag);
    for (const s of await page.getByTestId('orders-table').getByTestId('order-status-tag').allTextContents()) expect(s).toBe(T.shippedTag);
  });

  test(`sorting by last follow-up: the most recently followed-up first, and the URL says so (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/customers');
    const table = await waitForTable(page, 'customers-table');
    const sort = page.getByTestId('sort-lastFollowUpAt');
    await sort.click();
    await expect(page).toHaveURL(/sort=last_follow_up_at\.asc/);
    await sort.click();
    await expect(page).toHaveURL(/sort=last_follow_up_at\.desc/);
    await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
    const column = await table.locator('thead th').evaluateAll(
      (ths) => ths.findIndex((th) => th.querySelector('[data-testid="sort-lastFollowUpAt"]')));
    expect(column).toBeGreaterThan(-1);
    const days = (await table.locator(`tbody tr.crm-row td:nth-child(${column + 1})`).allTextContents())
      .map((s) => s.trim()).filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s));
    expect(days.length).toBeGreaterThan(3);
    expect(days).toEqual([...days].sort().reverse());
    // ...and it survives a reload
    await page.reload();
    await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
    await shot(page, `customers-sorted-by-follow-up-${tag(lang)}`);
  });
}
