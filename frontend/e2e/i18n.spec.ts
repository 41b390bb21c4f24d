import { expect, test } from '@playwright/test';
import { login, shot } from './helpers';

test('switches between zh-CN and English and remembers it', async ({ page }) => {
  await login(page, 'rep1@demo.test');
  await page.goto('/customers');
  await expect(page.getByTestId('main-menu')).toContainText('客户管理');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('main-menu')).toContainText('Customers');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('logout')).toContainText('Log out');
  await page.reload();
  await expect(page.getByTestId('main-menu')).toContainText('Customers');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, 'customers-list-en');
  await page.getByTestId('lang-zh-CN').click();
  await expect(page.getByTestId('main-menu')).toContainText('客户管理');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a wrong password shows the server error', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-form').locator('input[name="email"]').fill('rep1@demo.test');
  await page.getByTestId('login-form').locator('input[name="password"]').fill('not-the-password');
  await page.getByTestId('login-form').locator('button[type="submit"]').click();
  // the code in Chinese, not the server's English message
  await expect(page.getByTestId('login-error')).toHaveText('邮箱或密码错误');
  await shot(page, 'login-error-zh');
  // switching the language re-renders the error; correcting the field clears it
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('login-error')).not.toContainText('邮箱');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, 'login-error-en');
  await page.getByTestId('login-form').locator('input[name="password"]').fill('still-wrong');
  await expect(page.getByTestId('login-error')).toHaveCount(0);
});
