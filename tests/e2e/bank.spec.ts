import { expect, test, type Page } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';
import { bankHead, workbook } from '../fixtures/workbook';

/** A sheet in the template's layout (all eight option columns) with the given rows. */
const sheet = (rows: (string | number)[][]) => workbook('题库', bankHead(8), rows);

/** A row of that sheet: options fill 选项A onwards; difficulty 1; a new question (no key). */
const row = (
  type: string,
  stem: string,
  options: string[],
  answer: string,
  points: number,
  articles: string,
  tag: string,
) => [
  type,
  stem,
  ...Array.from({ length: 8 }, (_, i) => options[i] ?? ''),
  answer,
  points,
  1,
  articles,
  tag,
  '',
];

/** Uploads those rows on the import page and asks for the check-and-import. */
async function importRows(page: Page, rows: (string | number)[][]) {
  await page
    .getByTestId('import-form')
    .locator('input[type="file"]')
    .setInputFiles({
      name: '题库.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet(rows),
    });
  await page.getByRole('button', { name: '检查并导入' }).click();
}

test('the committee keeps the question bank: template, import (all or nothing), a new question; members are refused', async ({
  page,
  browser,
}) => {
  await openAs(page, 'committee', '/exams');
  await page.getByRole('link', { name: '题库' }).click();
  await expect(page).toHaveURL(/\/exams\/bank$/);
  await expect(page.getByTestId('bank-total')).toContainText(/共 \d+ 道现行题目/);
  const template = await page.request.get('/api/exams/bank/template');
  expect(template.status()).toBe(200);
  expect(template.headers()['content-type']).toContain('spreadsheetml');

  const tag = `端到端${Date.now() % 100000}`;
  await page.goto('/exams/bank/import');
  const good = row('判断', `端到端导入的判断题：支部委员会会议应当形成记录。${tag}`, [], '对', 1, '4', tag);
  const bad = row('单选', `端到端导入的单选题：没有这一条款。${tag}`, ['甲', '乙'], 'A', 2, '999', tag);
  await importRows(page, [good, bad]);
  await expect(page.getByTestId('import-report')).toContainText('现行手册中没有第 999 条');
  await page.goto(`/exams/bank?tag=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId('bank-row')).toHaveCount(0);

  await page.goto('/exams/bank/import');
  await importRows(page, [good]);
  await expect(page.getByTestId('import-success')).toContainText('新增 1 道');
  await page.goto(`/exams/bank?tag=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId('bank-row')).toHaveCount(1);

  // The same question again by hand: the server's refusal is shown in its words on the stem, not as a generic one.
  await page.goto('/exams/bank/new');
  await page.getByLabel('题型').selectOption({ label: '判断' });
  await page.getByLabel('题干').fill(`端到端导入的判断题：支部委员会会议应当形成记录。${tag}`);
  await page.getByRole('radio', { name: '对' }).check();
  await page.getByTestId('article-picker').getByRole('checkbox').first().check();
  await page.getByRole('button', { name: '添加题目' }).click();
  await expect(page.getByTestId('error-q-stem')).toHaveText('题库里已有同样题型、同样题干的题目');

  const member = await (await browser.newContext()).newPage();
  await loginAs(member, 'member');
  expect((await member.request.get('/api/exams/bank/export')).status()).toBe(403);
  await member.goto('/exams/bank/import');
  await expect(member.getByTestId('page-403')).toBeVisible();
  await member.context().close();
});

test('the committee names a demonstration site and records a visit with a photo', async ({ page }) => {
  await openAs(page, 'committee', '/learning/sites');
  const form = page.getByTestId('name-site-form');
  const unit = await form
    .locator('#site-org option', { hasText: '青溪水厂扩建项目党支部' })
    .first()
    .getAttribute('value');
  await form.locator('#site-org').selectOption(unit!);
  await form.getByRole('button', { name: '命名党建示范点' }).click();
  await expect(form.getByText('请至少选择一个条款')).toBeVisible();
  await form.locator('#site-articles').selectOption({ index: 2 });
  await form.locator('#site-desc').fill('端到端：水厂项目党员先锋岗示范');
  await form.getByRole('button', { name: '命名党建示范点' }).click();
  const card = page.getByTestId('demo-site').filter({ hasText: '端到端：水厂项目党员先锋岗示范' });
  await expect(card).toBeVisible();
  await card.getByText('记录一次观摩').click();
  const visit = card.getByTestId('visit-form');
  await visit.locator('input[type="date"]').fill('2026-11-20');
  const visitor = await visit
    .locator('select option', { hasText: '东湖科创园项目党支部' })
    .first()
    .getAttribute('value');
  await visit.locator('select').selectOption([visitor!]);
  await visit.locator('textarea').fill('观摩了先锋岗公示牌和党员承诺书。');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await visit
    .locator('input[type="file"]')
    .setInputFiles({ name: '先锋岗.png', mimeType: 'image/png', buffer: png });
  await visit.getByRole('button', { name: '保存观摩记录' }).click();
  await expect(card).toContainText('观摩了先锋岗公示牌和党员承诺书。');
  const photo = card.getByRole('link', { name: /先锋岗\.png/ });
  expect((await page.request.get((await photo.getAttribute('href'))!)).headers()['content-type']).toBe(
    'image/png',
  );
});
