import { expect, test } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';

/** This quarter's key in China Standard Time, e.g. 2026-Q4. */
const thisQuarter = () => {
  const [y, m] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split('-');
  return `${y}-Q${Math.ceil(Number(m) / 3)}`;
};
const FIRST = '滨江新城综合管廊项目党支部';

test('the secretary submits the quarter’s sheet; the committee sees it; another branch cannot open it', async ({
  page,
  browser,
}) => {
  page.on('dialog', (d) => d.accept());
  await openAs(page, 'secretary', '/self-checks');
  await page
    .getByTestId(`sheet-row-${thisQuarter()}`)
    .first()
    .getByRole('button', { name: '开始填写' })
    .click();
  await expect(page).toHaveURL(/\/self-checks\/[0-9a-f-]{36}$/);
  const editor = page.getByTestId('sheet-editor');
  const counts = editor.locator('input[aria-label$="扣分次数"]');
  const n = await counts.count();
  expect(n).toBeGreaterThan(10);
  // Submitting with items left empty is refused, with the codes named.
  await counts.first().fill('1');
  await editor.locator('input[aria-label$="扣分原因"]').first().fill('十月支委会因抢工延期一周召开');
  await editor.getByRole('button', { name: '提交评分表' }).click();
  await expect(editor.getByTestId('form-error')).toContainText('项未填写');
  // Lines the unit's records already filled keep their count; the rest are assessed as no shortfall.
  for (let i = 1; i < n; i += 1) if ((await counts.nth(i).inputValue()) === '') await counts.nth(i).fill('0');
  // Criteria scored by grade levels take a choice (the first listed is the best).
  const levels = editor.locator('select[aria-label$="扣分次数"]');
  for (let i = 0; i < (await levels.count()); i += 1) await levels.nth(i).selectOption({ index: 1 });
  await editor.getByRole('button', { name: '提交评分表' }).click();
  await expect(page.getByTestId('sheet-frozen')).toBeVisible();
  await expect(page.getByTestId('sheet-total')).toContainText(/\d/);
  const url = page.url();

  const committee = await (await browser.newContext()).newPage();
  await openAs(committee, 'committee', `/self-checks?q=${thisQuarter()}`);
  await expect(
    committee.getByTestId('sheet-overview').locator('tr').filter({ hasText: FIRST }),
  ).toContainText('已提交');
  await committee.context().close();

  const other = await (await browser.newContext()).newPage();
  await openAs(other, 'secretary2', url);
  await expect(other.getByTestId('page-403')).toBeVisible();
  await other.context().close();
});

test('the committee rates a completed task and the branch sees the rating', async ({ page, browser }) => {
  await openAs(page, 'committee', '/reminders/supervision');
  const filter = page.getByTestId('supervision-filter');
  await filter.locator('select[name="orgId"]').selectOption({ label: `　${FIRST}` });
  await filter.locator('select[name="status"]').selectOption('done');
  await filter.getByRole('button', { name: '筛选' }).click();
  const taskId = await page.getByTestId('supervision-row').first().getAttribute('data-task-id');
  // Hold on to the row by its task: other tests change what comes first in the list.
  const row = page.locator(`[data-task-id="${taskId}"]`);
  const form = row.getByTestId('rate-form');
  // A click before the row's buttons are hydrated does nothing: click again until the form opens.
  await expect(async () => {
    if (!(await form.isVisible())) await row.getByRole('button', { name: '评定' }).click();
    await expect(form).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await form.locator('select').selectOption('EXCELLENT');
  await form.locator('input').fill('记录规范，可作范例');
  await form.getByRole('button', { name: '评定' }).click();
  await expect(row).toContainText('记录规范，可作范例');
  await expect(row).toContainText('优');

  const branch = await (await browser.newContext()).newPage();
  await openAs(branch, 'secretary', '/reminders');
  await expect(branch.getByTestId('branch-reviews')).toContainText('记录规范，可作范例');
  await branch.context().close();
});

test('the committee sends a 督办 notice and the secretary finds it in the message centre', async ({
  page,
  browser,
}) => {
  await openAs(page, 'committee', '/reminders/supervision');
  const filter = page.getByTestId('supervision-filter');
  await filter.locator('select[name="orgId"]').selectOption({ label: `　${FIRST}` });
  await filter.getByRole('button', { name: '筛选' }).click();
  const form = page.getByTestId('notice-form');
  await form.locator('textarea').fill('请于本周五前补齐逾期事项（端到端测试）');
  await form.getByRole('button', { name: '发送督办' }).click();
  await expect(form).toContainText('督办通知已发送');

  const branch = await (await browser.newContext()).newPage();
  await loginAs(branch, 'secretary');
  await expect(branch.getByTestId('bell-count')).toBeVisible();
  await branch.getByTestId('bell').click();
  await expect(branch.getByTestId('notification-list')).toContainText(
    '请于本周五前补齐逾期事项（端到端测试）',
  );
  await branch.context().close();
});
