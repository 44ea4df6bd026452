import { expect, test } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';
import { createPrismaClient } from '../../lib/db/client';

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

test('another branch’s records refused to a secretary are security events the 审计管理员 reads', async ({
  page,
  browser,
}) => {
  const db = createPrismaClient();
  try {
    const branch = { org: { name: '滨江新城综合管廊项目党支部' } };
    const person = await db.person.findFirstOrThrow({ where: branch, select: { id: true } });
    const evidence = await db.evidence.findFirstOrThrow({ where: { task: branch }, select: { id: true } });
    await openAs(page, 'secretary2', `/people/${person.id}`);
    await expect(page.getByTestId('page-403')).toBeVisible();
    expect((await page.request.get(`/api/reminders/evidence/${evidence.id}`)).status()).toBe(403);
    const events = await db.securityEvent.findMany({
      where: { kind: 'access.denied', username: 'secretary2' },
      orderBy: { id: 'desc' },
      take: 2,
    });
    expect(events.map((e) => e.detail)).toEqual([
      { via: 'download', reason: 'forbidden', path: `/api/reminders/evidence/${evidence.id}` },
      { via: 'page', reason: 'forbidden', path: `/people/${person.id}` },
    ]);
    const audit = await (await browser.newContext()).newPage();
    await openAs(audit, 'auditadmin', '/admin/security-events');
    const rows = audit.getByTestId('security-events').getByRole('row').filter({ hasText: 'secretary2' });
    await expect(rows.filter({ hasText: '越权下载被拒' }).first()).toContainText(evidence.id);
    await expect(rows.filter({ hasText: '越权访问被拒：页面' }).first()).toContainText(
      `/people/${person.id}`,
    );
  } finally {
    await db.$disconnect();
  }
});
