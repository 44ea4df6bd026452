import { expect, test } from '@playwright/test';
import { openAs } from '../fixtures/login';

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true });

  test('a member takes the open exam, answers survive a reload, submits and sees the result; another branch cannot open it', async ({
    page,
    browser,
  }) => {
    page.on('dialog', (d) => d.accept());
    // The workbench leads with the exam open for the member; it leads on to the exams page.
    await openAs(page, 'member', '/');
    await page
      .getByTestId('workbench-exams')
      .getByRole('link', { name: /党员月度学习测试/ })
      .click();
    await expect(page).toHaveURL(/\/exams$/);
    const row = page.getByTestId('exam-row').filter({ hasText: '党员月度学习测试' });
    await row.getByTestId('start-exam').click();
    await expect(page).toHaveURL(/\/exams\/attempts\//);
    const url = page.url();
    const questions = page.getByTestId('question');
    await expect(questions).toHaveCount(10);
    await questions.nth(0).locator('input[type="radio"]').first().check();
    await expect(page.getByTestId('countdown')).toContainText('剩余时间');
    await page.waitForTimeout(800);
    await page.reload();
    await expect(questions.nth(0).locator('input[type="radio"]').first()).toBeChecked();
    const n = await questions.count();
    for (let i = 1; i < n; i += 1) {
      const q = questions.nth(i);
      if (await q.locator('input[type="radio"]').count())
        await q.locator('input[type="radio"]').first().check();
      else await q.locator('input[type="text"], input:not([type]), textarea').first().fill('党课');
    }
    await page.getByRole('button', { name: '交卷' }).click();
    await expect(page.getByTestId('exam-result')).toContainText('得分');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const other = await (await browser.newContext()).newPage();
    await openAs(other, 'secretary2', url);
    await expect(other.getByTestId('page-404')).toBeVisible();
    await other.goto('/exams');
    await expect(other.getByTestId('exam-row').filter({ hasText: '党员月度学习测试' })).toHaveCount(0);
    await other.context().close();
  });
});

test('the committee sets an exam from the bank; it appears in the list', async ({ page }) => {
  await openAs(page, 'committee', '/exams/new');
  const form = page.getByTestId('exam-form');
  await form.locator('#ex-title').fill('端到端测试考试');
  await form.getByRole('button', { name: '发布考试' }).click();
  await expect(page).toHaveURL(/\/exams$/);
  await expect(page.getByTestId('exam-list')).toContainText('端到端测试考试');
});

test('members see the demonstration sites with their articles and visits', async ({ page }) => {
  await openAs(page, 'member', '/learning/sites');
  // Held by name: another test names a site of its own on the same demo data.
  for (const shows of ['“三会一课”标准化', '支部建在项目上'])
    await expect(page.getByTestId('demo-site').filter({ hasText: shows }).first()).toContainText('观摩');
  await expect(page.getByTestId('visit-form')).toHaveCount(0);
});

test('the committee grades a short answer from its queue; the attempt is then graded', async ({ page }) => {
  await openAs(page, 'committee', '/exams');
  await page
    .getByTestId('exam-row')
    .filter({ hasText: '“三会一课”专题测试' })
    .getByRole('link', { name: '成绩统计' })
    .click();
  const items = page.getByTestId('grade-item');
  await expect(items.first()).toBeVisible();
  const before = await items.count();
  expect(before).toBeGreaterThan(0);
  await items.first().locator('input[name="points"]').fill('4.5');
  await items.first().getByRole('button', { name: '评分' }).click();
  await expect(items).toHaveCount(before - 1);
});
