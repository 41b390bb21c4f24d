import { expect, test } from '@playwright/test';
import { loginAs, shot, waitForTable } from './helpers';

test('select every customer the filter matches, tag them, and read the outcome by name (English)', async ({ page }) => {
  await loginAs(page, 'manager@demo.test', 'en');
  await page.goto('/customers?size=10&stage=CUSTOMER');
  const table = await waitForTable(page, 'customers-table');
  const total = Number(/\d+/.exec((await page.getByTestId('customer-total').textContent()) ?? '')?.[0]);
  expect(total).toBeGreaterThan(10);
  await table.locator('thead .ant-checkbox-input').check();
  await expect(page.getByTestId('selected-count')).toHaveText('10 selected');
  // more than the page: every row the filter matches
  await page.getByTestId('select-all-matching').click();
  await expect(page.getByTestId('selected-count')).toHaveText(`${total} selected`);
  await page.getByTestId('bulk-addTags').click();
  await page.getByTestId('bulk-tag-select').click();
  // pick with the keyboard: a click can land while the dropdown is still animating
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const ok = page.locator('.ant-modal').getByRole('button', { name: /OK/ });
  await expect(ok).toBeEnabled();
  await ok.click();
  const results = page.getByTestId('bulk-results');
  await expect(results).toHaveAttribute('data-finished', 'true');
  await expect(results.locator('.crm-bulk-item')).toHaveCount(total);
  await expect(results.getByTestId('bulk-customer')).toHaveCount(total);
  await expect(results).not.toContainText('Q3VzdG9tZXI');
  // the list scrolls inside the dialog, which stays on the screen
  const fits = await page.evaluate(() => {
    const list = document.querySelector<HTMLElement>('[data-testid="bulk-list"]')!;
    const modal = list.closest<HTMLElement>('.ant-modal')!.getBoundingClientRect();
    return { scrolls: list.scrollHeight > list.clientHeight, inside: modal.right <= window.innerWidth && modal.bottom <= window.innerHeight + 1 };
  });
  expect(fits).toEqual({ scrolls: true, inside: true });
  await shot(page, 'bulk-all-matching-en');
  // a name opens its customer
  const first = (await results.getByTestId('bulk-customer').first().textContent())?.trim() ?? '';
  await results.getByTestId('bulk-customer').first().click();
  await expect(page.getByTestId('customer-name')).toHaveText(first);
});
