import { expect, test } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';

/** This month's key in China Standard Time, e.g. 2026-M11. */
const thisMonth = () => {
  const [y, m] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split('-');
  return `${y}-M${m}`;
};

test('a secretary sees this period’s reminder table with articles and templates', async ({ page }) => {
  await openAs(page, 'secretary', '/reminders');
  const month = page.getByTestId(`reminders-${thisMonth()}`);
  await expect(month).toContainText('按月收缴党费');
  await expect(month).toContainText('第12条');
});

test('the committee sees the company summary and generates a period on demand, idempotently', async ({
  page,
}) => {
  await openAs(page, 'committee', '/reminders');
  await expect(page.getByTestId('reminder-summary')).toBeVisible();
  const form = page.getByTestId('generate-form');
  await form.locator('#day').fill('2026-09-15');
  await form.getByRole('button', { name: '生成提醒事项' }).click();
  await expect(page.getByTestId('generated')).toContainText('2026-Q3');
  await form.getByRole('button', { name: '生成提醒事项' }).click();
  await expect(page.getByTestId('generated')).toContainText('新生成 0 项');
});

test('a member has no reminder table', async ({ page }) => {
  await openAs(page, 'member', '/reminders');
  await expect(page.getByTestId('page-403')).toBeVisible();
});

test('a clerk records a task done with a photo; another branch cannot open it or its evidence', async ({
  page,
  browser,
}) => {
  await openAs(page, 'clerk', '/reminders');
  const month = page.getByTestId(`reminders-${thisMonth()}`);
  const item = month.locator('li').filter({ hasText: '按月收缴党费' });
  await item.getByRole('button', { name: '登记完成' }).click();
  const form = item.getByTestId('complete-form');
  await form.locator('input[type="file"]').setInputFiles({
    name: '冒充照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('MZ this is an exe'),
  });
  await form.getByRole('button', { name: '确认完成' }).click();
  await expect(form.getByTestId('form-error')).toContainText('不是允许的类型');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await form
    .locator('input[type="file"]')
    .setInputFiles({ name: '收缴现场.png', mimeType: 'image/png', buffer: png });
  await form.locator('input[name="note"]').fill('本月党费已全部收缴');
  await form.getByRole('button', { name: '确认完成' }).click();
  const done = item.getByTestId('task-done');
  await expect(done).toContainText('本月党费已全部收缴');
  const href = (await done.getByRole('link', { name: '收缴现场.png' }).getAttribute('href'))!;
  expect((await page.request.get(href)).status()).toBe(200);

  const other = await (await browser.newContext()).newPage();
  await loginAs(other, 'secretary2');
  expect((await other.request.get(href)).status()).toBe(403);
  await other.goto('/reminders');
  await expect(other.getByText('本月党费已全部收缴')).toHaveCount(0);
  await other.context().close();
});

test('the workbench shows a secretary what is overdue, due soon, open and done', async ({ page }) => {
  await loginAs(page, 'secretary');
  await expect(page.getByTestId('workbench-reminders')).toContainText('已逾期');
  await page.getByRole('link', { name: '打开工作提醒表 →' }).click();
  await expect(page).toHaveURL(/\/reminders$/);
});

test('the secretary exports the reminder table to Excel and opens the print view; a member may not', async ({
  page,
  browser,
}) => {
  await loginAs(page, 'secretary');
  const res = await page.request.get('/api/reminders/export');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toContain(encodeURIComponent('党建工作提醒表'));
  expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
  await page.goto('/reminders/print');
  await expect(page.getByTestId('reminders-print')).toContainText('按月收缴党费');
  const member = await (await browser.newContext()).newPage();
  await loginAs(member, 'member');
  expect((await member.request.get('/api/reminders/export')).status()).toBe(403);
  await member.context().close();
});

test('an oversized file is refused with a message before it is uploaded, and nothing changes', async ({
  page,
}) => {
  await openAs(page, 'clerk', '/reminders');
  const open = page
    .getByTestId(`reminders-${thisMonth()}`)
    .locator('li')
    .filter({ has: page.getByRole('button', { name: '登记完成' }) })
    .first();
  const item = page.locator(`li[data-task-id="${await open.getAttribute('data-task-id')}"]`);
  await item.getByRole('button', { name: '登记完成' }).click();
  const form = item.getByTestId('complete-form');
  await form.locator('input[type="file"]').setInputFiles({
    name: '现场照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.alloc(21 * 1024 * 1024, 0xff),
  });
  await form.getByRole('button', { name: '确认完成' }).click();
  await expect(form.getByTestId('form-error')).toContainText('超过 20 MB');
  await expect(form).toBeVisible();
});
