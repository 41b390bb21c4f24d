import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { LANGS, loginAs, PASSWORD, shot, tag, type Lang } from './helpers';

/** What the pages read in each language. */
const TEXT = {
  'zh-CN': { menu: '审批', rulesMenu: '审批规则', held: /审批/, pending: '待审批', approved: '已同意', confirmed: '已确认', discountKind: '行折扣', orderKind: '订单金额', ok: /同\s*意/ },
  en: { menu: 'Approvals', rulesMenu: 'Approval rules', held: /approval/i, pending: 'Pending', approved: 'Approved', confirmed: 'Confirmed', discountKind: 'Line discount', orderKind: 'Order amount', ok: /Approve/ },
} satisfies Record<Lang, unknown>;

async function gql<T>(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const resp = await request.post('/graphql', {
    data: { query, variables }, headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = (await resp.json()) as { data: T; errors?: unknown[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data;
}

/** rep1's draft order of one unit priced 30% under its list price: over a rep's 10% limit. */
async function overDiscountedDraft(request: APIRequestContext): Promise<{ id: string; number: string }> {
  const { login } = await gql<{ login: { accessToken: string } }>(request, null,
    'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: 'rep1@demo.test', password: PASSWORD } });
  const token = login.accessToken;
  const data = await gql<{
    customers: { edges: { node: { id: string } }[] };
    products: { edges: { node: { id: string; trackStock: boolean; active: boolean } }[] };
  }>(request, token, '{ customers(first: 1) { edges { node { id } } } products(first: 50) { edges { node { id trackStock active } } } }');
  const products = data.products.edges.map((e) => e.node).filter((p) => p.active);
  const product = products.find((p) => !p.trackStock) ?? products[0];
  const made = await gql<{ createOrder: { order: { id: string; number: string }; errors: unknown[] } }>(request, token,
    'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { id number } errors { code message } } }',
    { i: { customerId: data.customers.edges[0].node.id, lines: [{ productId: product.id, quantity: 1, discount: '30' }] } });
  expect(made.createOrder.errors).toEqual([]);
  return made.createOrder.order;
}

async function logout(page: Page) {
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`an over-limit discount waits for the rep's manager, then the same order is confirmed (${lang})`, async ({ page, request }) => {
    const order = await overDiscountedDraft(request);

    await loginAs(page, 'rep1@demo.test', lang);
    await page.goto(`/orders/${encodeURIComponent(order.id)}`);
    await page.getByTestId('confirm-order').click();
    const held = page.getByTestId('approval-required');
    await expect(held).toBeVisible();
    await expect(held).toContainText(T.held);
    await shot(page, `approvals-held-${tag(lang)}`);
    await expect(page.getByTestId('order-status-tag')).toHaveAttribute('data-status', 'DRAFT');
    await held.getByTestId('approval-link').click();
    await expect(page).toHaveURL(/\/approvals\?request=/);
    const mine = page.getByTestId('approval-requests').locator('tbody tr.ant-table-row', { hasText: order.number });
    await expect(mine.getByTestId('approval-status')).toHaveText(T.pending);
    await logout(page);

    await loginAs(page, 'manager@demo.test', lang);
    await page.getByRole('link', { name: T.menu, exact: true }).first().click();
    await expect(page).toHaveURL(/\/approvals$/);
    const waiting = page.getByTestId('approval-requests').locator('tbody tr.ant-table-row', { hasText: order.number });
    await expect(waiting).toBeVisible();
    await waiting.getByTestId('approval-approve').click();
    await page.getByTestId('approval-comment').fill(lang === 'en' ? 'Fine for this customer' : '同意，老客户');
    await page.getByTestId('approval-decide').click();
    await expect(waiting).toHaveCount(0);
    await page.getByTestId('tab-all').click();
    const decided = page.getByTestId('approval-requests').locator('tbody tr.ant-table-row', { hasText: order.number });
    await expect(decided.getByTestId('approval-status')).toHaveText(T.approved);
    await shot(page, `approvals-inbox-${tag(lang)}`);
    await logout(page);

    await loginAs(page, 'rep1@demo.test', lang);
    await page.goto(`/orders/${encodeURIComponent(order.id)}`);
    await page.getByTestId('confirm-order').click();
    await expect(page.getByTestId('order-status-tag')).toHaveAttribute('data-status', 'CONFIRMED');
    await expect(page.getByTestId('order-status-tag')).toHaveText(T.confirmed);
  });

  test(`an admin reads the default approval rules, adds one and deletes it (${lang})`, async ({ page }) => {
    await loginAs(page, 'admin@demo.test', lang);
    await page.getByRole('link', { name: T.rulesMenu }).first().click();
    await expect(page).toHaveURL(/\/approval-rules$/);
    const table = page.getByTestId('approval-rules');
    await expect(table.getByTestId('rule-kind').filter({ hasText: T.discountKind })).toHaveCount(1);
    const name = `e2e ${lang} ${Date.now()}`;
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-name').fill(name);
    await page.locator('input[data-testid="rule-threshold"], [data-testid="rule-threshold"] input').first().fill('5000000');
    await page.getByTestId('rule-submit').click();
    const row = table.locator('tbody tr.ant-table-row', { hasText: name });
    await expect(row.getByTestId('rule-kind')).toHaveText(T.orderKind);
    await shot(page, `approval-rules-${tag(lang)}`);
    await row.getByTestId('rule-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect(row).toHaveCount(0);
  });
}
