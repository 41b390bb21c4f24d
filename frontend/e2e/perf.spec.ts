import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PASSWORD, ROWS } from './helpers';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'perf.json');

interface Loaded { url: string; bytes: number; gzip: number }

/**
 * The scripts a page fetched (resource timing), with their size as sent and gzipped (what a
 * compressing server would send). `beforeLoad`: only those requested before the load event.
 */
async function scriptsOf(page: Page, beforeLoad = false): Promise<Loaded[]> {
  const urls = await page.evaluate((onlyBeforeLoad) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const end = onlyBeforeLoad && nav ? nav.loadEventEnd : Infinity;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => /\.js(\?|$)/.test(r.name) && r.startTime <= end)
      .map((r) => r.name);
  }, beforeLoad);
  const out: Loaded[] = [];
  for (const url of [...new Set(urls)]) {
    const body = await (await page.request.get(url)).body();
    out.push({ url: new URL(url).pathname, bytes: body.length, gzip: gzipSync(body, { level: 6 }).length });
  }
  return out;
}

const sum = (l: Loaded[], k: 'bytes' | 'gzip') => l.reduce((n, x) => n + x[k], 0);

test('first load: the login page and the customer list fetch only their own JavaScript; time until rows show', async ({ browser, baseURL }) => {
  // the login page, cold cache
  const loginContext = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await loginContext.newPage();
  await page.goto('/login');
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // the login route's own JavaScript: what was requested before the page was complete (the
  // app's chunks are prefetched after that, while the user types)
  const atLogin = await scriptsOf(page, true);
  // sign in and time until the customer rows are visible (the app's chunks load after the login)
  await page.getByTestId('login-form').locator('input[name="email"], input#email').first().fill('rep1@demo.test');
  await page.getByTestId('login-form').locator('input[type="password"]').fill(PASSWORD);
  const t0 = Date.now();
  await page.getByTestId('login-form').locator('button[type="submit"]').click();
  await expect(page.getByTestId('customers-table').locator(ROWS).first()).toBeVisible();
  const loginToRows = Date.now() - t0;
  const state = await loginContext.storageState();
  await loginContext.close();

  // the customer list opened directly (a bookmark), cold cache, signed in
  const listContext = await browser.newContext({ baseURL, storageState: state, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const list = await listContext.newPage();
  const t1 = Date.now();
  await list.goto('/customers');
  await expect(list.getByTestId('customers-table').locator(ROWS).first()).toBeVisible();
  const coldToRows = Date.now() - t1;
  const nav = await list.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return n ? Math.round(n.responseEnd) : null;
  });
  await list.waitForLoadState('networkidle');
  const atList = await scriptsOf(list);
  await listContext.close();

  const report = {
    login: { files: atLogin.length, bytes: sum(atLogin, 'bytes'), gzip: sum(atLogin, 'gzip') },
    customers: { files: atList.length, bytes: sum(atList, 'bytes'), gzip: sum(atList, 'gzip') },
    msFromSignInToRows: loginToRows,
    msFromColdLoadToRows: coldToRows,
    msDocumentResponseEnd: nav,
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ ...report, loginScripts: atLogin.map((x) => x.url), customerScripts: atList.map((x) => x.url) }, null, 2));
  console.log(`perf: ${JSON.stringify(report)}`);

  // the budgets of the issue, as the browser fetched them
  expect(report.login.gzip).toBeLessThanOrEqual(150 * 1024);
  expect(report.customers.gzip).toBeLessThanOrEqual(350 * 1024);
  // neither fetches the board (dnd-kit) nor the charts (ECharts), nor the login the signed-in shell
  for (const url of [...atLogin, ...atList].map((x) => x.url)) expect(url).not.toMatch(/PipelinePage|DashboardPage|EChart/);
  expect(atLogin.map((x) => x.url).some((u) => /AppLayout|CustomersPage|client-/.test(u))).toBe(false);
});
