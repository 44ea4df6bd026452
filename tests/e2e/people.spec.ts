import { expect, test, type Page } from '@playwright/test';
import { hashPassword } from '../../lib/auth/password';
import { createPrismaClient } from '../../lib/db/client';
import { loginAs, openAs } from '../fixtures/login';
import { workbook } from '../fixtures/workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIRST = '滨江新城综合管廊项目党支部';
const SECOND = '北环快速路三标段项目党支部';
const THIRD = '云岭隧道项目党支部';
// A sheet exported from another system: its own column names and order, mapped on the page.
const HEAD = '序号 姓名 人员编号 性别 人员类别 入党时间 转正时间 所在党支部 联系电话'.split(' ');

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await page.locator('#people-file').setInputFiles({ name, mimeType: XLSX, buffer });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
}

test('the committee imports 50 people from another system’s sheet, then sees the report of a bad file', async ({
  page,
}) => {
  await openAs(page, 'committee', '/people');
  const total = async () => Number((await page.getByTestId('roster-total').innerText()).replace(/\D/g, ''));
  const before = await total();
  const run = Date.now().toString(36).toUpperCase();
  const rows = Array.from({ length: 50 }, (_, i) => [
    String(i + 1),
    `导入党员${i + 1}`,
    `IM${run}${String(i).padStart(2, '0')}`,
    i % 3 ? '男' : '女',
    i % 5 ? '正式党员' : '预备党员',
    i % 5 ? '2012-07-01' : '2026-06-20',
    i % 5 ? '2013-07-01' : '',
    FIRST,
    `1390000${String(i).padStart(4, '0')}`,
  ]);
  await page.goto('/people/import');
  await chooseFile(page, '党员信息.xlsx', await workbook('党员信息', HEAD, rows));
  // Matched by name: 人员编号 → 工号, 人员类别 → 党内身份, 所在党支部 → 组织关系.
  await expect(page.locator('#map-employeeNo')).toHaveValue('3');
  await expect(page.locator('#map-status')).toHaveValue('5');
  await expect(page.locator('#map-org')).toHaveValue('8');
  await page.getByRole('button', { name: '导入 50 行' }).click();
  await expect(page.getByTestId('import-success')).toContainText('新增 50 人');
  await page.goto('/people');
  expect(await total()).toBe(before + 50);

  const bad = await workbook('党员信息', HEAD, [
    ['1', '正常', `IM${run}X1`, '男', '正式党员', '2010-05-01', '2011-05-03', FIRST, ''],
    ['2', '单位不对', `IM${run}X2`, '男', '正式党员', '2010-05-01', '2011-05-03', '不存在的党支部', ''],
    ['3', '日期在未来', `IM${run}X3`, '女', '预备党员', '2099-01-01', '', FIRST, ''],
    ['4', '重复工号', `IM${run}X1`, '男', '群众', '', '', FIRST, ''],
  ]);
  await page.goto('/people/import');
  await chooseFile(page, '有错.xlsx', bad);
  await page.getByRole('button', { name: '导入 4 行' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('全部未导入');
  await expect(report).toContainText('找不到单位“不存在的党支部”');
  await expect(report).toContainText('日期不能晚于今天');
  await expect(report).toContainText('工号与第 2 行重复');
  await page.goto('/people');
  expect(await total()).toBe(before + 50);
});

test('a transfer: the secretary proposes, the committee issues the letter, the receiving secretary confirms; a third branch sees none of it', async ({
  page,
  browser,
}) => {
  // Three people in three browsers through four pages each: more than a minute on a busy two-core machine.
  test.slow();
  const employeeNo = `TR${Date.now().toString(36).toUpperCase()}`;
  const name = `调动测试${employeeNo.slice(-4)}`;
  // The secretary registers a member through the form.
  await openAs(page, 'secretary', '/people/new');
  await page.locator('#employeeNo').fill(employeeNo);
  await page.locator('#name').fill(name);
  await page.locator('#status').selectOption('FULL');
  await page.locator('#admittedOn').fill('2016-06-28');
  await page.locator('#fullOn').fill('2017-06-30');
  await page.locator('#orgId').selectOption({ label: FIRST });
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('person-name')).toHaveText(name);
  const personUrl = page.url();

  // … and proposes the transfer to the second branch.
  const propose = page.getByTestId('propose-transfer');
  await propose.locator('#toOrgId').selectOption({ label: `　${SECOND}` });
  await propose.locator('#reason').fill('调往北环快速路三标段项目');
  await propose.getByRole('button', { name: '提出转接' }).click();
  await expect(page.getByTestId('person-transfers')).toContainText('待开具');

  // The committee issues the letter.
  const committee = await browser.newPage();
  await openAs(committee, 'committee', '/people/transfers');
  const row = committee.getByTestId('proposed').locator(`[data-person="${employeeNo}"]`);
  await row.getByLabel('介绍信编号').fill('华岳党委组转字〔2026〕第88号');
  await row.getByRole('button', { name: '开具介绍信' }).click();
  await expect(committee.getByTestId('in-transit').locator(`[data-person="${employeeNo}"]`)).toContainText(
    '在途',
  );

  // The sending secretary may not confirm; the receiving one does.
  await page.goto('/people/transfers');
  await expect(page.getByTestId('in-transit').locator(`[data-person="${employeeNo}"]`)).toBeVisible();
  await expect(
    page
      .getByTestId('in-transit')
      .locator(`[data-person="${employeeNo}"]`)
      .getByRole('button', { name: '确认报到' }),
  ).toHaveCount(0);
  const receiving = await browser.newPage();
  await openAs(receiving, 'secretary2', '/people/transfers');
  const arriving = receiving.getByTestId('in-transit').locator(`[data-person="${employeeNo}"]`);
  await arriving.getByRole('button', { name: '确认报到' }).click();
  await expect(receiving.getByTestId('closed').locator(`[data-person="${employeeNo}"]`)).toContainText(
    '已报到',
  );
  await receiving.goto(personUrl);
  await expect(receiving.getByTestId('person-name')).toHaveText(name);
  await expect(receiving.getByRole('link', { name: SECOND })).toBeVisible();

  // A secretary of a third branch opens neither this person nor anyone of the first branch by URL.
  const db = createPrismaClient();
  const username = `sec3${Date.now().toString(36)}`;
  try {
    const third = await db.organization.findFirstOrThrow({ where: { name: THIRD } });
    const firstMember = await db.person.findFirstOrThrow({
      where: { org: { name: FIRST }, workOrgId: null },
    });
    await db.user.create({
      data: {
        username,
        name: '第三支部书记',
        orgId: third.id,
        passwordHash: await hashPassword('Third@2026x'),
        roles: { create: { role: 'SECRETARY', orgId: third.id } },
      },
    });
    const outsider = await browser.newPage();
    await loginAs(outsider, username, 'Third@2026x', { form: true });
    for (const url of [personUrl, `/people/${firstMember.id}`, `/people/${firstMember.id}/edit`]) {
      await outsider.goto(url);
      await expect(outsider.getByTestId('page-403')).toBeVisible();
    }
    await outsider.goto('/people/transfers');
    await expect(outsider.locator('main')).toBeVisible();
    await expect(outsider.locator('main')).not.toContainText(name);
  } finally {
    await db.$disconnect();
  }
});

test('a member opens their own record from the workbench, phone in clear, and nobody else’s', async ({
  page,
}) => {
  await openAs(page, 'member', '/');
  await page.getByTestId('my-person').click();
  await expect(page.getByTestId('person-name')).toHaveText('王磊');
  await expect(page.getByTestId('person-phone')).toContainText('13900010007');
  const db = createPrismaClient();
  try {
    const other = await db.person.findFirstOrThrow({
      where: { org: { name: FIRST }, NOT: { name: '王磊' } },
    });
    await page.goto(`/people/${other.id}`);
    await expect(page.getByTestId('page-403')).toBeVisible();
  } finally {
    await db.$disconnect();
  }
  await page.goto('/people');
  await expect(page.getByTestId('page-403')).toBeVisible();
});
