import { expect, test } from '@playwright/test';
import { openAs } from '../fixtures/login';

test('the committee publishes an announcement; the secretary reads it; the receipt shows it', async ({
  page,
  browser,
}) => {
  const title = `关于报送年度党建工作总结的通知 ${Date.now() % 100000}`;
  await openAs(page, 'committee', '/announcements/new');
  const form = page.getByTestId('publish-form');
  await form.getByRole('button', { name: '发布' }).click();
  await expect(form).toContainText('请填写标题');
  await form.locator('#ann-title').fill(title);
  await form.locator('#ann-body').fill('请各支部于12月20日前报送年度党建工作总结。');
  await form.locator('#ann-targets').selectOption({ label: '　滨江新城综合管廊项目党支部' });
  await form.locator('#ann-files').setInputFiles({
    name: '总结模板.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF'),
  });
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('announcement-title')).toHaveText(title);
  const url = page.url();
  await expect(page.getByTestId('receipts')).toContainText('未读');

  const secretary = await (await browser.newContext()).newPage();
  await openAs(secretary, 'secretary', '/announcements');
  // Opening it is reading it: the page's script records the receipt (a POST to the page) once it is live.
  const receipt = secretary.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/announcements\/[0-9a-f-]{36}$/.test(r.url()),
  );
  await secretary.getByRole('link', { name: title }).click();
  await expect(secretary.getByTestId('announcement-body')).toContainText('年度党建工作总结');
  await receipt;
  const file = await secretary.request.get(
    (await secretary.getByRole('link', { name: '总结模板.pdf' }).getAttribute('href'))!,
  );
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toContain('attachment');
  await secretary.goto('/announcements');
  await expect(
    secretary.getByTestId('announcement-list').locator('li').filter({ hasText: title }),
  ).not.toContainText('未读');
  await secretary.context().close();

  const other = await (await browser.newContext()).newPage();
  await openAs(other, 'secretary2', url);
  await expect(other.getByTestId('page-404').or(other.getByTestId('page-403'))).toBeVisible();
  await other.context().close();

  await page.reload();
  await expect(page.getByTestId('receipts').locator('tr').filter({ hasText: '陈志强' })).not.toContainText(
    '未读',
  );
});
