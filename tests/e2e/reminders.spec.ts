import { expect, test } from '@playwright/test';
import { loginAs } from '../fixtures/login';

test('a secretary sees this period’s reminder table with articles and templates', async ({ page }) => {
  await loginAs(page, 'secretary');
  await page.goto('/reminders');
  const month = page.locator('[data-testid^="reminders-"][data-testid*="-M"]').first();
  await expect(month).toContainText('按月收缴党费');
  await expect(month).toContainText('第12条');
});

test('the committee sees the company summary and generates a period on demand, idempotently', async ({ page }) => {
  await loginAs(page, 'committee');
  await page.goto('/reminders');
  await expect(page.getByTestId('reminder-summary')).toBeVisible();
  const form = page.getByTestId('generate-form');
  await form.locator('#day').fill('2026-09-15');
  await form.getByRole('button', { name: '生成提醒事项' }).click();
  await expect(page.getByTestId('generated')).toContainText('2026-Q3');
  await form.getByRole('button', { name: '生成提醒事项' }).click();
  await expect(page.getByTestId('generated')).toContainText('新生成 0 项');
});

test('a member has no reminder table', async ({ page }) => {
  await loginAs(page, 'member');
  await page.goto('/reminders');
  await expect(page.getByTestId('page-403')).toBeVisible();
});
