import { expect, test } from '@playwright/test';
import { createUserAsAdmin, loginAs } from '../fixtures/login';

test('the language switch works on the login page and inside', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('login-form')).toContainText('登录');
  await page.getByTestId('locale-switch').click();
  await expect(page.getByTestId('login-form')).toContainText('Sign in');
  await loginAs(page, 'committee');
  await expect(page.getByTestId('main-nav')).toContainText('Organizations');
  await page.getByTestId('main-nav').waitFor();
  await page.locator('header').getByTestId('locale-switch').first().click();
  await expect(page.getByTestId('main-nav')).toContainText('组织架构');
});

test('five wrong passwords lock the account, shown as such', async ({ page, browser }) => {
  // A fresh account, so the lock does not disturb the other tests.
  const username = `lock${Date.now() % 1000000}`;
  await createUserAsAdmin(browser, username, '锁定测试', 'Init#2026x');

  for (let i = 1; i <= 4; i += 1) {
    await page.goto('/login');
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(`Wrong#${i}abc`);
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
  }
  await page.locator('input[name="password"]').fill('Wrong#5abc');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('login-error')).toContainText('已锁定');
  // Even the right password is refused while locked.
  await page.locator('input[name="password"]').fill('Init#2026x');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('login-error')).toContainText('已锁定');
});

test('an admin-set password must be changed at first sign-in', async ({ page, browser }) => {
  const username = `first${Date.now() % 1000000}`;
  await createUserAsAdmin(browser, username, '首次登录', 'Init#2026x');
  await loginAs(page, username, 'Init#2026x');
  await expect(page).toHaveURL(/\/change-password/);
  await page.goto('/orgs');
  await expect(page).toHaveURL(/\/change-password/);
  await page.locator('#currentPassword').fill('Init#2026x');
  await page.locator('#newPassword').fill('weak');
  await page.locator('#confirm').fill('weak');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByTestId('error-newPassword')).toContainText('至少 8 位');
  await page.locator('#newPassword').fill('Mine#2026abc');
  await page.locator('#confirm').fill('Mine#2026abc');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });
  test('the workbench and the org tree have no horizontal scroll', async ({ page }, info) => {
    await loginAs(page, 'committee');
    for (const path of ['/', '/orgs']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: info.outputPath(`phone${path === '/' ? '-workbench' : '-orgs'}.png`),
        fullPage: true,
      });
    }
    await page.getByRole('button', { name: '菜单' }).click();
    await expect(page.getByTestId('mobile-nav')).toContainText('组织架构');
  });
});
