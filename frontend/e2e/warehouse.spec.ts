import { expect, test, type Page } from '@playwright/test';
import { apiHasType, login, loginAs, shot, waitForTable } from './helpers';

test.beforeEach(async ({ request }) => {
  test.skip(!(await apiHasType(request, 'Order')), 'the orders/stock module (issue 3) is not in the API yet');
});

async function openFirstOrder(page: Page, statusLabel: string, index = 0) {
  await page.goto('/orders');
  await waitForTable(page, 'orders-table');
  await page.getByTestId('filter-status').click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: statusLabel });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page.getByTestId('filter-status')).toContainText(statusLabel);
  const table = await waitForTable(page, 'orders-table');
  await expect(table.locator('.crm-row').first().getByTestId('order-status-tag')).toContainText(statusLabel);
  await table.locator(`.crm-row a[href^="/orders/"]`).nth(index).click();
  await expect(page.getByTestId('order-status')).toBeVisible();
}

test('an order is confirmed (stock reserved, shortages named per line) and the warehouse ships part of it', async ({ page }) => {
  // confirming reserves stock, so the warehouse (who may ship) may confirm
  await login(page, 'warehouse@demo.test');
  let url = '';
  for (let attempt = 0; attempt < 5 && !url; attempt++) {
    await openFirstOrder(page, '草稿', attempt);
    await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'DRAFT');
    await page.getByTestId('confirm-order').click();
    const shortage = page.getByTestId('shortages');
    await expect(page.locator('[data-testid="order-status"][data-status="CONFIRMED"]').or(shortage)).toBeVisible();
    if (await shortage.isVisible()) {
      // INSUFFICIENT_STOCK: each short line is named; leave this draft and take the next one
      await shot(page, 'order-insufficient-stock-zh');
      await expect(page.getByRole('button', { name: /取消订单/ })).toHaveCount(0);
      continue;
    }
    url = page.url();
  }
  expect(url).not.toBe('');
  await expect(page.getByTestId('main-menu')).toContainText('库存');
  await page.goto(url);
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED');
  // the warehouse may not read customers, but it reads where the goods go
  await expect(page.getByTestId('order-ship-to')).toBeVisible();
  await expect(page.getByTestId('order-ship-to')).not.toContainText('*');
  await expect(page.getByTestId('confirm-order')).toHaveCount(0);
  await expect(page.getByTestId('record-payment')).toHaveCount(0);
  await page.getByTestId('ship-order').click();
  // one unit of the first line only: a partial shipment
  const qty = page.locator('.ant-modal input[data-testid^="ship-qty-"], .ant-modal [data-testid^="ship-qty-"] input');
  const count = await qty.count();
  for (let i = 0; i < count; i++) await qty.nth(i).fill(i === 0 ? '1' : '0');
  await page.locator('.ant-modal input#carrier, .ant-modal input[id$="carrier"]').first().fill('顺丰速运');
  await page.getByTestId('ship-submit').click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', /PARTIALLY_SHIPPED|SHIPPED/);
  // the earlier steps stay in the history after shipping, translated
  await expect(page.getByTestId('order-history')).toContainText('已确认');
  await expect(page.getByTestId('order-history')).toContainText('草稿');
  // the shipment's date column says what it is; the new shipment awaits the carrier
  await expect(page.getByTestId('shipments').locator('th')).toContainText(['发货时间']);
  await expect(page.getByTestId('shipment-status').last()).toHaveAttribute('data-status', 'PENDING');
  // tracking: in transit, then delivered
  await page.getByTestId('shipment-IN_TRANSIT').click();
  await expect(page.getByTestId('shipment-DELIVERED')).toBeVisible();
  await shot(page, 'order-detail-zh');
});

test('warehouse sees stock levels with low stock highlighted and receives goods', async ({ page }) => {
  await login(page, 'warehouse@demo.test');
  await page.goto('/stock');
  const table = await waitForTable(page, 'stock-levels');
  await shot(page, 'stock-levels-zh');
  // the row of one product in one warehouse (rows re-sort when a level stops being low)
  const first = table.locator('tbody tr.ant-table-row').first();
  const product = (await first.locator('td').nth(0).textContent())?.replace('低库存', '').trim() ?? '';
  const warehouse = (await first.locator('td').nth(1).textContent())?.trim() ?? '';
  const row = table.locator('tbody tr.ant-table-row').filter({ hasText: product }).filter({ hasText: warehouse });
  await expect(row).toHaveCount(1);
  const onHand = Number((await row.locator('td').nth(2).textContent())?.trim());
  await row.getByRole('button', { name: /入\s*库/ }).click();
  await page.locator('.ant-modal input').first().fill('5');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await expect(row.locator('td').nth(2)).toHaveText(String(onHand + 5));

  // adjust (a count correction needs a reason) and transfer to the other warehouse
  await row.getByRole('button', { name: /调\s*整/ }).click();
  await page.getByTestId('stock-quantity').fill('-2');
  await page.getByTestId('stock-reason').fill('盘点差异');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await expect(row.locator('td').nth(2)).toHaveText(String(onHand + 3));
  await row.getByRole('button', { name: /调\s*拨/ }).click();
  await page.locator('.ant-modal input').first().fill('1');
  await page.locator('.ant-modal .ant-select').click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await expect(row.locator('td').nth(2)).toHaveText(String(onHand + 2));

  await page.getByRole('tab', { name: '出入库流水' }).click();
  const moves = page.getByTestId('stock-movements');
  // kinds in the user's language, and a -2 adjustment reads −2
  await expect(moves).toContainText('入库');
  await expect(moves).toContainText('盘点调整');
  await expect(moves).toContainText('调拨出库');
  await expect(moves).not.toContainText('TRANSFER_OUT');
  const adjust = moves.locator('tbody tr', { has: page.locator('[data-kind="ADJUST"]') }).first();
  await expect(adjust.getByTestId('movement-quantity')).toHaveText('\u22122');
});

