import { expect, test } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';

test('a download is traced, and the 审计管理员 sees who took which list', async ({ page, browser }) => {
  await loginAs(page, 'committee');
  const r = await page.request.get('/api/orgs/export');
  expect(r.status()).toBe(200);
  const audit = await (await browser.newContext()).newPage();
  await openAs(audit, 'auditadmin', '/admin/audit-log?action=download.workbook');
  const row = audit.getByRole('row').filter({ hasText: '孙丽华' }).first();
  await expect(row).toContainText('下载表格');
  await expect(row).toContainText('/api/orgs/export');
});

test('a member downloads what the portal holds about them, and that is traced', async ({ page, browser }) => {
  await openAs(page, 'member', '/account/security');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-data').click()]);
  const data = JSON.parse(
    await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'),
  );
  expect(data.account.username).toBe('member');
  expect(data.partyRecord.name).toBe('王磊');
  const audit = await (await browser.newContext()).newPage();
  await openAs(audit, 'auditadmin', '/admin/audit-log?action=download.personal');
  await expect(audit.getByRole('row').filter({ hasText: '王磊' }).first()).toContainText('下载本人个人信息');
});
