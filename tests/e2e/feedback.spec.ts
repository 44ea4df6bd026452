import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';

const FIRST = '滨江新城综合管廊项目党支部';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function openScoredAudit(page: Page) {
  await page.goto('/audits?status=SCORED');
  await page.getByTestId('audit-list').getByRole('link', { name: FIRST }).first().click();
}

test('the full loop: feedback issued → acknowledged → rectified with evidence → verified → the next audit shows the focus; the PDF names the unit', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The audit team leader issues the sheet from the scored audit.
  await loginAs(page, 'auditor');
  await openScoredAudit(page);
  const form = page.getByTestId('issue-feedback');
  await form.locator('#fb-summary').fill('组织生活总体规范，台账及时性有待提高。');
  await form.getByLabel('整改建议 1').fill('一周内补齐党课记录并经支委会审核');
  await form.getByLabel('整改建议 2').fill('更换为2026版制度并拍照上传');
  await form.getByRole('button', { name: '下发反馈单' }).click();
  await expect(page.getByTestId('feedback-sheet')).toContainText(FIRST);
  const sheetUrl = page.url();

  // The PDF is produced and its text (read back with pdftotext) names the unit.
  const pdf = await page.request.get(`${sheetUrl.replace('/feedback/', '/api/feedback/')}/pdf`);
  expect(pdf.status()).toBe(200);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fb-')), 'sheet.pdf');
  writeFileSync(file, await pdf.body());
  expect(execFileSync('pdftotext', ['-layout', file, '-']).toString()).toContain(FIRST);

  // The unit's secretary acknowledges, rectifies with evidence and submits both items.
  const secretary = await (await browser.newContext()).newPage();
  await openAs(secretary, 'secretary', sheetUrl);
  await secretary.getByTestId('acknowledge').click();
  await expect(secretary.getByTestId('acknowledgement')).toContainText('已于');
  await secretary.goto('/rectifications');
  for (const problem of ['“三会一课”台账中10月党课记录缺失', '党员活动室制度上墙内容仍为2025版']) {
    const item = secretary
      .getByTestId('rectification-item')
      .filter({ hasText: problem })
      .filter({ has: secretary.getByTestId('unit-forms') })
      .first();
    const id = await item.getAttribute('data-item-id');
    const card = secretary.locator(`[data-item-id="${id}"]`);
    await card.getByLabel('整改措施').fill('支委会研究后立即整改，书记负责');
    await card.getByRole('button', { name: '保存措施' }).click();
    await card
      .locator('input[type="file"]')
      .setInputFiles({ name: '整改照片.png', mimeType: 'image/png', buffer: PNG });
    await card.getByRole('button', { name: '上传' }).click();
    await expect(card).toContainText('📎 整改照片.png');
    await card.getByRole('button', { name: '提交验收' }).click();
    await expect(card).toContainText('待验收');
  }
  await secretary.context().close();

  // The team accepts one and returns the other.
  await page.goto('/rectifications');
  // The first item with the problem that shows the team's verify forms.
  const toVerify = (problem: string) =>
    page
      .getByTestId('rectification-item')
      .filter({ hasText: problem })
      .filter({ has: page.getByTestId('verify-forms') })
      .first();
  const accept = toVerify('“三会一课”台账中10月党课记录缺失');
  const acceptId = await accept.getAttribute('data-item-id');
  await accept.getByRole('button', { name: '验收通过' }).click();
  await expect(page.locator(`[data-item-id="${acceptId}"]`)).toContainText('已销号');
  const back = toVerify('党员活动室制度上墙内容仍为2025版');
  const backId = await back.getAttribute('data-item-id');
  await back.getByLabel('退回原因').fill('照片不清晰');
  await back.getByRole('button', { name: '退回' }).click();
  await expect(page.locator(`[data-item-id="${backId}"]`)).toContainText('已退回');

  // The unit's next audit (the year-end inspection) lists the returned item as its focus, not the accepted one.
  await page.goto('/audits');
  await page
    .getByTestId('audit-list')
    .locator('li')
    .filter({ hasText: '集中检查' })
    .filter({ hasText: FIRST })
    .getByRole('link')
    .click();
  const focus = page.getByTestId('audit-focus');
  await expect(focus).toContainText('党员活动室制度上墙内容仍为2025版');
  await expect(focus).not.toContainText('“三会一课”台账中10月党课记录缺失');
});
