import { expect, test } from '@playwright/test';
import { expectNoClipping, LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

const TEXT = {
  'zh-CN': {
    nextFollowUp: '下次跟进', levelB: 'B 级', logged: '已记录：电话', headline: '张伟 Zhang Wei 记录了一次电话', summary: '电话跟进', closed: /赢单|输单/,
  },
  en: {
    nextFollowUp: 'Next follow-up', levelB: 'B', logged: 'Logged: Call', headline: '张伟 Zhang Wei logged a call', summary: 'Call follow-up', closed: /Won|Lost/,
  },
} satisfies Record<Lang, unknown>;

for (const lang of LANGS) {
  const T = TEXT[lang];


  test(`a rep's customer list on a 390 px phone: cards, filters in a drawer, a follow-up in two taps (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await page.goto('/customers');
    const list = await waitForTable(page, 'customers-table');
    await expect(list).toHaveAttribute('data-layout', 'cards');
    await expect(list.locator('table')).toHaveCount(0);
    const card = list.locator('.crm-row').first();
    // name, stage, owner, next follow-up
    await expect(card.locator('.crm-card-title')).not.toBeEmpty();
    await expect(card.locator('.ant-tag').first()).toBeVisible();
    await expect(card.getByTestId('owner-cell')).toContainText('张伟');
    await expect(card.getByTestId('next-follow-up')).toContainText(T.nextFollowUp);
    await expectNoClipping(page);
    await shot(page, `phone-customers-${tag(lang)}`);

    // the filters sit in a drawer behind one button that counts them
    await page.getByTestId('open-filters').click();
    const drawer = page.getByTestId('filter-drawer');
    await expect(drawer).toBeVisible();
    await drawer.getByTestId('filter-level').click();
    // hover makes the option the active one, Enter picks it (a click can land while the dropdown still animates)
    const levelB = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: T.levelB });
    await expect(levelB).toBeVisible();
    await levelB.hover();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/level=B/);
    await shot(page, `phone-filters-${tag(lang)}`);
    await page.getByTestId('close-filters').click();
    await expect(page.getByTestId('active-filters')).toHaveText('1');

    // two taps: 写跟进 on the card, then the kind
    const name = (await list.locator('.crm-row').first().locator('.crm-card-title').textContent())?.trim() ?? '';
    await list.locator('.crm-row').first().getByTestId('quick-follow-up').tap();
    await page.getByTestId('quick-CALL').tap();
    await expect(page.locator('.ant-message')).toContainText(T.logged);
    await list.locator('.crm-row').first().locator('.crm-card-title').tap();
    await expect(page.getByTestId('customer-name')).toHaveText(name);
    // the follow-up just logged (the seed dates some events of its customers ahead of today)
    const entry = page.getByTestId('customer-timeline').getByTestId('timeline-entry').filter({ hasText: T.summary }).first();
    await expect(entry.getByTestId('timeline-headline')).toHaveText(T.headline);
    await expectNoClipping(page);
    await shot(page, `phone-customer-detail-${tag(lang)}`);
    await page.getByTestId('menu-toggle').tap();
    await expect(page.getByTestId('main-menu')).toBeVisible();
  });

  test(`on a phone: the detail header wraps a long name, tags and statuses are never cut off (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/customers');
    const list = await waitForTable(page, 'customers-table');
    await expectNoClipping(page);
    await shot(page, `phone-customers-manager-${tag(lang)}`);
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
    await shot(page, `phone-customer-header-${tag(lang)}`);

    await page.goto('/orders');
    await waitForTable(page, 'orders-table');
    await expect(page.getByTestId('orders-table')).toHaveAttribute('data-layout', 'cards');
    await expect(page.getByTestId('order-status-tag').first()).toBeVisible();
    await expectNoClipping(page);
    await shot(page, `phone-orders-${tag(lang)}`);
  });

  test(`claim results on a phone: names, linked, inside the dialog (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep2@demo.test', lang);
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
    await shot(page, `phone-claim-results-${tag(lang)}`);
  });

  test(`the pipeline on a phone: one stage per screen, a stage switcher, move a deal without dragging (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
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
    const target = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasNotText: T.closed }).first();
    const targetName = (await target.textContent())?.trim() ?? '';
    await target.click();
    await expect(page.locator('.ant-message')).toContainText(`${title} → ${targetName}`);
    await expectNoClipping(page);
    await shot(page, `phone-pipeline-${tag(lang)}`);
    // a card opens its opportunity
    await page.getByTestId('stage-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: targetName }).click();
    await board.getByTestId('opportunity-card').filter({ hasText: title }).locator('strong').first().tap();
    await expect(page.getByTestId('opportunity-title')).toHaveText(title);
    await expectNoClipping(page);
  });
}
