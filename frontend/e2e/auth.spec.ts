import { expect, test } from '@playwright/test';
import { LANGS, loginAs, persistedCache, ROWS, shot, tag } from './helpers';

for (const lang of LANGS) {

  test(`an expired access token is refreshed silently, and logout forgets the session and its cache (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await page.goto('/customers');
    await expect(page.getByTestId('customers-table')).toBeVisible();
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.auth') ?? 'null') as { refreshToken: string } | null);
    expect(before?.refreshToken).toBeTruthy();

    // the server refuses this access token: the app must use the refresh token and carry on
    await page.evaluate(() => {
      const t = JSON.parse(localStorage.getItem('crm.auth')!);
      localStorage.setItem('crm.auth', JSON.stringify({ ...t, accessToken: 'expired.or.garbage' }));
    });
    await page.reload();
    await expect(page.getByTestId('customers-table').locator(ROWS).first()).toBeVisible();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.auth') ?? 'null') as { accessToken: string; refreshToken: string } | null);
    expect(after?.accessToken).not.toBe('expired.or.garbage');
    expect(after?.refreshToken).not.toBe(before?.refreshToken); // rotated

    // the offline cache holds the session's data while it lasts
    await expect.poll(() => persistedCache(page)).toContain('Customer');

    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login/);
    expect(await page.evaluate(() => localStorage.getItem('crm.auth'))).toBeNull();
    // nothing of the session's data is left in IndexedDB (the offline queue's empty list may be)
    const cached = await persistedCache(page);
    expect(cached).not.toContain('Customer');
    expect(cached).not.toContain('User:');
    // the old session cannot come back: the protected page sends us to login
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/login/);
    await shot(page, `logged-out-${tag(lang)}`);
  });
}
