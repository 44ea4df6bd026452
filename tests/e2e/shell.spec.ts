import { expect, test } from '@playwright/test';
import { createPrismaClient } from '../../lib/db/client';
import { changePassword, createUserAsAdmin, loginAs, newAccountPage, openAs } from '../fixtures/login';

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

test('a password change signs out one’s other devices, and the devices page ends them too', async ({
  browser,
}) => {
  const { page: desk, username } = await newAccountPage(browser, 'dev', '两台设备', 'Mine#2026abc');
  const change = (from: string, to: string) => changePassword(desk, from, to);

  const phone = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  await loginAs(phone, username, 'Mine#2026abc');
  await phone.goto('/account/sessions');
  await expect(phone.getByTestId('session-row')).toHaveCount(2);
  await expect(phone.getByTestId('session-row').first()).toContainText('当前设备');

  // From the desk, the phone's session is ended: the phone is signed out at its next step.
  await desk.goto('/account/sessions');
  await desk.getByTestId('end-other-sessions').click();
  await expect(desk.getByTestId('session-row')).toHaveCount(1);
  await phone.goto('/');
  await expect(phone).toHaveURL(/\/login/);

  // Signed in again on the phone; a password change at the desk signs the phone out, not the desk.
  await loginAs(phone, username, 'Mine#2026abc');
  await change('Mine#2026abc', 'Next#2026xyz');
  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
  await desk.goto('/');
  await expect(desk).not.toHaveURL(/\/login/);
});

test('a form the page’s script sends cannot be sent before the page is live: no password in an address', async ({
  browser,
}) => {
  // No service worker, so every request passes page.route; only the scripts are held, not the stylesheet.
  const { page } = await newAccountPage(browser, 'live', '页面就绪', 'Mine#2026abc', {
    serviceWorkers: 'block',
  });
  // The page's scripts held back: what a slow phone shows between the HTML and hydration.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/_next/static/chunks/**', async (route) => {
    if (route.request().resourceType() === 'script') await held;
    await route.continue();
  });
  const sent: string[] = [];
  page.on('request', (r) => sent.push(r.url()));
  await page.goto('/change-password', { waitUntil: 'commit' });
  const save = page.getByRole('button', { name: '保存新密码' });
  await expect(save).toBeDisabled();
  // A button that works only through the script (the language switch) takes no tap yet.
  const locale = page.getByTestId('locale-switch').first();
  await expect.poll(() => locale.evaluate((e) => getComputedStyle(e).pointerEvents)).toBe('none');
  await page.locator('#currentPassword').fill('Mine#2026abc');
  await page.locator('#confirm').press('Enter');
  await page.waitForTimeout(500);
  // No request of any kind carried the fields (a native GET would put them in its address).
  expect(sent.filter((u) => u.includes('Password') || u.includes('Mine'))).toEqual([]);
  expect(page.url()).not.toContain('Password');
  release();
  await expect(save).toBeEnabled();
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  expect(await locale.evaluate((e) => getComputedStyle(e).pointerEvents)).toBe('auto');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the sign-in page of a demo database says the data are invented', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('demo-mark')).toContainText('演示数据');
});

test('pages carry a nonce CSP that their scripts satisfy, and the other security headers', async ({
  page,
  request,
}) => {
  const res = await request.get('/login');
  const h = res.headers();
  const nonce = /'nonce-([^']+)'/.exec(h['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(h['content-security-policy']).toContain("'strict-dynamic'");
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  // Every script the page ships carries the response's nonce; a second request gets another.
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  const again = (await request.get('/login')).headers()['content-security-policy'];
  expect(again).not.toContain(nonce!);
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['cross-origin-opener-policy']).toBe('same-origin');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['strict-transport-security']).toBeUndefined(); // plain http here
  const viaTls = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(viaTls.headers()['strict-transport-security']).toContain('max-age=');
  // And the page works under it: signing in and the workbench run their scripts without a CSP error.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await loginAs(page, 'committee', undefined, { form: true });
  await page.goto('/insights');
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('a password near its expiry warns on every page; an expired one must be changed first', async ({
  browser,
}) => {
  const { page, username } = await newAccountPage(browser, 'exp', '密码到期', 'Mine#2026abc');
  const db = createPrismaClient();
  try {
    const day = 86_400_000;
    await db.user.update({
      where: { username },
      data: { passwordChangedAt: new Date(Date.now() - 80 * day) },
    });
    await page.goto('/announcements');
    await expect(page.getByTestId('password-expiring')).toContainText('天后过期');
    await db.user.update({
      where: { username },
      data: { passwordChangedAt: new Date(Date.now() - 91 * day) },
    });
    await page.goto('/announcements');
    await expect(page).toHaveURL(/\/change-password/);
    await expect(page.getByText('密码已过期')).toBeVisible();
  } finally {
    await db.$disconnect();
  }
});

test('a link in a list written as HTML moves inside the app, like next/link, and back', async ({ page }) => {
  await openAs(page, 'secretary', '/people');
  const first = page.getByTestId('roster').getByRole('row').nth(1).getByRole('link').first();
  const name = (await first.textContent())!.trim();
  // The row is HTML in one element (lib/static-markup.ts), its link a plain <a>.
  expect(await first.evaluate((a) => a.parentElement?.closest('[data-testid=roster] tbody') !== null)).toBe(
    true,
  );
  await page.locator('html[data-live]').waitFor();
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await first.click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  // The page was not loaded again: the window is the same.
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await page.goBack();
  await expect(page.getByTestId('roster')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});
