import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { LANGS, loginAs, persistedCache, shot, tag, type Lang } from './helpers';

/** What the page reads in each language. */
const TEXT = {
  'zh-CN': { ping: '测试推送', menu: 'Webhook 推送', orderPaid: '订单已付清', customerCreated: '客户创建', delivered: '已送达', secretTitle: '签名密钥', ok: /确\s*定/ },
  en: { ping: 'Test ping', menu: 'Webhooks', orderPaid: 'Order paid', customerCreated: 'Customer created', delivered: 'Delivered', secretTitle: 'Signing secret', ok: /OK/ },
} satisfies Record<Lang, unknown>;

interface Hit { headers: IncomingHttpHeaders; body: string }

/** A real receiver on this machine (the e2e server allows loopback webhooks). */
async function startReceiver(): Promise<{ url: string; hits: Hit[]; server: Server }> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => { hits.push({ headers: req.headers, body }); res.writeHead(200).end('ok'); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hits, server };
}

function verified(secret: string, hit: Hit): boolean {
  const parts = Object.fromEntries(String(hit.headers['crm-signature']).split(',').map((p) => p.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${hit.body}`).digest('hex');
  return timingSafeEqual(Buffer.from(expected), Buffer.from(String(parts.v1)));
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`an admin subscribes a receiver, keeps the secret shown once, tests it and redelivers (${lang})`, async ({ page }) => {
    const receiver = await startReceiver();
    try {
      await loginAs(page, 'admin@demo.test', lang);
      await page.getByRole('link', { name: T.menu }).first().click();
      await expect(page).toHaveURL(/\/webhooks$/);

      await page.getByTestId('webhook-new').click();
      await page.getByTestId('webhook-url').fill(receiver.url);
      await page.getByTestId('webhook-description').fill(`e2e ${lang}`);
      await page.getByTestId('webhook-events').click();
      // The list is virtual: search for each event as a user scrolling a long list would.
      for (const label of [T.orderPaid, T.customerCreated]) {
        await page.keyboard.type(label);
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click();
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('webhook-submit').click();

      // The secret, once: kept by the test as a receiver's operator would.
      const dialog = page.locator('.ant-modal', { hasText: T.secretTitle });
      await expect(dialog).toBeVisible();
      const secret = (await page.getByTestId('webhook-secret').innerText()).trim();
      expect(secret).toMatch(/^whsec_/);
      await shot(page, `webhooks-secret-${tag(lang)}`);
      await dialog.getByRole('button', { name: T.ok }).click();
      await expect(dialog).toBeHidden();
      expect(await persistedCache(page)).not.toContain(secret);

      const row = page.getByTestId('webhook-endpoints').locator('tbody tr.ant-table-row', { hasText: receiver.url });
      await expect(row).toContainText(T.orderPaid);
      await expect(row).not.toContainText(secret);

      await row.getByTestId('webhook-test').click();
      await expect.poll(() => receiver.hits.length).toBe(1);
      expect(JSON.parse(receiver.hits[0].body).type).toBe('ping');
      expect(verified(secret, receiver.hits[0])).toBe(true);
      const log = page.getByTestId('webhook-deliveries');
      await expect(log.getByTestId('delivery-status').first()).toHaveText(T.delivered);
      await expect(log.getByTestId('delivery-code').first()).toHaveText('200');
      await expect(log.getByTestId('delivery-event').first()).toHaveText(T.ping);

      // Redelivered by the server's relay: the same event id arrives again.
      await log.getByTestId('delivery-redeliver').first().click();
      await expect.poll(() => receiver.hits.length, { timeout: 20_000 }).toBe(2);
      expect(receiver.hits[1].headers['crm-event-id']).toBe(receiver.hits[0].headers['crm-event-id']);
      await expect.poll(async () => {
        await page.getByTestId('webhook-log-refresh').click();
        return log.locator('[data-testid="delivery-status"][data-status="SUCCEEDED"]').count();
      }, { timeout: 20_000 }).toBe(2);
      await shot(page, `webhooks-log-${tag(lang)}`);

      // Switched off, it says so; a switched-off endpoint stays listed.
      await row.getByTestId('webhook-enabled').click();
      await expect(row.getByTestId('webhook-enabled')).toHaveAttribute('aria-checked', 'false');
      await row.getByTestId('webhook-enabled').click();
      await expect(row.getByTestId('webhook-enabled')).toHaveAttribute('aria-checked', 'true');
    } finally {
      receiver.server.close();
    }
  });
}
