import { expect, test } from '@playwright/test';
import { openAs } from '../fixtures/login';

test('the committee sets a class; an invitee signs in on a phone from its QR link; an outsider cannot; the organizer records someone', async ({
  page,
  browser,
}) => {
  await openAs(page, 'committee', '/learning/training/new');
  const title = `端到端解标培训 ${Date.now() % 100000}`;
  const [from, to] = await page.evaluate(() => {
    const local = (d: Date) =>
      new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    return [local(new Date(Date.now() - 5 * 60_000)), local(new Date(Date.now() + 2 * 3_600_000))];
  });
  const form = page.getByTestId('training-form');
  await form.locator('#tr-title').fill(title);
  await form.locator('#tr-start').fill(from);
  await form.locator('#tr-end').fill(to);
  await form.locator('#tr-lecturer').fill('孙丽华');
  await form.getByRole('button', { name: '创建培训班' }).click();
  await expect(form.getByText('地点和线上链接至少填一项')).toBeVisible();
  await form.locator('#tr-place').fill('公司总部三楼党员活动室');
  await form.locator('#tr-articles').selectOption({ index: 0 });
  const branch = await form
    .locator('#tr-orgs option', { hasText: '滨江新城综合管廊项目党支部' })
    .first()
    .getAttribute('value');
  await form.locator('#tr-orgs').selectOption([branch!]);
  await form.getByRole('button', { name: '创建培训班' }).click();
  await expect(page).toHaveURL(/\/learning\/training\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('sign-in-qr').locator('svg')).toBeVisible();
  const link = new URL((await page.getByTestId('sign-in-url').innerText()).trim());
  const signInPath = link.pathname + link.search;

  const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true });
  const m = await phone.newPage();
  await openAs(m, 'member', signInPath);
  await m.getByRole('button', { name: '签到' }).click();
  await expect(m.getByTestId('sign-in-state')).toContainText('已签到');
  await m.goto(link.pathname.replace('/sign-in', '') + '?x=1');
  await expect(m.getByTestId('my-attendance')).toContainText('已签到');
  await expect(m.getByTestId('sign-in-qr')).toHaveCount(0);
  await m.goto(`${link.pathname}?t=not-the-real-code`);
  await expect(m.getByTestId('sign-in-state')).toContainText('已签到');
  await phone.close();

  const outsider = await (await browser.newContext()).newPage();
  await openAs(outsider, 'secretary2', signInPath);
  await expect(outsider.getByTestId('sign-in-state')).toContainText('不在本期培训班的受邀名单中');
  await expect(outsider.getByRole('button', { name: '签到' })).toHaveCount(0);
  await outsider.context().close();

  await page.reload();
  const clerkRow = page.getByTestId('attendance-form').locator('tr', { hasText: '刘晓燕' });
  await clerkRow.locator('input[type="checkbox"]').check();
  await page.getByRole('button', { name: '为勾选人员登记出勤' }).click();
  await expect(clerkRow).toContainText('组织者登记');
  await expect(page.getByTestId('attendance-form').locator('tr', { hasText: '王磊' })).toContainText(
    '扫码签到',
  );
  await expect(page.getByTestId('session-rate')).toContainText('出勤 2/');
});

test('the demo classes show their attendance; a member sees the coming class they are invited to', async ({
  page,
}) => {
  await openAs(page, 'member', '/learning/training');
  const list = page.getByTestId('training-list');
  await expect(list.locator('li', { hasText: '党费收缴与组织关系转接' })).toContainText('受邀');
  await expect(list.locator('li', { hasText: '“三会一课”与党建台账专题解标' })).toContainText(
    /出勤 \d+\/\d+/,
  );
  await expect(page.getByTestId('attendance-by-org')).toHaveCount(0);
});
