import { expect, test, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, type Lang } from './helpers';

/** What the page reads in each language. */
const TEXT = {
  'zh-CN': { menu: '用户与团队', email: '邮箱', active: '启用', disabled: '已停用', saved: '已保存', linkTitle: '复制链接' },
  en: { menu: 'Users & teams', email: 'Email', active: 'Active', disabled: 'Disabled', saved: 'Saved', linkTitle: 'Copy the link' },
} satisfies Record<Lang, unknown>;

const row = (page: Page, email: string) => page.getByTestId('users-table').locator('tbody tr.ant-table-row', { hasText: email });

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`an admin invites a user, moves one to another team, disables and enables one (${lang})`, async ({ page, browser }) => {
    await loginAs(page, 'admin@demo.test', lang);
    await page.getByRole('link', { name: T.menu }).first().click();
    await expect(page).toHaveURL(/\/users$/);
    await expect(page.getByRole('columnheader', { name: T.email })).toBeVisible();

    // invite: the dialog shows the link to copy
    const email = `invited-${tag(lang)}-${Date.now()}@demo.test`;
    await page.getByTestId('users-invite').click();
    await page.getByTestId('invite-email').fill(email);
    await page.getByTestId('invite-name').fill(`Invited ${tag(lang)}`);
    await page.getByTestId('invite-submit').click();
    await expect(page.getByText(T.linkTitle)).toBeVisible();
    await expect(page.getByTestId('user-link')).toContainText('/accept-invite?token=');
    await shot(page, `users-invite-${tag(lang)}`);
    const link = (await page.getByTestId('user-link').textContent()) ?? '';
    await page.getByTestId('link-done').click();
    await expect(row(page, email).getByTestId('user-active')).toHaveText(T.disabled);

    // the invitee opens the link (no session), chooses a password and is signed in
    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(link);
    await invitee.getByTestId('set-password-form').locator('input[name="password"]').fill('invitee-pass-123');
    await invitee.getByTestId('set-password-form').locator('input[name="repeat"]').fill('invitee-pass-123');
    await invitee.getByTestId('set-password-form').locator('button[type="submit"]').click();
    await expect(invitee.getByTestId('logout')).toBeVisible();
    await invitee.context().close();
    await page.reload();
    await expect(row(page, email).getByTestId('user-active')).toHaveText(T.active);

    // change a user's team
    const team = lang === 'en' ? 'West' : 'East';
    const viewer = row(page, 'viewer@demo.test');
    await viewer.getByTestId('user-edit').click();
    await pick(page, 'edit-team', team);
    await page.getByTestId('edit-submit').click();
    await expect(page.getByText(T.saved)).toBeVisible();
    await expect(viewer.getByTestId('user-team')).toHaveText(team);

    // disable, then enable again, each confirmed
    const support = row(page, 'support@demo.test');
    await expect(support.getByTestId('user-active')).toHaveText(T.active);
    await support.getByTestId('user-disable').click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    await expect(support.getByTestId('user-active')).toHaveText(T.disabled);
    await support.getByTestId('user-enable').click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    await expect(support.getByTestId('user-active')).toHaveText(T.active);
    await shot(page, `users-${tag(lang)}`);
  });

  test(`a sales rep has no users page (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await expect(page.getByRole('link', { name: T.menu })).toHaveCount(0);
    await page.goto('/users');
    await expect(page.getByTestId('users-table')).toHaveCount(0);
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
}
