import { expect, test } from '@playwright/test';
import { apiHasType, LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

/** The antd form item of one field of the open dialog. */
const fieldItem = (page: import('@playwright/test').Page, testId: string) =>
  page.locator('.ant-modal .ant-form-item', { has: page.getByTestId(testId) });

const TEXT = {
  'zh-CN': { name: '错误测试', phoneError: '不是有效的电话号码', ok: /确\s*定/, adjust: /调\s*整/, reason: '盘点', fieldPrefix: '调整数量：', shortage: /仅有 \d+ 件可用/, serverWords: 'available to remove' as string | null },
  en: { name: 'Error test', phoneError: 'not a valid phone number', ok: /OK/, adjust: /Adjust/, reason: 'Stock count', fieldPrefix: '', shortage: /Only \d+ of .+ available/, serverWords: null },
} satisfies Record<Lang, unknown>;

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`a field error from the server shows in the user's language under its field and clears when the field is corrected (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/customers');
    await waitForTable(page, 'customers-table');
    await page.getByTestId('new-customer').click();
    await page.getByTestId('customer-name').fill(`${T.name} ${Date.now()}`);
    await page.getByTestId('customer-phone').fill('abc');
    await page.getByTestId('create-customer-submit').click();
    const phone = fieldItem(page, 'customer-phone');
    await expect(phone.locator('.ant-form-item-explain')).toContainText(T.phoneError);
    // a Chinese user reads the app's wording; an English one may read the server's own English
    if (lang === 'zh-CN') await expect(page.locator('.ant-modal')).not.toContainText('is not a valid');
    await shot(page, `field-error-${tag(lang)}`);
    await page.getByTestId('customer-phone').fill('13812345678');
    await expect(phone.locator('.ant-form-item-explain-error')).toHaveCount(0);
  });

  test(`removing more stock than there is: the code and its figures in the user's language, not in another language (${lang})`, async ({ page, request }) => {
    test.skip(!(await apiHasType(request, 'StockLevel')), 'the stock module is not in the API');
    await loginAs(page, 'warehouse@demo.test', lang);
    await page.goto('/stock');
    const table = await waitForTable(page, 'stock-levels');
    await table.locator('tbody tr.ant-table-row').first().getByRole('button', { name: T.adjust }).click();
    await page.getByTestId('stock-quantity').fill('-9999999');
    await page.getByTestId('stock-reason').fill(T.reason);
    await page.locator('.ant-modal').getByRole('button', { name: T.ok }).click();
    const msg = page.locator('.ant-message-error');
    if (T.fieldPrefix) await expect(msg).toContainText(T.fieldPrefix);
    // the figures the server sent (params), in the user's language
    await expect(msg).toContainText(T.shortage);
    if (T.serverWords) await expect(msg).not.toContainText(T.serverWords);
    if (lang === 'en') await expect(msg).not.toContainText(/[\u4e00-\u9fff]/);
    await shot(page, `stock-error-${tag(lang)}`);
  });
}

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
