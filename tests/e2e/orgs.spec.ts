import { expect, test } from '@playwright/test';
import { openAs } from '../fixtures/login';

async function firstBranchHref(page: import('@playwright/test').Page, secretaryUsername: string) {
  // The secretary's own branch is the first node of their tree.
  await openAs(page, secretaryUsername, '/orgs');
  const link = page.getByTestId('org-node').first().locator('a').first();
  return { href: (await link.getAttribute('href'))!, name: (await link.innerText()).trim() };
}

test('secretary2 opening the first branch by URL gets the 403 page and no data', async ({ browser }) => {
  const ctx1 = await browser.newContext();
  const { href, name } = await firstBranchHref(await ctx1.newPage(), 'secretary');
  await ctx1.close();
  const ctx2 = await browser.newContext();
  const page = await ctx2.newPage();
  await openAs(page, 'secretary2', href);
  await expect(page.getByTestId('page-403')).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  // Their own tree does not list it either.
  await page.goto('/orgs');
  await expect(page.getByTestId('org-node').filter({ hasText: name })).toHaveCount(0);
  await ctx2.close();
});

test('a secretary sees their own subtree read-only', async ({ page }) => {
  const { href } = await firstBranchHref(page, 'secretary');
  await page.goto(href);
  await expect(page.getByTestId('org-name')).toBeVisible();
  await expect(page.getByRole('link', { name: '新建下级组织' })).toHaveCount(0);
  await page.goto(`/orgs/new?parent=${href.split('/').pop()}`);
  await expect(page.getByTestId('page-403')).toBeVisible();
});

test('committee creates a party group; bad input is refused in Chinese; the trace shows it', async ({
  page,
  browser,
}) => {
  const other = await browser.newContext();
  const { href } = await firstBranchHref(await other.newPage(), 'secretary');
  await other.close();
  await openAs(page, 'committee', href);
  await page.getByRole('link', { name: '新建下级组织' }).click();
  const form = page.getByTestId('org-form');
  await form.locator('#type').selectOption('PARTY_GROUP');

  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('error-name')).toHaveText('此项必填。');

  await form.locator('#name').fill('<script>alert(1)</script>');
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('error-name')).toContainText('不能包含');

  const name = `第九党小组${Date.now() % 100000}`;
  await form.locator('#name').fill(name);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('org-name')).toHaveText(name);
  await expect(page.getByTestId('org-history')).toContainText('新建组织');

  // A second identical submit is refused and creates nothing.
  await page.goto(href);
  await page.getByRole('link', { name: '新建下级组织' }).click();
  await page.getByTestId('org-form').locator('#type').selectOption('PARTY_GROUP');
  await page.getByTestId('org-form').locator('#name').fill(name);
  await page.getByTestId('org-form').locator('button[type="submit"]').click();
  await expect(page.getByTestId('error-name')).toContainText('已有名为');

  await page.goto(`/admin/audit-log?entityType=Organization`);
  await expect(page.getByTestId('audit-table')).toContainText('新建组织');
  await expect(page.getByTestId('audit-table')).toContainText(name);
  // The kind of record in words, not the model's name.
  await expect(page.getByTestId('audit-table')).not.toContainText('Organization');
});

test('committee imports the template from Excel; a second upload is refused row by row; export downloads', async ({
  page,
}) => {
  await openAs(page, 'committee', '/orgs/import');
  const template = await page.request.get('/api/orgs/template');
  expect(template.status()).toBe(200);
  const buffer = Buffer.from(await template.body());
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  await page
    .locator('#file')
    .setInputFiles({ name: 'notes.xlsx', mimeType: xlsx, buffer: Buffer.from('not a workbook') });
  await page.getByRole('button', { name: '检查并导入' }).click();
  await expect(page.getByTestId('form-error')).toContainText('不是 .xlsx');

  await page.locator('#file').setInputFiles({ name: '导入.xlsx', mimeType: xlsx, buffer });
  await page.getByRole('button', { name: '检查并导入' }).click();
  await expect(page.getByTestId('import-success')).toContainText('已导入 2 个组织');

  await page.locator('#file').setInputFiles({ name: '导入.xlsx', mimeType: xlsx, buffer });
  await page.getByRole('button', { name: '检查并导入' }).click();
  await expect(page.getByTestId('import-report')).toContainText('未导入任何组织');
  await expect(page.getByTestId('import-report')).toContainText('已存在');

  const exported = await page.request.get('/api/orgs/export');
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-disposition']).toContain("filename*=UTF-8''");
  expect((await exported.body()).subarray(0, 2).toString()).toBe('PK');
});

test('a secretary may neither import nor export', async ({ page }) => {
  await openAs(page, 'secretary', '/orgs/import');
  await expect(page.getByTestId('page-403')).toBeVisible();
  expect((await page.request.get('/api/orgs/export')).status()).toBe(403);
  expect((await page.request.get('/api/orgs/template')).status()).toBe(403);
});
