import { expect, test } from '@playwright/test';
import { openAs } from '../fixtures/login';

test('the committee reads the insights charts, downloads a chart’s data, and sees annual results with their formula', async ({
  page,
}) => {
  await openAs(page, 'committee', '/insights');
  for (const id of [
    'chart-distribution',
    'chart-ranking',
    'chart-completion',
    'chart-pareto',
    'chart-closure',
    'chart-flagged',
  ]) {
    await expect(page.getByTestId(id).locator('svg').first()).toBeVisible();
  }
  const download = page.waitForEvent('download');
  await page.getByTestId('chart-flagged-csv').click();
  expect((await download).suggestedFilename()).toBe('flagged-units.csv');
  await page.goto('/insights/annual');
  await expect(page.getByTestId('annual-formula')).toContainText('考核 60%');
  await expect(page.getByTestId('annual-table')).toContainText('滨江新城综合管廊项目党支部');
  const form = page.getByTestId('annual-form');
  await form.getByLabel('考试').fill('5');
  await form.getByRole('button', { name: '计算' }).click();
  await expect(form).toContainText('各项权重之和应为 100%');
  const xlsx = await page.request.get(`/api/insights/annual?year=${new Date().getFullYear()}`);
  expect(xlsx.status()).toBe(200);
});

test('the committee turns last quarter’s common problems into published key learning content', async ({
  page,
}) => {
  await openAs(page, 'committee', '/insights/problems');
  await expect(page.getByTestId('problems-table')).toBeVisible();
  await page.getByTestId('focus-form').getByRole('button', { name: '发布重点学习内容' }).click();
  await expect(page.getByTestId('focus-form')).toContainText('已发布');
});

test('a member sees this quarter’s key learning content with its articles and whether they have read it', async ({
  page,
}) => {
  await openAs(page, 'member', '/learning');
  const focus = page.getByTestId('learning-focus').first();
  await expect(focus).toContainText('第');
  await expect(focus.getByText(/已读|未读/).first()).toBeVisible();
});
