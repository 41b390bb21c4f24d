import { expect, test, type Page } from '@playwright/test';
import { apiHasType, LANGS, loginAs, shot, tag, waitForTable, type Lang } from './helpers';

const TEXT = {
  'zh-CN': {
    leadCreated: '线索已创建', newLead: '新线索', taskCreated: '任务已创建', opportunityCreated: '商机已创建', tasksTab: '任务', opportunitiesTab: '商机',
    open: '待办', done: '已完成', history: /创建于|→/, loggedCall: '记录了一次电话', won: /赢单/, wonReason: '本地区交货最快',
  },
  en: {
    leadCreated: 'Lead created', newLead: 'New', taskCreated: 'Task created', opportunityCreated: 'Opportunity created', tasksTab: 'Tasks', opportunitiesTab: 'Opportunities',
    open: 'Open', done: 'Done', history: /Created in|→/, loggedCall: 'logged a call', won: /Won|Closed won/i, wonReason: 'Fastest delivery in the region',
  },
} satisfies Record<Lang, unknown>;

/** Pick the first option of an antd Select (with the keyboard: a click can land mid-animation). */
async function pickFirst(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
  await page.keyboard.press('Enter');
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`a rep creates a lead, a task and an opportunity from their lists (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    const stamp = Date.now();

    await page.goto('/leads');
    await waitForTable(page, 'leads-table');
    await page.getByTestId('new-lead').click();
    await page.getByTestId('lead-name').fill(`线索 ${stamp}`);
    await page.getByTestId('lead-company').fill(`新公司 ${stamp}`);
    await page.getByTestId('create-lead-submit').click();
    await expect(page.locator('.ant-message')).toContainText(T.leadCreated);
    await page.getByTestId('list-search').locator('input').fill(`线索 ${stamp}`);
    await expect(page.getByTestId('leads-table').locator('.crm-row')).toHaveCount(1);
    await expect(page.getByTestId('leads-table').getByTestId('lead-status')).toHaveText(T.newLead);

    await page.goto('/tasks');
    await page.getByTestId('new-task').click();
    await page.getByTestId('new-task-title').fill(`回电 ${stamp}`);
    // due soon, so it sorts onto the first page (the list is by due date)
    const due = page.locator('.ant-modal').getByTestId('task-due').locator('input').or(page.locator('.ant-modal .ant-picker input')).first();
    await due.click();
    await due.fill(`${new Date().toISOString().slice(0, 10)} 00:05`);
    await page.keyboard.press('Enter');
    await page.getByTestId('create-task-submit').click();
    await expect(page.locator('.ant-message')).toContainText(T.taskCreated);
    await expect(page.getByTestId('tasks-table')).toContainText(`回电 ${stamp}`);

    await page.goto('/pipeline');
    await expect(page.getByTestId('pipeline-board').getByTestId('opportunity-card').first()).toBeVisible();
    await page.getByTestId('new-opportunity').click();
    await page.getByTestId('opportunity-title').fill(`商机 ${stamp}`);
    await pickFirst(page, 'pick-customer');
    // an amount as people type it
    await page.getByTestId('opportunity-amount').fill('1,000.50');
    await page.getByTestId('create-opportunity-submit').click();
    await expect(page.locator('.ant-message')).toContainText(T.opportunityCreated);
    const card = page.getByTestId('opportunity-card').filter({ hasText: `商机 ${stamp}` });
    await expect(card).toContainText('¥1,000.50');
    await shot(page, `create-from-lists-${tag(lang)}`);
  });

  test(`a rep creates a task and an opportunity from a customer's page, and completes the task with undo (${lang})`, async ({ page }) => {
    await loginAs(page, 'rep1@demo.test', lang);
    await page.goto('/customers');
    const table = await waitForTable(page, 'customers-table');
    await table.locator('.crm-row a.crm-row-link').first().click();
    await expect(page.getByTestId('customer-profile')).toBeVisible();
    const stamp = Date.now();

    await page.getByTestId('new-task').click();
    await page.getByTestId('new-task-title').fill(`寄样品 ${stamp}`);
    await page.getByTestId('create-task-submit').click();
    await page.getByRole('tab', { name: T.tasksTab }).click();
    const row = page.getByTestId('customer-tasks').locator('tr', { hasText: `寄样品 ${stamp}` });
    await expect(row.getByTestId('task-status')).toHaveText(T.open);
    await row.getByTestId('complete-task').click();
    await expect(row.getByTestId('task-status')).toHaveText(T.done);
    await page.getByTestId('undo-complete').click();
    await expect(row.getByTestId('task-status')).toHaveText(T.open);

    await page.getByTestId('new-opportunity').click();
    await page.getByTestId('opportunity-title').fill(`扩容项目 ${stamp}`);
    await page.getByTestId('opportunity-amount').fill('25000');
    await page.getByTestId('create-opportunity-submit').click();
    await page.getByRole('tab', { name: T.opportunitiesTab }).click();
    await expect(page.getByTestId('customer-opportunities')).toContainText(`扩容项目 ${stamp}`);
    await expect(page.getByTestId('customer-opportunities')).toContainText('¥25,000.00');
    // the opportunity has a page of its own
    await page.getByTestId('customer-opportunities').getByText(`扩容项目 ${stamp}`).click();
    await expect(page.getByTestId('opportunity-title')).toHaveText(`扩容项目 ${stamp}`);
    await shot(page, `create-from-customer-${tag(lang)}`);
  });

  test(`clicking a pipeline card opens the opportunity: history, follow-ups, tasks and the order it became (${lang})`, async ({ page, request }) => {
    await loginAs(page, 'manager@demo.test', lang);
    await page.goto('/pipeline');
    const board = page.getByTestId('pipeline-board');
    const card = board.locator('.crm-column[data-stage-won="false"][data-stage-lost="false"]').getByTestId('opportunity-card').first();
    const title = (await card.locator('strong').first().textContent())?.trim() ?? '';
    await card.locator('strong').first().click();
    await expect(page).toHaveURL(/\/opportunities\//);
    await expect(page.getByTestId('opportunity-title')).toHaveText(title);
    await expect(page.getByTestId('opportunity-history')).toContainText(T.history);

    const stamp = Date.now();
    await page.getByTestId('log-interaction').click();
    await page.getByTestId('interaction-summary').fill(`Demo booked ${stamp}`);
    await page.getByTestId('interaction-submit').click();
    await expect(page.getByTestId('opportunity-interactions')).toContainText(`Demo booked ${stamp}`);
    await expect(page.getByTestId('opportunity-interactions')).toContainText(T.loggedCall);

    await page.getByTestId('new-task').click();
    await page.getByTestId('new-task-title').fill(`Send the proposal ${stamp}`);
    await page.getByTestId('create-task-submit').click();
    await expect(page.getByTestId('opportunity-tasks')).toContainText(`Send the proposal ${stamp}`);

    // won, then the order it becomes
    await page.getByTestId('opportunity-move').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: T.won }).first().click();
    // a deal is won for a reason, asked as a lost one is
    await page.getByTestId('won-reason').fill(T.wonReason);
    await page.getByTestId('stage-confirm').click();
    await expect(page.getByTestId('opportunity-stage')).toHaveText(T.won);
    await expect(page.getByTestId('opportunity-profile')).toContainText(T.wonReason);
    await expect(page.getByTestId('opportunity-history')).toContainText('→');
    if (await apiHasType(request, 'Order')) {
      await page.getByTestId('create-order-from-opportunity').click();
      await pickFirst(page, 'order-product-0');
      await page.getByTestId('create-order-submit').click();
      await expect(page).toHaveURL(/\/orders\//);
      const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
      await page.goBack();
      await expect(page.getByTestId('opportunity-order')).toContainText(number);
    }
    await shot(page, `opportunity-${tag(lang)}`);
  });
}
