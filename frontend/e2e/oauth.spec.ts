import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { LANGS, login, PASSWORD, persistedCache, shot, tag } from './helpers';

// A third party's authorization-code + S256 PKCE flow through the app's consent page, in each
// language, and the admin page where OAuth clients are registered.

const CALLBACK = 'http://127.0.0.1:9/oauth-callback';

async function gql(request: APIRequestContext, token: string, query: string, variables: Record<string, unknown> = {}) {
  const resp = await request.post('/graphql', { data: { query, variables }, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  expect(resp.ok()).toBeTruthy();
  return resp.json();
}

async function adminToken(request: APIRequestContext): Promise<string> {
  const body = await gql(request, '', 'mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { accessToken } }', { e: 'admin@demo.test', p: PASSWORD });
  return body.data.login.accessToken;
}

const SCOPE_WORDS = {
  'zh-CN': { read: '读取客户、联系人与标签', approve: '同意', signIn: '登录' },
  en: { read: 'Read customers, contacts and tags', approve: 'Approve', signIn: 'Sign in' },
};

for (const lang of LANGS) {
  test(`a third party gets a token through the consent page (${lang})`, async ({ browser, request }) => {
    const admin = await adminToken(request);
    const made = await gql(request, admin, 'mutation($input: CreateOAuthClientInput!) { createOAuthClient(input: $input) { client { clientId } errors { code } } }', {
      input: { name: `Field app ${lang}`, confidential: false, redirectUris: [CALLBACK], allowedScopes: ['customers:read'] },
    });
    expect(made.data.createOAuthClient.errors).toEqual([]);
    const clientId: string = made.data.createOAuthClient.client.clientId;
    const verifier = randomBytes(48).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const state = randomBytes(8).toString('hex');

    // The browser's own language picks the page's.
    const context = await browser.newContext({ locale: lang });
    const page = await context.newPage();
    let callback = '';
    await page.route(`${CALLBACK}**`, async (route) => {
      callback = route.request().url();
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'back at the app' });
    });
    const params = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, scope: 'customers:read', state, code_challenge: challenge, code_challenge_method: 'S256' });
    await page.goto(`/oauth/authorize?${params}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.locator('input[name="email"]').fill('rep1@demo.test');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: SCOPE_WORDS[lang].signIn }).click();
    await expect(page.locator('#scopes')).toContainText(SCOPE_WORDS[lang].read);
    await shot(page, `oauth-consent-${tag(lang)}`);
    // The switch shows the same request in the other language, and back.
    await page.locator('#lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    await page.locator('#lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.getByRole('button', { name: SCOPE_WORDS[lang].approve }).click();
    await expect.poll(() => callback).toContain('code=');
    const back = new URL(callback);
    expect(back.searchParams.get('state')).toBe(state);

    const tokenResp = await request.post('/oauth/token', {
      form: { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CALLBACK, client_id: clientId, code_verifier: verifier },
    });
    expect(tokenResp.status()).toBe(200);
    const tokens = await tokenResp.json();
    expect(tokens.scope).toBe('customers:read');
    const read = await gql(request, tokens.access_token, '{ customers(first: 3) { totalCount } }');
    expect(read.errors).toBeUndefined();
    expect(read.data.customers.totalCount).toBeGreaterThan(0);
    const write = await gql(request, tokens.access_token, 'mutation { createCustomer(input: {name: "Nope", kind: COMPANY}) { customer { id } errors { code } } }');
    const codes = [...(write.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code), ...(write.data?.createCustomer?.errors ?? []).map((e: { code: string }) => e.code)];
    expect(codes).toContain('FORBIDDEN');
    await context.close();
  });
}

test('an admin registers, rotates and disables an OAuth client', async ({ page }) => {
  await login(page, 'admin@demo.test');
  await page.getByTestId('main-menu').locator('[data-path="/oauth-clients"]').click();
  await expect(page).toHaveURL(/\/oauth-clients$/);
  await page.getByTestId('oauth-create').click();
  await page.getByTestId('oauth-name').fill('ERP sync');
  await page.getByTestId('oauth-scopes').click();
  await page.keyboard.type('orders:read');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^orders:read$/ }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('oauth-role').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /财务|Finance/ }).first().click();
  await page.locator('.ant-modal-footer .ant-btn-primary').first().click();
  const secret = page.getByTestId('oauth-secret');
  await expect(secret).toBeVisible();
  const first = (await secret.textContent())?.trim() ?? '';
  expect(first.length).toBeGreaterThan(30);
  await shot(page, 'oauth-secret-once');
  await page.getByTestId('oauth-secret-done').click();
  // shown once means kept nowhere: not in the offline cache of the browser either
  expect(await persistedCache(page)).not.toContain(first);
  const row = page.locator('tbody tr.ant-table-row').filter({ hasText: 'ERP sync' });
  await expect(row).toBeVisible();
  await row.locator('[data-testid^="oauth-rotate-"]').click();
  await expect(secret).toBeVisible();
  expect((await secret.textContent())?.trim()).not.toBe(first);
  await page.getByTestId('oauth-secret-done').click();
  await row.locator('[data-testid^="oauth-disable-"]').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(row).toContainText(/已停用|Disabled/);
  await shot(page, 'oauth-clients');
});
