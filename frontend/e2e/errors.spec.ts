import { expect, test } from '@playwright/test';
import { apiHasType, loginAs, shot, waitForTable } from './helpers';

/** The antd form item of one field of the open dialog. */
const fieldItem = (page: import('@playwright/test').Page, testId: string) =>
  page.locator('.ant-modal .ant-form-item', { has: page.getByTestId(testId) });

test('a field error from the server shows in Chinese under its field and clears when the field is corrected', async ({ page }) => {
  await loginAs(page, 'manager@demo.test', 'zh-CN');
  await page.goto('/customers');
  await waitForTable(page, 'customers-table');
  await page.getByTestId('new-customer').click();
  await page.getByTestId('customer-name').fill(`错误测试 ${Date.now()}`);
  await page.getByTestId('customer-phone').fill('abc');
  await page.getByTestId('create-customer-submit').click();
  const phone = fieldItem(page, 'customer-phone');
  await expect(phone.locator('.ant-form-item-explain')).toHaveText('不是有效的电话号码');
  await expect(page.locator('.ant-modal')).not.toContainText('is not a valid');
  await shot(page, 'field-error-zh');
  await page.getByTestId('customer-phone').fill('13812345678');
  await expect(phone.locator('.ant-form-item-explain-error')).toHaveCount(0);
});

test('the same error reads in English for an English user', async ({ page }) => {
  await loginAs(page, 'manager@demo.test', 'en');
  await page.goto('/customers');
  await waitForTable(page, 'customers-table');
  await page.getByTestId('new-customer').click();
  await page.getByTestId('customer-name').fill(`Error test ${Date.now()}`);
  await page.getByTestId('customer-phone').fill('abc');
  await page.getByTestId('create-customer-submit').click();
  const phone = fieldItem(page, 'customer-phone');
  await expect(phone.locator('.ant-form-item-explain')).toContainText('not a valid phone number');
  await shot(page, 'field-error-en');
  await page.getByTestId('customer-phone').fill('13812345678');
  await expect(phone.locator('.ant-form-item-explain-error')).toHaveCount(0);
});

test('removing more stock than there is: the code in Chinese, not the server\'s English', async ({ page, request }) => {
  test.skip(!(await apiHasType(request, 'StockLevel')), 'the stock module is not in the API');
  await loginAs(page, 'warehouse@demo.test', 'zh-CN');
  await page.goto('/stock');
  const table = await waitForTable(page, 'stock-levels');
  await table.locator('tbody tr.ant-table-row').first().getByRole('button', { name: /调\s*整/ }).click();
  await page.getByTestId('stock-quantity').fill('-9999999');
  await page.getByTestId('stock-reason').fill('盘点');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  const msg = page.locator('.ant-message-error');
  await expect(msg).toContainText('调整数量：');
  // the figures the server sent (params), worded in Chinese
  await expect(msg).toContainText(/仅有 \d+ 件可用/);
  await expect(msg).not.toContainText('available to remove');
  await shot(page, 'stock-error-zh');
});

test('a wrong password in English', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('login-form').locator('input[name="email"]').fill('rep1@demo.test');
  await page.getByTestId('login-form').locator('input[name="password"]').fill('wrong-password');
  await page.getByTestId('login-form').locator('button[type="submit"]').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('login-error')).not.toContainText(/[\u4e00-\u9fff]/);
  await expect(page.getByTestId('login-form')).toContainText('Password');
});
