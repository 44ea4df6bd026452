import { expect, test } from '@playwright/test';

/**
 * The phone as an app (issue 18.7): a web app manifest with icons, so the portal can be added to the home screen,
 * and a service worker that shows the offline page when a page cannot be reached.
 */
test('the manifest names the app, starts at the workbench and has its icons', async ({ page, request }) => {
  await page.goto('/login');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#b91c1c');
  const res = await request.get('/manifest.webmanifest');
  expect(res.status()).toBe(200);
  const m = (await res.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(m).toMatchObject({ short_name: '五标', start_url: '/', display: 'standalone' });
  expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of m.icons) {
    const img = await request.get(icon.src);
    expect(img.status(), icon.src).toBe(200);
    expect(img.headers()['content-type']).toBe('image/png');
  }
});

test('offline, a page that cannot be reached is the offline page; back online, the portal again', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/login');
  // The worker installed, with the offline page in its cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(async () => !!(await caches.match('/offline'))), { timeout: 15_000 })
    .toBe(true);
  await context.setOffline(true);
  await page.goto('/reminders');
  await expect(page.getByTestId('offline-title')).toHaveText('当前没有网络');
  await expect(page.getByText('已打开的考核评分页')).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('link', { name: '重试' }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
