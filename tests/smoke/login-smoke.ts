// CI's fresh-start smoke test: sign in through the real login form of a running portal.
//   BASE_URL=http://127.0.0.1:3000 tsx tests/smoke/login-smoke.ts
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../lib/browser';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await page.goto(`${base}/login`);
  const form = page.getByTestId('login-form');
  await form.locator('input[name="username"]').fill('committee');
  await form.locator('input[name="password"]').fill('Wubiao@2026');
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 30_000 });
  await page.getByTestId('my-roles').waitFor({ timeout: 30_000 });
  const text = await page.getByTestId('my-roles').innerText();
  if (!text.includes('党委')) throw new Error(`unexpected workbench: ${text}`);
  console.log('smoke: committee signed in on the embedded default ✓');
} finally {
  await browser.close();
}
