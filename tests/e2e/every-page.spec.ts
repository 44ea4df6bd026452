import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, loginAs } from '../fixtures/login';

/**
 * Every navigation page of every demo role, at a desk (1280 px) and on a phone (375 px): no console error, no
 * uncaught page error, no 5xx response, nothing wider than the screen, and the 演示数据 mark; and at the desk, axe-core
 * finds no serious or critical violation of WCAG 2.1 AA (issue 18.6: colour contrast of the red theme included).
 */

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function accessibility(page: Page): Promise<string[]> {
  // Rows of a list past the fifth repeat the first five's markup: left out, they only cost time.
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('.wb-tr:nth-child(n+6)')
    .analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${page.url()} axe ${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`,
    );
}
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

// The roles' walks are independent: both workers share them.
test.describe.configure({ mode: 'parallel' });

for (const username of DEMO_USERS) {
  test(`${username}: every navigation page at 1280 px and 375 px is clean`, async ({ page }) => {
    // With axe-core on every page the committee's walk takes about two minutes on two cores.
    test.setTimeout(360_000);
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
        if (width === 1280) problems.push(...(await accessibility(page)));
      }
    }
    // The pages every role has besides the navigation: 账号安全, 会话, 消息中心.
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const href of ['/account/security', '/account/sessions', '/notifications']) {
      await page.goto(href);
      await page.waitForLoadState('networkidle');
      problems.push(...(await accessibility(page)));
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
  // A malformed unit in a filter is ignored: the page answers, unfiltered.
  for (const path of [`/insights?orgId=${'-'.repeat(36)}`, '/reminders/supervision?orgId=x']) {
    expect((await page.goto(path))?.status(), path).toBe(200);
  }
  // Found by a hostile pass: ids that look like UUIDs and are not, page numbers and years out of range, a NUL in
  // the address. Each was a 500.
  const dashes = '-'.repeat(36);
  expect((await page.goto(`/orgs/new?parent=${dashes}`))?.status()).toBe(404);
  for (const path of [
    `/handbook?v=${dashes}`,
    `/handbook/articles/1?v=${dashes}`,
    `/handbook/versions/diff?a=${dashes}&b=${dashes}`,
    `/people/dues?orgId=${dashes}`,
    '/announcements?page=1e20',
    '/notifications?page=1e30',
    '/exams/bank?page=Infinity',
    '/reminders/supervision?page=1e20',
    '/insights?to=1',
    '/insights?to=-5&from=1e308',
    '/insights/annual?year=1e20',
  ]) {
    const status = (await page.goto(path))?.status() ?? 0;
    expect(status, path).toBeGreaterThanOrEqual(200);
    expect(status, path).toBeLessThan(500);
  }
  for (const path of ['/people?q=%00', '/api/orgs/tree?q=%00', '/exams/bank?tag=a%00b']) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.text(), path).toContain('空字符');
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

test('the pages before sign-in pass axe-core too: login, a refused company sign-in, offline', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  for (const href of ['/login', '/login/company?provider=wecom&error=no-match', '/offline']) {
    await page.goto(href);
    await page.waitForLoadState('networkidle');
    problems.push(...(await accessibility(page)));
  }
  expect(problems).toEqual([]);
  await context.close();
});
