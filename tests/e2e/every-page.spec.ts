import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, loginAs } from '../fixtures/login';

/**
 * Every navigation page of every demo role, at a desk (1280 px) and on a phone (375 px): no console error, no
 * uncaught page error, no 5xx response, nothing wider than the screen, and the 演示数据 mark.
 */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()} console: ${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()} page error: ${e.message.slice(0, 80)}`));
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

async function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const username of DEMO_USERS) {
  test(`${username}: every navigation page at 1280 px and 375 px is clean`, async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watch(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAs(page, username);
    const hrefs = await page
      .getByTestId('main-nav')
      .locator('[data-nav-item]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 740 : 900 });
      for (const href of hrefs) {
        const res = await page.goto(href);
        await page.waitForLoadState('networkidle');
        expect(res?.status(), `${href} at ${width}`).toBeLessThan(400);
        expect(await overflow(page), `horizontal overflow on ${href} at ${width} px`).toBeLessThanOrEqual(0);
        // The demo database says so on every page.
        await expect(page.getByTestId('demo-mark'), href).toHaveCount(1);
      }
    }
    expect(problems).toEqual([]);
  });
}

test('a malformed id in a route is the 404 page, never a 500', async ({ page }) => {
  await loginAs(page, 'committee');
  for (const path of [
    '/self-checks/not-a-uuid',
    "/orgs/'%20or%201=1",
    '/orgs/123/edit',
    '/audits/x',
    '/audits/plans/x',
    '/feedback/x',
    '/feedback/x/print',
    '/exams/x/results',
    '/exams/attempts/x',
    '/exams/bank/x/edit',
    '/announcements/x',
    '/learning/training/x',
    '/learning/training/x/sign-in',
    '/handbook/articles/abc',
    '/handbook/draft/articles/x',
    '/admin/users/x',
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByTestId('page-404'), path).toBeVisible();
  }
  for (const path of [
    '/api/reminders/evidence/x',
    '/api/handbook/attachments/x',
    '/api/announcements/attachments/x',
    '/api/feedback/x/pdf',
    '/api/training/materials/x/0',
    '/api/learning/visits/00000000-0000-0000-0000-000000000000/x',
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});
