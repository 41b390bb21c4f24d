import { expect, test, type Page } from '@playwright/test';
import { apiHasType, LANGS, loginAs, shot, tag, waitForTable } from './helpers';
import { QUEUE_TEXT } from './shipments.texts';

test.beforeEach(async ({ request }) => {
  test.skip(!(await apiHasType(request, 'ShipmentConnection')), 'the shipments list is not in the API');
});


const queueTotal = async (page: Page) => Number(/\d+/.exec((await page.getByTestId('list-pagination').textContent()) ?? '')?.[0] ?? 0);

for (const lang of LANGS) {
  const T = QUEUE_TEXT[lang];

  test(`the warehouse works its queue: picks an order, hands the parcel to the carrier, sees it in transit (${lang})`, async ({ page }) => {
    await loginAs(page, 'warehouse@demo.test', lang);
    await page.getByTestId('main-menu').getByText(T.menu).click();
    await expect(page).toHaveURL(/\/shipments/);
    // to pick: confirmed orders with goods still to leave, each with who it is for and where it goes
    await expect(page.getByRole('tab', { name: T.pick })).toHaveAttribute('aria-selected', 'true');
    const table = await waitForTable(page, 'queue-table');
    for (const s of await table.getByTestId('queue-status').allTextContents()) expect([T.confirmed, T.partly]).toContain(s);
    const first = table.locator('.crm-row').first();
    await expect(first.getByTestId('queue-customer')).not.toHaveText('—');
    await expect(first.getByTestId('queue-ship-to')).not.toHaveText('—');
    // the warehouse reads where the goods go in clear
    await expect(first.getByTestId('queue-ship-to')).not.toContainText('*');
    await expect(table).not.toContainText('CONFIRMED');
    await shot(page, `shipments-pick-${tag(lang)}`);

    // pick the first order: its page, ship everything left
    const number = (await first.getByTestId('queue-order').textContent())?.trim() ?? '';
    await first.getByTestId('queue-ship').click();
    await expect(page.getByTestId('order-number')).toHaveText(number);
    await page.getByTestId('ship-order').click();
    // a carrier of this run only, to tell this parcel from the order's earlier ones
    const carrier = `顺丰速运 ${Date.now() % 1_000_000}`;
    await page.locator('.ant-modal input#carrier, .ant-modal input[id$="carrier"]').first().fill(carrier);
    await page.getByTestId('ship-submit').click();
    await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', /SHIPPED/);
    await page.goBack();
    await expect(page).toHaveURL(/\/shipments/);

    // to ship: the parcel waits for the carrier, named by its order
    await page.getByRole('tab', { name: T.ship }).click();
    await expect(page).toHaveURL(/tab=ship/);
    const waiting = await waitForTable(page, 'queue-table');
    for (const s of await waiting.getByTestId('queue-status').allTextContents()) expect(s).toBe(T.pending);
    const parcel = waiting.locator('.crm-row', { hasText: number });
    await expect(parcel).toHaveCount(1);
    await expect(parcel).toContainText(carrier);
    const before = await queueTotal(page);
    await shot(page, `shipments-to-ship-${tag(lang)}`);
    await parcel.getByTestId('queue-IN_TRANSIT').click();
    await expect(page.locator('.ant-message')).toContainText(T.handedOver(number));
    await expect(parcel).toHaveCount(0);
    if (before > 1) await expect.poll(() => queueTotal(page)).toBe(before - 1);

    // in transit: there it is; the tab survives a reload; the order is one click away
    await page.getByRole('tab', { name: T.transit }).click();
    await expect(page).toHaveURL(/tab=transit/);
    const moving = await waitForTable(page, 'queue-table');
    // the number on the packing slip finds it among the parcels on their way
    await page.getByTestId('list-search').locator('input').fill(number);
    await expect(page).toHaveURL(new RegExp(`q=${number}`));
    await expect(moving.locator('.crm-row', { hasText: carrier })).toHaveCount(1);
    for (const n of await moving.getByTestId('queue-order').allTextContents()) expect(n).toBe(number);
    await expect(moving.locator('.crm-row', { hasText: carrier }).getByTestId('queue-status')).toHaveText(T.inTransit);
    await page.reload();
    await expect(page.getByRole('tab', { name: T.transit })).toHaveAttribute('aria-selected', 'true');
    await moving.locator('.crm-row', { hasText: carrier }).getByTestId('queue-order').click();
    await expect(page.getByTestId('order-number')).toHaveText(number);
    await expect(page.getByTestId('shipment-status').last()).toHaveAttribute('data-status', 'IN_TRANSIT');
  });

  test(`a manager's queue names the customer and links to it (${lang})`, async ({ page }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/shipments?tab=transit');
    const table = await waitForTable(page, 'queue-table');
    const customer = table.locator('.crm-row').first().getByTestId('queue-customer');
    await expect(customer).toHaveAttribute('href', /\/customers\//);
    const name = (await customer.textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    await expect(table.getByTestId('queue-status').first()).toHaveText(T.inTransit);
    await customer.click();
    await expect(page.getByTestId('customer-name')).toHaveText(name);
  });
}
