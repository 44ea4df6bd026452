import { expect, test, type Page } from '@playwright/test';
import { takeRecoveryCode } from '../fixtures/factor';
import { DEMO_PASSWORD, newAccountPage, openAs } from '../fixtures/login';

/** Chromium's virtual authenticator (CDP WebAuthn): a platform passkey that verifies the user at once. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test('admin: the password alone lands on the second-factor step, never in the portal', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  const form = page.getByTestId('login-form');
  await form.locator('input[name="username"]').fill('admin');
  await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/login\/verify/);
  for (const path of ['/', '/admin/users', '/account/security'])
    await page.goto(path).then(() => expect(page).toHaveURL(/\/login\/verify/));
  // Nor any download: the password alone reads nothing.
  expect((await page.request.get('/api/people/export')).status()).toBe(401);
  await page.getByTestId('switch-method').click();
  await page.locator('#factor-code').fill('AAAAA-AAAAA');
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByTestId('error-factor-code')).toContainText('不正确');
  await page.locator('#factor-code').fill(takeRecoveryCode('admin'));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('main-nav')).toBeVisible();
});

test('a passkey is set up, asked for at the next sign-in, and reset by the 安全管理员', async ({
  browser,
  baseURL,
}) => {
  const password = 'Mine#2026pk';
  // WebAuthn binds a passkey to a host name, never to an IP address: this person uses the portal as localhost.
  const local = baseURL!.replace('127.0.0.1', 'localhost');
  const { page, username } = await newAccountPage(browser, 'pk', '通行密钥', password, { baseURL: local });
  await virtualAuthenticator(page);
  await page.goto('/account/security');
  await page.getByTestId('add-passkey').click();
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);
  await page.getByTestId('recovery-saved').click();
  await expect(page.getByTestId('factor-passkey')).toHaveCount(1);

  // Next sign-in, same browser (the authenticator lives in it): the passkey step.
  await page.getByRole('button', { name: '退出' }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByTestId('use-passkey').click();
  await expect(page).toHaveURL(/\/$/);

  // The 安全管理员 resets it (a lost phone): that person's session ends at once.
  const admin = await (await browser.newContext()).newPage();
  await openAs(admin, 'secadmin', `/admin/users?q=${username}`);
  await admin.getByRole('link', { name: '通行密钥' }).click();
  await admin.getByTestId('reset-factors').click();
  await expect(admin.getByText('已重置')).toBeVisible();
  await page.goto('/orgs');
  await expect(page).toHaveURL(/\/login/);
});

test('the security settings show the demo exemption, to the 安全管理员 only', async ({ page, browser }) => {
  await openAs(page, 'secadmin', '/admin/security');
  await expect(page.getByTestId('demo-exempt').locator('input')).toBeChecked();
  const audit = await (await browser.newContext()).newPage();
  await openAs(audit, 'auditadmin', '/admin/security');
  await expect(audit.getByTestId('page-403')).toBeVisible();
});
