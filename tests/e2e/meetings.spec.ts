import { expect, test } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';

const FIRST = '滨江新城综合管廊项目党支部';
// A 1×1 PNG, as a phone's camera would hand over a photo of the sign-in sheet.
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0a7a8e00000000049454e44ae426082',
  'hex',
);

test.use({ viewport: { width: 375, height: 800 } });

test('on a phone, a clerk records a 支委会 with 5 of 7 present and a photo, reloads, and submits', async ({
  page,
}) => {
  await openAs(page, 'clerk', '/meetings/new');
  await page.getByLabel('党组织').selectOption({ label: FIRST });
  await page.getByLabel('会议类型').selectOption({ label: '支部委员会' });
  await page.getByRole('button', { name: '开始记录' }).click();
  await expect(page.getByTestId('meeting-editor')).toBeVisible();

  const ticks = page.getByRole('checkbox', { name: /到会$/ });
  await expect(page.getByTestId('present-count')).toHaveText('到会 0 / 应到 7');
  for (let i = 0; i < 5; i += 1) await ticks.nth(i).check();
  await expect(page.getByTestId('present-count')).toHaveText('到会 5 / 应到 7');
  await expect(page.getByTestId('validity')).toContainText('会议有效');
  await expect(page.getByTestId('makeup-needed')).toContainText('需补学');
  await page.getByLabel('主题').fill('研究部署本月党建工作和安全生产重点');
  await page.getByLabel('地点', { exact: true }).fill('项目部一楼会议室');
  await page
    .getByTestId('camera-input')
    .setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(page.getByTestId('meeting-files')).toContainText('签到表.png');

  // Nothing typed is lost with the page: the ticks and the topic come back from the device, the photo from the server.
  await page.reload();
  await expect(page.getByTestId('restored')).toBeVisible();
  await expect(page.getByTestId('present-count')).toHaveText('到会 5 / 应到 7');
  await expect(page.getByLabel('主题')).toHaveValue('研究部署本月党建工作和安全生产重点');
  await expect(page.getByTestId('meeting-files')).toContainText('签到表.png');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('validity')).toContainText('会议有效');
  await expect(page.getByText('已完成工作提醒 A-04-1')).toBeVisible();
  await expect(page.getByTestId('attendees')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交' })).toHaveCount(0);
});

test('another branch’s secretary gets a 404 for the record, and the committee reads it without editing', async ({
  browser,
}) => {
  const clerk = await browser.newPage();
  await openAs(clerk, 'clerk', '/meetings');
  await clerk.getByTestId('meetings').getByRole('link').first().click();
  await expect(clerk).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const url = clerk.url();
  const other = await browser.newPage();
  await loginAs(other, 'secretary2');
  const r = await other.goto(url);
  expect(r?.status()).toBe(404);
  const committee = await browser.newPage();
  await openAs(committee, 'committee', url);
  await expect(committee.getByTestId('validity')).toBeVisible();
  await expect(committee.getByTestId('meeting-editor')).toHaveCount(0);
});

test('the branch list shows the member past six months without organizational life', async ({ page }) => {
  await openAs(page, 'secretary', '/meetings/attendance');
  await expect(page.getByTestId('lapsed-alert')).toContainText('1 名党员已连续六个月未参加组织生活');
  await expect(page.getByTestId('attendance')).toContainText('连续6个月未参加组织生活');
});
