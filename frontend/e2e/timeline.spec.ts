import { expect, test, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

/** A date some days ahead, as the DatePicker takes it and as the timeline writes it. */
function ahead(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const now = new Date();
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const sameYear = d.getFullYear() === now.getFullYear();
  const zh = sameYear ? `${d.getMonth() + 1}月${d.getDate()}日` : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  const month = d.toLocaleString('en-GB', { month: 'short' });
  const en = sameYear ? `${d.getDate()} ${month}` : `${d.getDate()} ${month} ${d.getFullYear()}`;
  return { iso, zh, en };
}

async function openFirstCustomer(page: Page) {
  await page.goto('/customers');
  const table = await waitForTable(page, 'customers-table');
  await table.locator('.crm-row a.crm-row-link').first().click();
  await expect(page.getByTestId('customer-profile')).toBeVisible();
}

async function logCall(page: Page, summary: string, nextIso: string) {
  await page.getByTestId('log-interaction').click();
  await page.getByTestId('interaction-summary').fill(summary);
  const picker = page.getByTestId('interaction-next').locator('input').or(page.locator('.ant-modal .ant-picker input'));
  await picker.first().click();
  await picker.first().fill(nextIso);
  await page.keyboard.press('Enter');
  await page.getByTestId('interaction-submit').click();
}

const TEXT = {
  'zh-CN': {
    days: 5, summary: '电话确认报价', headline: '张伟 Zhang Wei 记录了一次电话', taskCreated: '创建了任务', otherLanguage: 'logged a call',
    next: (d: ReturnType<typeof ahead>) => new RegExp(`下次跟进(定在|从 \\S+ 改到) ${d.zh}`),
  },
  en: {
    days: 9, summary: 'Confirmed the quote', headline: '张伟 Zhang Wei logged a call', taskCreated: 'created the task', otherLanguage: '记录了',
    next: (d: ReturnType<typeof ahead>) => new RegExp(`next follow-up (set for|moved from .+ to) ${d.en}`),
  },
} satisfies Record<Lang, unknown>;

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`a logged call reads as a sentence in the user's language, its bookkeeping folded in, the raw record one click away (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await openFirstCustomer(page);
    const next = ahead(T.days);
    const summary = `${T.summary} ${Date.now()}`;
    await logCall(page, summary, next.iso);
    const timeline = page.getByTestId('customer-timeline');
    const entry = timeline.getByTestId('timeline-entry').filter({ hasText: summary });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByTestId('timeline-headline')).toHaveText(T.headline);
    await expect(entry.getByTestId('timeline-details')).toContainText(T.next(next));
    await expect(entry.getByTestId('timeline-details')).toContainText(T.taskCreated);
    await expect(timeline).not.toContainText(T.otherLanguage);
    // no raw change records among the sentences: field names, ids, ISO times, "Interaction · create"
    const sentences = (await timeline.locator('.crm-story-headline, .crm-story-details').allTextContents()).join('\n');
    for (const raw of ['lastInteractionId', 'lastFollowUpAt', 'Interaction · create', 'T00:00:00', '+00:00']) expect(sentences).not.toContain(raw);
    // ...they are one click away
    await entry.getByTestId('show-raw').click();
    await expect(entry.getByTestId('timeline-raw')).toContainText('lastInteractionId');
    await expect(entry.getByTestId('timeline-raw')).toContainText('Interaction · create');
    await shot(page, `timeline-${tag(lang)}`);
  });
}
