import { expect, test, type Page } from '@playwright/test';
import { LANGS, loginAs, shot, tag, type Lang } from './helpers';

/** What the page reads in each language. */
const TEXT = {
  'zh-CN': {
    menu: '工作流', schedule: '定时', fieldChanged: '字段变化时', region: '地区', createTask: '创建任务', badCron: '不是有效的 cron 定时',
    noMatch: '记录不符合条件', matches: '记录符合条件', customer: '客户', saved: '已保存', allRuns: '运行记录',
  },
  en: {
    menu: 'Workflows', schedule: 'On a schedule', fieldChanged: 'A field changed', region: 'Region', createTask: 'Create a task', badCron: 'not a valid cron expression',
    noMatch: 'does not match the condition', matches: 'The record matches the condition', customer: 'Customer', saved: 'Saved', allRuns: 'Run log',
  },
} satisfies Record<Lang, unknown>;

/** A GraphQL call as the signed-in user (the token the SPA keeps), for changing a record outside the page. */
async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return page.evaluate(async ({ query, variables }) => {
    const token = (JSON.parse(localStorage.getItem('crm.auth') ?? '{}') as { accessToken?: string }).accessToken;
    const res = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return ((await res.json()) as { data: T }).data;
  }, { query, variables });
}

async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

for (const lang of LANGS) {
  const T = TEXT[lang];

  test(`an admin builds a field-changed workflow, is told a bad cron, dry-runs it and sees its run (${lang})`, async ({ page }) => {
    await loginAs(page, 'admin@demo.test', lang);
    await page.getByRole('link', { name: T.menu }).first().click();
    await expect(page).toHaveURL(/\/workflows$/);

    const marker = `E2E-${tag(lang)}-${Date.now()}`;
    const { customers } = await gql<{ customers: { edges: { node: { id: string; name: string; version: number } }[] } }>(page,
      'query { customers(first: 1, orderBy: [{ field: CREATED_AT, direction: ASC }]) { edges { node { id name version } } } }');
    const customer = customers.edges[0].node;

    await page.getByTestId('wf-new').click();
    await expect(page).toHaveURL(/\/workflows\/new$/);
    await page.getByTestId('wf-name').fill(`Region watch ${marker}`);

    // A schedule that cannot be: the server's coded error shows under the cron box, in the user's language.
    await pick(page, 'wf-trigger-type', T.schedule);
    await page.getByTestId('wf-trigger-cron').fill('61 * * * *');
    await page.getByTestId('wf-save').click();
    await expect(page.locator('[data-testid="field-error"][data-field="trigger.cron"]')).toContainText(T.badCron);
    await expect(page).toHaveURL(/\/workflows\/new$/);
    await shot(page, `workflows-bad-cron-${tag(lang)}`);

    // When a customer's region changes, for customers whose region holds the marker: a task.
    await pick(page, 'wf-trigger-type', T.fieldChanged);
    await pick(page, 'wf-trigger-field', T.region);
    await page.getByTestId('cond-region').fill(marker);
    await pick(page, 'wf-add-step', T.createTask);
    await page.getByTestId('wf-step').getByTestId('step-title').fill('Call {record}');
    await page.getByTestId('wf-enabled').click();
    await page.getByTestId('wf-save').click();
    await expect(page.locator('.ant-message')).toContainText(T.saved);
    await expect(page).toHaveURL(/\/workflows\/(?!new)[^/]+$/);

    // A dry run on a customer outside the condition: nothing would run.
    await page.getByTestId('dry-record').click();
    await page.keyboard.type(customer.name.slice(0, 2));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: customer.name }).first().click();
    await page.getByTestId('dry-run').click();
    await expect(page.getByTestId('dry-result')).toHaveAttribute('data-matches', 'false');
    await expect(page.getByTestId('dry-result')).toContainText(T.noMatch);

    // The record changes through the API: the workflow fires and its run is in the log.
    const r = await gql<{ updateCustomer: { errors: unknown[] } }>(page,
      'mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { errors { code message } } }',
      { input: { id: customer.id, region: marker } });
    expect(r.updateCustomer.errors).toEqual([]);
    const runs = page.getByTestId('wf-runs');
    await expect.poll(async () => {
      await page.getByTestId('runs-refresh').click();
      return runs.getByTestId('run-status').count();
    }, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(runs.getByTestId('run-record').first()).toHaveText(T.customer);
    await runs.locator('.ant-table-row-expand-icon').first().click();

    // Now inside the condition, the dry run says what the step would do.
    await page.getByTestId('dry-run').click();
    await expect(page.getByTestId('dry-result')).toHaveAttribute('data-matches', 'true');
    await expect(page.getByTestId('dry-result')).toContainText(T.matches);
    await expect(page.getByTestId('dry-step').first()).toHaveAttribute('data-action', 'create_task');
    await shot(page, `workflows-editor-${tag(lang)}`);

    // Someone else saves it meanwhile: the page says so instead of overwriting, and loads theirs.
    const id = page.url().split('/').pop() as string;
    const other = await gql<{ updateWorkflow: { errors: unknown[] } }>(page,
      'mutation($input: UpdateWorkflowInput!) { updateWorkflow(input: $input) { errors { code } } }',
      { input: { id, expectedVersion: 1, description: 'changed elsewhere' } });
    expect(other.updateWorkflow.errors).toEqual([]);
    await page.getByTestId('wf-name').fill(`Region watch ${marker} (mine)`);
    await page.getByTestId('wf-save').click();
    await expect(page.getByTestId('wf-conflict')).toBeVisible();
    await page.getByTestId('wf-load-theirs').click();
    await expect(page.getByTestId('wf-description')).toHaveValue('changed elsewhere');
    await page.getByTestId('wf-save').click();
    await expect(page.locator('.ant-message')).toContainText(T.saved);

    // The list says it in words and the log of all runs has it too.
    await page.getByRole('link', { name: T.menu }).first().click();
    const row = page.getByTestId('wf-list').locator('tbody tr.ant-table-row', { hasText: marker });
    await expect(row.getByTestId('wf-trigger')).toContainText(T.region);
    await expect(row.getByTestId('wf-enabled')).toHaveAttribute('aria-checked', 'true');
    await expect(row.getByTestId('run-status')).toBeVisible();
    await page.getByRole('tab', { name: T.allRuns }).click();
    await expect(page.getByTestId('wf-runs').locator('tbody tr.ant-table-row', { hasText: marker }).first()).toBeVisible();
    await shot(page, `workflows-runs-${tag(lang)}`);
  });
}
