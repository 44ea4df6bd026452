import { expect, test } from '@playwright/test';
import { openAs } from '../fixtures/login';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true });

  test('an auditor scores three criteria with a photo, reloads, loses the network, comes back, and finds everything once', async ({
    page,
    context,
  }) => {
    await openAs(page, 'auditor', '/audits?status=PLANNED');
    await page
      .getByTestId('audit-list')
      .getByRole('link', { name: '滨江新城综合管廊项目党支部' })
      .first()
      .click();
    const form = page.getByTestId('scoring-form');
    const cards = form.locator('li[data-testid^="criterion-"]');
    const status = page.getByTestId('sync-status');

    await cards.nth(0).locator('input[inputmode="numeric"]').fill('1');
    await cards.nth(0).locator('textarea').fill('支委会记录缺签到表');
    await cards
      .nth(0)
      .locator('input[type="file"]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await expect(cards.nth(0)).toContainText('📎 现场照片.png');
    await cards.nth(1).locator('input[inputmode="numeric"]').fill('0');
    await expect(status).toHaveText('已全部保存');

    await page.reload();
    await expect(cards.nth(0).locator('input[inputmode="numeric"]')).toHaveValue('1');
    await expect(cards.nth(1).locator('input[inputmode="numeric"]')).toHaveValue('0');

    await context.setOffline(true);
    await cards.nth(2).locator('input[inputmode="numeric"]').fill('1');
    await cards.nth(2).locator('textarea').fill('宣传栏内容未更新');
    const findings = page.getByTestId('findings');
    await findings.locator('input').fill('党员活动室兼作材料库，需协调场地');
    await findings.getByRole('button', { name: '添加' }).click();
    await expect(status).toContainText('离线');
    await context.setOffline(false);
    await expect(status).toHaveText('已全部保存', { timeout: 15_000 });

    await page.reload();
    await expect(cards.nth(2).locator('input[inputmode="numeric"]')).toHaveValue('1');
    await expect(cards.nth(2).locator('textarea')).toHaveValue('宣传栏内容未更新');
    await expect(findings.getByText('党员活动室兼作材料库，需协调场地')).toHaveCount(1);
    await expect(cards.nth(0).getByText('📎 现场照片.png')).toHaveCount(1);
    await expect(page.getByTestId('running-total')).toContainText('尚有');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });
});

test('a branch secretary cannot open an audit by URL; the committee verifies the spot-check draw and sees the gap', async ({
  page,
  browser,
}) => {
  await openAs(page, 'committee', '/audits');
  await page
    .getByTestId('plan-list')
    .getByRole('link', { name: /不定期抽查/ })
    .click();
  await expect(page.getByTestId('draw-record')).toContainText('mulberry32/es-v1');
  await page.getByTestId('verify-draw').click();
  await expect(page.getByTestId('verify-draw-result')).toContainText('复核一致');
  const auditUrl = await page.getByTestId('plan-targets').getByRole('link').first().getAttribute('href');

  const secretary = await (await browser.newContext()).newPage();
  await openAs(secretary, 'secretary', auditUrl!);
  await expect(secretary.getByTestId('page-403')).toBeVisible();
  await secretary.context().close();

  await page.goto('/audits/gap');
  await expect(page.getByTestId('gap-table')).toContainText('城西安置房项目党支部');
});
