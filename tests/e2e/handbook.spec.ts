import { expect, test, type Page } from '@playwright/test';
import { loginAs, openAs } from '../fixtures/login';

/** Opens the draft editor, copying a draft from the version in force when there is none. */
async function openDraft(page: Page, label = `草稿${Date.now() % 10000}`) {
  await page.goto('/handbook/draft');
  const create = page.getByTestId('create-draft-form');
  if (await create.count()) {
    await create.locator('#label').fill(label);
    await create.getByRole('button', { name: '新建草稿' }).click();
    await expect(page.getByTestId('publish-problems')).toBeVisible();
  }
}

test('everyone reads the handbook; 党费 search ranks the 党费 article first, highlighted', async ({
  page,
}) => {
  await openAs(page, 'member', '/handbook');
  await expect(page.getByTestId('handbook-toc')).toContainText('党费收缴、使用和管理');
  await page.getByTestId('handbook-search').fill('党费');
  await page.getByTestId('handbook-search').press('Enter');
  const first = page.getByTestId('search-results').locator('li').first();
  await expect(first).toContainText('党费收缴、使用和管理');
  await expect(first.locator('mark').first()).toHaveText('党费');
  await first.locator('a').click();
  await expect(page.getByTestId('article-title')).toContainText('党费收缴、使用和管理');
  await expect(page.getByTestId('answer-how')).toContainText('10日前');
  await expect(page.getByTestId('article-actions')).toContainText('按月收缴党费');
  await expect(page.getByTestId('article-criteria')).toContainText('C2.5');
});

test('a secretary cannot reach the editor', async ({ page }) => {
  await openAs(page, 'secretary', '/handbook');
  await expect(page.getByRole('link', { name: '编辑草稿' })).toHaveCount(0);
  await page.goto('/handbook/draft');
  await expect(page.getByTestId('page-403')).toBeVisible();
});

test('committee edits a draft article and publishes; a secretary sees the new text and the diff', async ({
  browser,
}) => {
  const committee = await (await browser.newContext()).newPage();
  await loginAs(committee, 'committee');
  await openDraft(committee, '2027版');
  await committee
    .getByTestId('draft-part-1')
    .getByRole('link', { name: /党费收缴、使用和管理/ })
    .click();
  const form = committee.getByTestId('article-form');
  const added = `党费收缴情况每季度在支部党员大会上通报（${Date.now() % 100000}）。`;
  await form.locator('#standard').fill(`${await form.locator('#standard').inputValue()}${added}`);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(committee.getByTestId('saved')).toBeVisible();

  // An empty answer blocks publishing and is named.
  await form.locator('#who').fill('');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(committee.getByTestId('saved')).toBeVisible();
  await committee.goto('/handbook/draft');
  await expect(committee.getByTestId('publish-problems')).toContainText('党费收缴、使用和管理');
  await committee.getByTestId('publish-form').getByRole('button', { name: '发布' }).click();
  await expect(committee.getByTestId('form-error')).toContainText('不能发布');

  await committee
    .getByTestId('draft-part-1')
    .getByRole('link', { name: /党费收缴、使用和管理/ })
    .click();
  await committee
    .getByTestId('article-form')
    .locator('#who')
    .fill('支部书记负责；党务工作者具体收缴、登记；党员本人按时交纳。');
  await committee.getByTestId('article-form').getByRole('button', { name: '保存' }).click();
  await expect(committee.getByTestId('saved')).toBeVisible();
  await committee.goto('/handbook/draft');
  await committee.getByTestId('publish-form').locator('#changeSummary').fill('党费收缴情况按季通报');
  await committee.getByTestId('publish-form').getByRole('button', { name: '发布' }).click();
  await expect(committee).toHaveURL(/\/handbook$/);
  await committee.context().close();

  const secretary = await (await browser.newContext()).newPage();
  await openAs(secretary, 'secretary', '/handbook/articles/12');
  await expect(secretary.getByTestId('answer-standard')).toContainText(added);
  await secretary.goto('/handbook/versions');
  await secretary.getByTestId('diff-form').getByRole('button', { name: '查看变化' }).click();
  await expect(secretary.getByTestId('diff-articles')).toContainText('党费收缴、使用和管理');
  await expect(
    secretary
      .getByTestId('diff-articles')
      .locator('ins')
      .filter({ hasText: added.slice(0, 10) }),
  ).toHaveCount(1);
  await secretary.context().close();
});

