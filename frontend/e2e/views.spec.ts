import { expect, test, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

const TEXT = {
  'zh-CN': {
    levelB: 'B 级', views: '视图', shared: '团队共享', saved: (n: string) => `已保存视图“${n}”`,
    duplicate: (n: string) => `已存在名为“${n}”的记录`, by: '来自 王经理',
  },
  en: {
    levelB: /^B$/, views: 'Views', shared: 'Shared with the team', saved: (n: string) => `View “${n}” saved`,
    duplicate: (n: string) => `You already have a view named '${n}' of this list`, by: 'by 王经理',
  },
} satisfies Record<Lang, unknown>;

const names = async (page: Page) => (await page.getByTestId('customers-table').locator('.crm-row a.crm-row-link').allTextContents()).map((s) => s.trim());

async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await expect(item).toBeVisible();
  await item.click();
}

/** The Views menu's entry of a view. */
const menuItem = (page: Page, name: string) => page.locator(`.ant-dropdown:visible [data-testid="view-item"][data-view="${name}"]`);

async function saveView(page: Page, name: string, { share = false } = {}) {
  await page.getByTestId('views-menu').click();
  await page.locator('.ant-dropdown:visible').getByTestId('view-save').click();
  await page.getByTestId('view-name').fill(name);
  if (share) await page.getByTestId('view-share').click();
  await page.getByTestId('view-save-ok').click();
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`a saved customer view comes back after a reload and from another page; a manager shares one and a rep opens it (${lang})`, async ({ page, browser }) => {
    const name = `B ${tag(lang)} ${Date.now() % 100000}`;
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/customers');
    await waitForTable(page, 'customers-table');
    await expect(page.getByTestId('view-current')).toHaveText(T.views);
    await pick(page, 'filter-level', T.levelB);
    await expect(page).toHaveURL(/level=B/);
    await page.getByTestId('sort-name').click();
    await expect(page).toHaveURL(/sort=name\.asc/);
    await expect(page.getByTestId('customers-table').locator('.crm-row').first()).toBeVisible();
    const filtered = await names(page);

    await saveView(page, name, { share: true });
    await expect(page.locator('.ant-message')).toContainText(T.saved(name));
    await expect(page.getByTestId('view-current')).toHaveText(name);

    // the same name again is refused, in the user's language, under the name
    await saveView(page, name);
    await expect(page.locator('.ant-form-item-explain-error')).toHaveText(T.duplicate(name));
    await page.getByTestId('view-name').fill(`${name}!`);
    await expect(page.locator('.ant-form-item-explain-error')).toHaveCount(0);
    await page.locator('.ant-modal:visible .ant-modal-footer button').first().click();

    // the plain list is the plain list; the view brings the filter and sort back
    await page.goto('/orders');
    await waitForTable(page, 'orders-table');
    await page.goto('/customers');
    await waitForTable(page, 'customers-table');
    await expect(page).not.toHaveURL(/level=B/);
    // rows ticked on the plain list are not carried into the view's rows
    await page.getByTestId('customers-table').locator('thead .ant-checkbox-input').check();
    await expect(page.getByTestId('selected-count')).toBeVisible();
    await page.getByTestId('select-all-matching').click();
    await page.getByTestId('views-menu').click();
    await menuItem(page, name).click();
    await expect(page).toHaveURL(/level=B/);
    await expect(page.getByTestId('selected-count')).toHaveCount(0);
    await expect(page).toHaveURL(/sort=name\.asc/);
    await expect.poll(() => names(page)).toEqual(filtered);
    await page.reload();
    await waitForTable(page, 'customers-table');
    await expect.poll(() => names(page)).toEqual(filtered);
    await expect(page.getByTestId('view-current')).toHaveText(name);
    await shot(page, `views-manager-${tag(lang)}`);

    // a rep of the workspace finds it among the team's views; they cannot share one of theirs
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang });
    const rep = await context.newPage();
    await loginAs(rep, 'rep1@demo.test', lang);
    await rep.goto('/customers');
    await waitForTable(rep, 'customers-table');
    await rep.getByTestId('views-menu').click();
    await expect(rep.locator('.ant-dropdown:visible')).toContainText(T.shared);
    await expect(menuItem(rep, name)).toContainText(T.by);
    await menuItem(rep, name).click();
    await expect(rep).toHaveURL(/level=B/);
    await expect(rep).toHaveURL(/sort=name\.asc/);
    await expect(rep.getByTestId('filter-level')).toContainText(T.levelB);
    await expect(rep.getByTestId('view-current')).toHaveText(name);
    await rep.getByTestId('views-menu').click();
    await rep.locator('.ant-dropdown:visible').getByTestId('view-save').click();
    await expect(rep.getByTestId('view-name')).toBeVisible();
    await expect(rep.getByTestId('view-share')).toHaveCount(0);
    await shot(rep, `views-rep-save-${tag(lang)}`);
    await context.close();

    // the owner deletes it: it leaves the menu
    await page.getByTestId('views-menu').click();
    await page.locator('.ant-dropdown:visible').getByTestId('view-manage').click();
    const row = page.locator(`[data-testid="view-row"][data-view="${name}"]`);
    await row.getByTestId('view-delete').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect(row).toHaveCount(0);
  });
}
