import { expect, test } from '@playwright/test';
import { loginAs, shot } from './helpers';

// One run at 390 px: the Views menu sits beside the search, the filters in their drawer.
test('on a phone a rep saves a view, gets it as their default on the plain list, renames and deletes it', async ({ page }) => {
  const name = `A 级 ${Date.now() % 100000}`;
  await loginAs(page, 'rep1@demo.test', 'zh-CN');
  await page.goto('/customers');
  await expect(page.getByTestId('customers-table').locator('.crm-row').first()).toBeVisible();
  await expect(page.getByTestId('views-menu')).toBeInViewport();

  await page.getByTestId('open-filters').click();
  const drawer = page.getByTestId('filter-drawer');
  // the drawer slides in: a pick made while it still moves can miss, so pick until it shows
  await expect(async () => {
    await drawer.getByTestId('filter-level').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'A 级' }).first().click({ timeout: 2000 });
    await expect(drawer.getByTestId('filter-level')).toContainText('A 级', { timeout: 3000 });
  }).toPass({ timeout: 15000 });
  await drawer.getByTestId('close-filters').click();
  await expect(page).toHaveURL(/level=A/);

  await page.getByTestId('views-menu').click();
  await page.locator('.ant-dropdown:visible').getByTestId('view-save').click();
  await page.getByTestId('view-name').fill(name);
  // a rep keeps views for themself: no share switch
  await expect(page.getByTestId('view-share')).toHaveCount(0);
  await page.getByTestId('view-default').click();
  await page.getByTestId('view-save-ok').click();
  await expect(page.locator('.ant-message')).toContainText(`已保存视图“${name}”`);

  // the plain list opens the default view
  await page.goto('/orders');
  await page.goto('/customers');
  await expect(page).toHaveURL(/level=A/);
  await expect(page.getByTestId('view-current')).toHaveText(name);
  await expect(page.getByTestId('active-filters')).toHaveText('1');
  await shot(page, 'views-phone-default-zh');

  // rename it, take the default mark off, then delete it
  await page.getByTestId('views-menu').click();
  await page.locator('.ant-dropdown:visible').getByTestId('view-manage').click();
  const row = page.locator(`[data-testid="view-row"][data-view="${name}"]`);
  await row.getByTestId('view-rename').fill(`${name} 改`);
  await row.getByTestId('view-rename').press('Enter');
  await expect(page.locator('.ant-message')).toContainText('已重命名');
  const renamed = page.locator(`[data-testid="view-row"][data-view="${name} 改"]`);
  await renamed.getByTestId('view-toggle-default').click();
  await expect(renamed.getByTestId('view-toggle-default')).toHaveAttribute('aria-label', '设为默认');
  await shot(page, 'views-phone-manage-zh');
  await renamed.getByTestId('view-delete').click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  await expect(page.locator('.ant-message')).toContainText(`已删除视图“${name} 改”`);
  await expect(renamed).toHaveCount(0);

  // no default any more: the plain list stays plain
  await page.goto('/orders');
  await page.goto('/customers');
  await expect(page.getByTestId('customers-table').locator('.crm-row').first()).toBeVisible();
  await expect(page).not.toHaveURL(/level=A/);
});