test('committee attaches a template to a draft article; a wrong type is refused; drafts stay private', async ({
  page,
  browser,
}) => {
  await loginAs(page, 'committee');
  await openDraft(page);
  await page
    .getByTestId('draft-part-3')
    .getByRole('link', { name: /党员花名册/ })
    .click();
  const editor = page.getByTestId('attachments-editor');
  await editor.locator('#file').setInputFiles({
    name: '花名册.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html>not a pdf</html>'),
  });
  await editor.getByRole('button', { name: '上传', exact: true }).click();
  await expect(editor.getByTestId('form-error')).toContainText('只能上传');

  await editor.locator('#file').setInputFiles({
    name: '花名册填写说明.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  const title = `花名册填写说明${Date.now() % 100000}`;
  await editor.locator('#attachment-title').fill(title);
  await editor.getByRole('button', { name: '上传', exact: true }).click();
  const link = editor.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toContain('attachment;');

  const secretary = await (await browser.newContext()).newPage();
  await loginAs(secretary, 'secretary');
  expect((await secretary.request.get(href)).status()).toBe(403);
  await secretary.context().close();
});

test('committee edits the draft standard: the sum shows the exact difference, and a new action is listed', async ({
  page,
}) => {
  await loginAs(page, 'committee');
  await openDraft(page);
  await page.goto('/handbook/draft/standard');
  await expect(page.getByTestId('standard-sum')).toContainText('合计 100 分');
  const editor = page.getByTestId('standard-editor');
  // One criterion is edited at a time; its form's fields are prefixed "k".
  const points = editor.locator('input[id^="k"][id$="-maxPoints"]');
  await editor.locator('li').filter({ hasText: 'C2.2' }).getByRole('button', { name: '编辑' }).click();
  await points.fill('4.5');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('standard-sum')).toContainText('相差 +1.5 分');
  await editor.locator('li').filter({ hasText: 'C2.2' }).getByRole('button', { name: '编辑' }).click();
  await points.fill('3');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('standard-sum')).toContainText('合计 100 分');

  await page.goto('/handbook/draft');
  await page
    .getByTestId('draft-part-1')
    .getByRole('link', { name: /支部委员会换届选举/ })
    .click();
  const form = page.getByTestId('new-action-form');
  const code = `A-02-${Date.now() % 1000}`;
  await form.locator('#new-code').fill(code);
  await form.locator('#new-title').fill('换届后报送选举结果');
  await form.locator('#new-frequency').selectOption('EVENT');
  await form.getByRole('button', { name: '新增规定动作' }).click();
  await expect(form.getByTestId('error-new-dueKind')).toContainText('事项触发时');
  await form.locator('#new-dueKind').selectOption('DAYS_AFTER_EVENT');
  await form.locator('#new-dueN').fill('10');
  await form.getByRole('button', { name: '新增规定动作' }).click();
  await expect(page.getByTestId('actions-editor')).toContainText(`${code} 换届后报送选举结果`);
});

test('committee exports the draft to Excel and imports it back; a secretary may only export the version in force', async ({
  page,
  browser,
}) => {
  await loginAs(page, 'committee');
  await openDraft(page);
  await page.getByRole('link', { name: '从 Excel 导入' }).click();
  const href = (await page.getByRole('link', { name: '导出当前草稿' }).getAttribute('href'))!;
  const exported = await page.request.get(href);
  expect(exported.status()).toBe(200);
  page.once('dialog', (d) => d.accept());
  await page.locator('#file').setInputFiles({
    name: '手册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await exported.body()),
  });
  await page.getByRole('button', { name: '检查并导入' }).click();
  await expect(page.getByTestId('handbook-import-success')).toContainText('已导入 52 条条文');

  const secretary = await (await browser.newContext()).newPage();
  await loginAs(secretary, 'secretary');
  expect((await secretary.request.get('/api/handbook/export')).status()).toBe(200);
  expect((await secretary.request.get(href)).status()).toBe(403);
  expect((await secretary.request.get('/api/handbook/template')).status()).toBe(403);
  await secretary.context().close();
});
