import { expect, test } from '@playwright/test';
import { login, shot } from './helpers';

test('switches between zh-CN and English and remembers it', async ({ page }) => {
  await login(page, 'rep1@demo.test');
  await page.goto('/customers');
  await expect(page.getByTestId('main-menu')).toContainText('客户管理');
  await page.getByTestId('language-switch').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: 'English' }).click();
  await expect(page.getByTestId('main-menu')).toContainText('Customers');
  await expect(page.getByTestId('logout')).toContainText('Log out');
  await page.reload();
  await expect(page.getByTestId('main-menu')).toContainText('Customers');
  await shot(page, 'customers-list-en');
  await page.getByTestId('language-switch').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '简体中文' }).click();
  await expect(page.getByTestId('main-menu')).toContainText('客户管理');
});

test('a wrong password shows the server error', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-form').locator('input').first().fill('rep1@demo.test');
  await page.locator('input[type="password"]').fill('not-the-password');
  await page.getByTestId('login-form').locator('button[type="submit"]').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await shot(page, 'login-error-zh');
});
