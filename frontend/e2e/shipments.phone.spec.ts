import { expect, test } from '@playwright/test';
import { apiHasType, expectNoClipping, LANGS, loginAs, shot, tag, waitForTable } from './helpers';
import { QUEUE_TEXT } from './shipments.texts';

test.beforeEach(async ({ request }) => {
  test.skip(!(await apiHasType(request, 'ShipmentConnection')), 'the shipments list is not in the API');
});

for (const lang of LANGS) {
  const T = QUEUE_TEXT[lang];

  test(`the shipping queue on a 390 px phone: a card per order, the tabs in reach, nothing cut off (${lang})`, async ({ page }) => {
    await loginAs(page, 'warehouse@demo.test', lang);
    await page.goto('/shipments');
    const list = await waitForTable(page, 'queue-table');
    await expect(list).toHaveAttribute('data-layout', 'cards');
    await expect(list.locator('table')).toHaveCount(0);
    const card = list.locator('.crm-row').first();
    await expect(card.locator('.crm-card-title')).not.toBeEmpty();
    await expect(card.getByTestId('queue-ship-to')).not.toHaveText('—');
    await expect(card.getByTestId('queue-ship')).toBeVisible();
    await expectNoClipping(page);
    await shot(page, `phone-shipments-pick-${tag(lang)}`);
    // every tab fits on the screen
    for (const name of [T.pick, T.ship, T.transit]) {
      const box = await page.getByRole('tab', { name }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, name).toBeTruthy();
    }
    await page.getByRole('tab', { name: T.transit }).tap();
    await expect(page).toHaveURL(/tab=transit/);
    const moving = await waitForTable(page, 'queue-table');
    await expect(moving.locator('.crm-row').first().getByTestId('queue-status')).toHaveText(T.inTransit);
    await expect(moving.locator('.crm-row').first().getByTestId('queue-DELIVERED')).toBeVisible();
    await expectNoClipping(page);
    await shot(page, `phone-shipments-transit-${tag(lang)}`);
  });
}
