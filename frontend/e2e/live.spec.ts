import { expect, test, type Browser, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

/**
 * Two people at once: what one of them commits appears on the other's screen through the
 * subscription, with no reload (the page keeps a marker set before the change).
 */
const TEXT = {
  'zh-CN': { summary: '实时推送的电话', deal: '实时商机' },
  en: { summary: 'Call pushed live', deal: 'Live deal' },
} satisfies Record<Lang, unknown>;

async function signedIn(browser: Browser, email: string, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang });
  const page = await context.newPage();
  await loginAs(page, email, lang);
  return page;
}

async function markPage(page: Page) {
  await page.evaluate(() => { (window as unknown as { __noReload: boolean }).__noReload = true; });
}

async function notReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

/** A GraphQL request as the signed-in user of `page`, with that session's token. */
async function gql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  return page.evaluate(async ({ query, variables }) => {
    const auth = JSON.parse(localStorage.getItem('crm.auth') ?? '{}') as { accessToken?: string };
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.accessToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<{ data: Record<string, any>; errors?: unknown[] }>;
  }, { query, variables });
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`a call logged by the rep appears in the manager's open timeline without a reload (${lang})`, async ({ browser }) => {
    const rep = await signedIn(browser, 'rep1@demo.test', lang);
    await rep.goto('/customers');
    const table = await waitForTable(rep, 'customers-table');
    await table.locator('.crm-row a.crm-row-link').first().click();
    await expect(rep.getByTestId('customer-profile')).toBeVisible();
    const customerUrl = new URL(rep.url()).pathname;

    const manager = await signedIn(browser, 'manager@demo.test', lang);
    await manager.goto(customerUrl);
    await expect(manager.getByTestId('customer-timeline')).toBeVisible();
    await markPage(manager);

    const summary = `${T.summary} ${Date.now()}`;
    await rep.getByTestId('log-interaction').click();
    await rep.getByTestId('interaction-summary').fill(summary);
    await rep.getByTestId('interaction-submit').click();
    await expect(rep.getByTestId('customer-timeline').getByTestId('timeline-entry').filter({ hasText: summary })).toHaveCount(1);

    const pushed = manager.getByTestId('customer-timeline').getByTestId('timeline-entry').filter({ hasText: summary });
    await expect(pushed).toHaveCount(1);
    await notReloaded(manager);
    await shot(manager, `live-timeline-${tag(lang)}`);
    await rep.context().close();
    await manager.context().close();
  });

  test(`a deal created on one device appears on the pipeline board of another without a reload (${lang})`, async ({ browser }) => {
    const board = await signedIn(browser, 'rep1@demo.test', lang);
    await board.goto('/pipeline');
    await expect(board.getByTestId('pipeline-board')).toBeVisible();
    await expect(board.getByTestId('opportunity-card').first()).toBeVisible();
    await markPage(board);

    const other = await signedIn(browser, 'rep1@demo.test', lang);
    const title = `${T.deal} ${Date.now()}`;
    const customers = await gql(other, '{ customers(first: 1) { edges { node { id } } } }');
    const customerId = customers.data.customers.edges[0].node.id as string;
    const made = await gql(other, `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { opportunity { id } errors { code } } }`,
      { i: { customerId, title, amount: { amount: '88000.00', currency: 'CNY' } } });
    expect(made.data.createOpportunity.errors).toEqual([]);

    await expect(board.getByTestId('opportunity-card').filter({ hasText: title })).toHaveCount(1);
    await notReloaded(board);
    await shot(board, `live-pipeline-${tag(lang)}`);
    await board.context().close();
    await other.context().close();
  });
}
