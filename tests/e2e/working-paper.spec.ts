import { expect, test } from '@playwright/test';
import { createPrismaClient } from '../../lib/db/client';
import { openAs } from '../fixtures/login';

const FIRST = '滨江新城综合管廊项目党支部';
const SECOND = '北环快速路三标段项目党支部';

test.use({ viewport: { width: 375, height: 800 } });

test('on a phone, the team leader draws records in every unit, opens one, verifies the paper and signs it off', async ({
  page,
}) => {
  const db = createPrismaClient();
  try {
    const plan = await db.auditPlan.findFirstOrThrow({
      where: { kind: 'YEAR_END', closedAt: null },
      select: { id: true },
    });
    await openAs(page, 'auditor', `/audits/plans/${plan.id}`);
    const form = page.getByTestId('draw-sample');
    await form.getByLabel('记录类型').selectOption('COMMITTEE');
    await form.getByLabel('每个单位抽取份数').fill('2');
    const seed = `e2e-${Date.now()}`;
    await form.getByLabel('随机种子（可不填，自动生成）').fill(seed);
    await form.getByRole('button', { name: '抽取记录' }).click();
    await expect(page.getByTestId('sample-paper')).toContainText('二级抽样工作底稿：支部委员会');
    await expect(page.getByTestId('sample-seed')).toHaveText(seed);
    const unit = page.getByTestId('sample-unit').filter({ hasText: FIRST });
    // Two drawn, and any record behind the unit's last deductions besides.
    expect(await unit.getByTestId('sample-record').count()).toBeGreaterThanOrEqual(2);
    // The auditor opens a drawn record of the unit the team audits.
    const record = unit.getByTestId('sample-record').first().getByRole('link');
    const day = (await record.innerText()).slice(0, 10);
    await record.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(FIRST);
    await page.goBack();
    await page.getByTestId('verify-sample').click();
    await expect(page.getByTestId('verify-sample-result')).toContainText('复核一致');
    // A sign-off needs a conclusion.
    await page.getByRole('button', { name: '签认底稿' }).click();
    await expect(page.getByText('请填写复核结论。')).toBeVisible();
    await page.getByLabel('复核结论').fill(`抽查支委会记录，${day} 一份议题、表决、签到齐全。`);
    await page.getByRole('button', { name: '签认底稿' }).click();
    await expect(page.getByTestId('sample-signed')).toContainText(day);
    await page.reload();
    await expect(page.getByTestId('sample-signed')).toBeVisible();
    await expect(page.getByRole('button', { name: '签认底稿' })).toHaveCount(0);
  } finally {
    await db.$disconnect();
  }
});

test('the committee sees in 督办 the photo the second branch reused, flagged in both branches', async ({
  page,
}) => {
  // The year of the reused photo: 督办 lists the flagged photos of the filtered period.
  const db = createPrismaClient();
  const reused = await db.photoCheck.findFirstOrThrow({ where: { fileName: '主题党日集体照.jpg' } });
  await db.$disconnect();
  await openAs(
    page,
    'committee',
    `/reminders/supervision?periodKey=${reused.activityDate.toISOString().slice(0, 4)}`,
  );
  const checks = page.getByTestId('photo-checks');
  const theirs = checks.getByTestId('photo-flagged').filter({ hasText: '主题党日集体照.jpg' });
  await expect(theirs).toContainText(SECOND);
  await expect(theirs.getByTestId('photo-flag-reuse')).toContainText(FIRST);
  const ours = checks.getByTestId('photo-flagged').filter({ hasText: '主题党日活动合影.jpg' });
  await expect(ours.getByTestId('photo-flag-reuse')).toContainText(SECOND);
  // The second branch's photo with a damaged EXIF block.
  const damaged = checks.getByTestId('photo-flagged').filter({ hasText: '支委会现场.jpg' });
  await expect(damaged.getByTestId('photo-flag-unreadable')).toBeVisible();
});