test('finance records a payment on a confirmed order', async ({ page }) => {
  await login(page, 'finance@demo.test');
  await openFirstOrder(page, '已发货');
  await page.getByTestId('record-payment').click();
  // an amount as people type it, with a thousands separator
  await page.getByTestId('payment-amount').fill('1,000.50');
  await page.getByTestId('payment-submit').click();
  await expect(page.locator('.ant-message')).toContainText('操作成功');
  await expect(page.getByTestId('payments')).toContainText('¥1,000.50');
  await expect(page.getByTestId('payments')).toContainText('银行转账');
  // ...and without one, one decimal only
  await page.getByTestId('record-payment').click();
  await page.getByTestId('payment-amount').fill('1000.5');
  await page.getByTestId('payment-submit').click();
  await expect(page.getByTestId('payments').getByText('¥1,000.50')).toHaveCount(2);
  await shot(page, 'order-payment-zh');
});

test('a return of one shipped unit: requested, approved, received back, refunded', async ({ page }) => {
  await login(page, 'manager@demo.test');
  await openFirstOrder(page, '已发货');
  await page.getByTestId('request-return').click();
  const modal = page.locator('.ant-modal');
  await modal.locator('input[data-testid^="return-qty-"], [data-testid^="return-qty-"] input').first().fill('1');
  await modal.locator('textarea').fill('包装破损');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.locator('.ant-message')).toContainText('操作成功');
  await expect(page.getByTestId('returns')).toContainText('待审批');
  // its lifecycle: approved (after a summary), goods received back into stock, refunded (after a summary)
  await page.getByTestId('approve-return').first().click();
  await expect(page.getByTestId('approve-return-summary')).toContainText('包装破损');
  await page.getByTestId('approve-return-confirm').click();
  await expect(page.getByTestId('returns')).toContainText('已批准');
  await page.getByTestId('receive-return').first().click();
  await expect(page.getByTestId('returns')).toContainText('已收货');
  await page.getByTestId('refund-return').first().click();
  await expect(page.getByTestId('refund-summary')).toContainText('将向客户退款 ¥');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('returns')).toContainText('已退款');
  await expect(page.getByTestId('returns')).not.toContainText('REFUNDED');
  await shot(page, 'order-return-zh');
});

test('an order reads in English: labels, statuses, methods, where the goods are', async ({ page }) => {
  await loginAs(page, 'finance@demo.test', 'en');
  await page.goto('/orders?status=SHIPPED');
  const table = await waitForTable(page, 'orders-table');
  await expect(table.getByTestId('order-status-tag').first()).toHaveText('Shipped');
  await table.locator('.crm-row a[href^="/orders/"]').first().click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'SHIPPED');
  await expect(page.getByTestId('shipments').locator('th')).toContainText(['Delivery', 'Shipped on']);
  await expect(page.getByTestId('order-history')).toContainText('Confirmed');
  await expect(page.getByTestId('order-history')).toContainText('Shipped');
  for (const raw of ['PARTIALLY_SHIPPED', 'BANK_TRANSFER', 'IN_TRANSIT', 'TRANSFER_IN', 'shipment ']) await expect(page.locator('main')).not.toContainText(raw);
  await shot(page, 'order-detail-en');
});

test('cancelling an order first says which order and what happens to its stock', async ({ page }) => {
  await login(page, 'manager@demo.test');
  await openFirstOrder(page, '草稿');
  const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
  await page.getByTestId('cancel-order').click();
  await expect(page.getByTestId('cancel-summary')).toContainText(`取消订单 ${number}`);
  await expect(page.getByTestId('cancel-summary')).toContainText('已预留的库存将释放');
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CANCELLED');
  await expect(page.getByTestId('order-history')).toContainText('已取消');
  await shot(page, 'order-cancelled-zh');
});
