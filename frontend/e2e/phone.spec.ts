import { expect, test } from '@playwright/test';
import { login, shot, waitForTable } from './helpers';

test('a rep works from a 390 px phone: list, detail, log an interaction', async ({ page }) => {
  await login(page, 'rep1@demo.test');
  await page.goto('/customers');
  const table = await waitForTable(page, 'customers-table');
  // no horizontal scroll of the page itself
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await shot(page, 'phone-customers-zh');
  await table.locator('tbody tr.ant-table-row a').first().click();
  await expect(page.getByTestId('customer-profile')).toBeVisible();
  await page.getByTestId('log-interaction').click();
  await page.getByTestId('interaction-summary').fill('手机上记录的拜访');
  await page.getByTestId('interaction-submit').click();
  await expect(page.getByTestId('customer-timeline')).toContainText('手机上记录的拜访');
  await shot(page, 'phone-customer-detail-zh');
  await page.getByTestId('menu-toggle').click();
  await expect(page.getByTestId('main-menu')).toBeVisible();
});
