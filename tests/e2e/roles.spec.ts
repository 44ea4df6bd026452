import { expect, test } from '@playwright/test';
import { loginAs, navLabels, openAs } from '../fixtures/login';

// Runs of the nav in its order: the daily work (workbench to meeting records) and the people pages.
const DAILY = ['工作台', '党建手册', '重点学习', '学习考试', '工作提醒', '会议记录'];
const PEOPLE = ['党员队伍', '组织关系转接', '发展党员', '党费', '组织架构'];

// A branch's secretaries and clerks see the same areas, but for 党费 (personal data: the branch's leaders only).
const BRANCH_STAFF = [...DAILY, '对标自查', '反馈整改', '通知公告', ...PEOPLE];
const CLERK = BRANCH_STAFF.filter((label) => label !== '党费');

// Each demo role sees the areas it may use, and only those.
const EXPECTED: Record<string, string[]> = {
  // 三权分立: accounts; roles and security settings; the trace and security events.
  admin: ['工作台', '党建手册', '通知公告', '组织架构', '用户管理'],
  secadmin: ['工作台', '通知公告', '组织架构', '用户管理', '角色分配', '安全设置'],
  auditadmin: ['工作台', '通知公告', '操作日志', '安全事件'],
  committee: [
    ...DAILY,
    '督办',
    '对标自查',
    '考核',
    '反馈整改',
    '统计分析',
    '通知公告',
    ...PEOPLE,
    '操作日志',
  ],
  auditor: ['工作台', '党建手册', '考核', '反馈整改', '通知公告'],
  secretary: BRANCH_STAFF,
  clerk: CLERK,
  secretary2: BRANCH_STAFF,
  member: ['工作台', '党建手册', '重点学习', '学习考试', '反馈整改', '通知公告'],
};

for (const [username, labels] of Object.entries(EXPECTED)) {
  test(`${username} sees the right navigation`, async ({ page }) => {
    await loginAs(page, username);
    await expect(page.getByTestId('main-nav')).toBeVisible();
    expect(await navLabels(page)).toEqual(labels);
    await expect(page.getByTestId('my-roles')).toBeVisible();
  });
}

test('pages outside the role answer 403, not the data', async ({ page }) => {
  await openAs(page, 'member', '/orgs');
  await expect(page.getByTestId('page-403')).toBeVisible();
  await page.goto('/admin/users');
  await expect(page.getByTestId('page-403')).toBeVisible();
  await page.goto('/admin/audit-log');
  await expect(page.getByTestId('page-403')).toBeVisible();
});

test('logout ends the session', async ({ page }) => {
  // Its own session: logging out revokes it on the server, which must not end the shared one.
  await loginAs(page, 'clerk', undefined, { form: true });
  await page.getByTestId('main-nav').waitFor();
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/orgs');
  await expect(page).toHaveURL(/\/login/);
});
