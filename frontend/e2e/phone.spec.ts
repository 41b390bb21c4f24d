import { expect, test } from '@playwright/test';
import { expectNoClipping, loginAs, shot, waitForTable } from './helpers';

test('a rep\'s customer list on a 390 px phone: cards, filters in a drawer, a follow-up in two taps', async ({ page }) => {
  await loginAs(page, 'rep1@demo.test', 'zh-CN');
  await page.goto('/customers');
  const list = await waitForTable(page, 'customers-table');
  await expect(list).toHaveAttribute('data-layout', 'cards');
  await expect(list.locator('table')).toHaveCount(0);
  const card = list.locator('.crm-row').first();
  // name, stage, owner, next follow-up
  await expect(card.locator('.crm-card-title')).not.toBeEmpty();
  await expect(card.locator('.ant-tag').first()).toBeVisible();
  await expect(card.getByTestId('owner-cell')).toContainText('张伟');
  await expect(card.getByTestId('next-follow-up')).toContainText('下次跟进');
  await expectNoClipping(page);
  await shot(page, 'phone-customers-zh');

  // the filters sit in a drawer behind one button that counts them
  await page.getByTestId('open-filters').click();
  const drawer = page.getByTestId('filter-drawer');
  await expect(drawer).toBeVisible();
  await drawer.getByTestId('filter-level').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'B 级' }).click();
  await expect(page).toHaveURL(/level=B/);
  await shot(page, 'phone-filters-zh');
  await page.getByTestId('close-filters').click();
  await expect(page.getByTestId('active-filters')).toHaveText('1');

  // two taps: 写跟进 on the card, then the kind
  const name = (await list.locator('.crm-row').first().locator('.crm-card-title').textContent())?.trim() ?? '';
  await list.locator('.crm-row').first().getByTestId('quick-follow-up').tap();
  await page.getByTestId('quick-CALL').tap();
  await expect(page.locator('.ant-message')).toContainText('已记录：电话');
  await list.locator('.crm-row').first().locator('.crm-card-title').tap();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  const entry = page.getByTestId('customer-timeline').getByTestId('timeline-entry').first();
  await expect(entry.getByTestId('timeline-headline')).toHaveText('张伟 Zhang Wei 记录了一次电话');
  await expect(entry).toContainText('电话跟进');
  await expectNoClipping(page);
  await shot(page, 'phone-customer-detail-zh');
  await page.getByTestId('menu-toggle').tap();
  await expect(page.getByTestId('main-menu')).toBeVisible();
});

test('in English on a phone: the detail header wraps a long name, tags and statuses are never cut off', async ({ page }) => {
  await loginAs(page, 'manager@demo.test', 'en');
  await page.goto('/customers');
  const list = await waitForTable(page, 'customers-table');
  await expectNoClipping(page);
  await shot(page, 'phone-customers-en');
  // the longest name on the page
  const titles = await list.locator('.crm-card-title').allTextContents();
  const longest = titles.reduce((a, b) => (b.length > a.length ? b : a), '');
  await list.locator('.crm-card-title', { hasText: longest }).first().tap();
  await expect(page.getByTestId('customer-name')).toHaveText(longest);
  const header = page.getByTestId('customer-header');
  const box = await page.getByTestId('customer-name').boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBeTruthy();
  await expect(header.getByTestId('quick-follow-up')).toBeVisible();
  await expectNoClipping(page);
  await shot(page, 'phone-customer-header-en');

  await page.goto('/orders');
  await waitForTable(page, 'orders-table');
  await expect(page.getByTestId('orders-table')).toHaveAttribute('data-layout', 'cards');
  await expect(page.getByTestId('order-status-tag').first()).toBeVisible();
  await expectNoClipping(page);
  await shot(page, 'phone-orders-en');
});

test('claim results on a phone: names, linked, inside the dialog', async ({ page }) => {
  await loginAs(page, 'rep2@demo.test', 'zh-CN');
  await page.goto('/customers?view=pool');
  const list = await waitForTable(page, 'customers-table');
  const boxes = list.locator('.crm-row .ant-checkbox-input');
  const names: string[] = [];
  for (let i = 0; i < 2; i++) {
    await boxes.nth(i).check();
    names.push((await list.locator('.crm-row').nth(i).locator('.crm-card-title').textContent())?.trim() ?? '');
  }
  await page.getByTestId('claim-selected').tap();
  const results = page.getByTestId('bulk-results');
  await expect(results).toHaveAttribute('data-finished', 'true');
  await expect(results.getByTestId('bulk-customer')).toHaveText(names);
  await expectNoClipping(page);
  const box = await page.locator('.ant-modal').boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBeTruthy();
  await shot(page, 'phone-claim-results-zh');
});

test('the pipeline on a phone: one stage per screen, a stage switcher, move a deal without dragging', async ({ page }) => {
  await loginAs(page, 'rep1@demo.test', 'zh-CN');
  await page.goto('/pipeline');
  const board = page.getByTestId('pipeline-board');
  await expect(board).toHaveAttribute('data-layout', 'one-stage');
  await expect(board.locator('.crm-column')).toHaveCount(1);
  const first = (await page.getByTestId('stage-select').textContent())?.trim() ?? '';
  await page.getByTestId('stage-next').tap();
  await expect(page.getByTestId('stage-select')).not.toHaveText(first);
  await expect(page).toHaveURL(/stage=/);
  // back to a stage with deals, and move one to the next stage with its menu
  await page.getByTestId('stage-prev').tap();
  for (let i = 0; i < 3 && !(await board.getByTestId('opportunity-card').count()); i++) await page.getByTestId('stage-next').tap();
  const card = board.getByTestId('opportunity-card').first();
  const title = (await card.locator('strong').first().textContent())?.trim() ?? '';
  await card.getByTestId('move-to').click();
  const target = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasNotText: /赢单|输单/ }).first();
  const targetName = (await target.textContent())?.trim() ?? '';
  await target.click();
  await expect(page.locator('.ant-message')).toContainText(`${title} → ${targetName}`);
  await expectNoClipping(page);
  await shot(page, 'phone-pipeline-zh');
  // a card opens its opportunity
  await page.getByTestId('stage-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: targetName }).click();
  await board.getByTestId('opportunity-card').filter({ hasText: title }).locator('strong').first().tap();
  await expect(page.getByTestId('opportunity-title')).toHaveText(title);
  await expectNoClipping(page);
});
