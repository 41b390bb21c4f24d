import { expect, test } from '@playwright/test';
import { login, shot, waitForTable } from './helpers';

test('manager transfers customers in bulk and sees the outcome per row', async ({ page }) => {
  await login(page, 'manager@demo.test');
  await page.goto('/customers');
  const table = await waitForTable(page, 'customers-table');
  const boxes = table.locator('tbody tr.ant-table-row .ant-checkbox-input');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByTestId('bulk-actions').hover();
  await page.getByRole('menuitem', { name: '批量转移' }).click();
  await page.getByTestId('transfer-owner').click();
  await page.keyboard.type('rep2');
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'rep2@demo.test' });
  await expect(option).toBeVisible();
  // the only option left after filtering is the active one: Enter picks it (a click can land
  // while the dropdown is still animating)
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transfer-owner')).toContainText('rep2@demo.test');
  await page.getByTestId('transfer-reason').fill('区域调整');
  await page.getByTestId('transfer-submit').click();
  const results = page.getByTestId('bulk-results');
  await expect(results).toBeVisible();
  await expect(results.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(results.locator('.ant-tag-green')).toHaveCount(3);
  await shot(page, 'bulk-transfer-zh');
});

test('dashboard shows charts for a manager', async ({ page }) => {
  await login(page, 'manager@demo.test');
  await page.goto('/dashboard');
  await expect(page.getByTestId('chart-funnel').locator('canvas')).toBeVisible();
  await shot(page, 'dashboard-zh');
});
