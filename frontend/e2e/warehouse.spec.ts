import { expect, test } from '@playwright/test';
import { apiHasType, login, shot, waitForTable } from './helpers';

test.beforeEach(async ({ request }) => {
  test.skip(!(await apiHasType(request, 'Order')), 'the orders/stock module (issue 3) is not in the API yet');
});

test('warehouse confirms and ships an order', async ({ page }) => {
  await login(page, 'warehouse@demo.test');
  await page.goto('/orders');
  await waitForTable(page, 'orders-table').catch(() => undefined);
  // a draft order: filter by status
  await page.locator('.ant-card-extra .ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '草稿' }).click();
  const table = await waitForTable(page, 'orders-table');
  await table.locator('tbody tr.ant-table-row a').first().click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'DRAFT');
  await page.getByTestId('confirm-order').click();
  const shortage = page.getByTestId('shortages');
  await expect(page.getByTestId('order-status').or(shortage)).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', /CONFIRMED|DRAFT/);
  if ((await page.getByTestId('order-status').getAttribute('data-status')) === 'DRAFT') {
    // not enough stock for this one: the per-line message is the outcome to show
    await expect(shortage).toBeVisible();
    await shot(page, 'order-insufficient-stock-zh');
    test.skip(true, 'the first draft order lacks stock in the seed');
  }
  await page.getByTestId('ship-order').click();
  // ship one unit of the first line only: a partial shipment
  const qty = page.locator('.ant-modal [data-testid^="ship-qty-"] input');
  const count = await qty.count();
  for (let i = 0; i < count; i++) await qty.nth(i).fill(i === 0 ? '1' : '0');
  await page.getByTestId('ship-submit').click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', /PARTIALLY_SHIPPED|SHIPPED/);
  await shot(page, 'order-detail-zh');
});

test('warehouse sees stock levels with low stock highlighted', async ({ page }) => {
  await login(page, 'warehouse@demo.test');
  await page.goto('/stock');
  await waitForTable(page, 'stock-levels');
  await shot(page, 'stock-levels-zh');
});
