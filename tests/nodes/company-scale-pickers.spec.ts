/**
 * Unit choices at company scale (issue 17: 5,054 units were 0.66–2.4 MB of a form's HTML): with more units than one
 * list holds (PICKER_MAX), a form lists the upper levels and finds the others on the server as the user types.
 * This layer's database gets 320 more project branches for the run (one app node of its own on it; they are removed
 * afterwards), and the committee publishes a notice to one of them and registers a person in another, choosing
 * its party group, which the form asks the server for.
 */
import { expect, test, type Browser } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { signIn, type Jar } from '../../bench/lib/http';
import { startNode, stopNode, type AppNode } from '../../scripts/lib/cluster';

const PASSWORD = 'Wubiao@2026';
const MARK = `规模${randomUUID().slice(0, 6)}`;
let node: AppNode;
let sql: pg.Client;
let general: string;
const branches: { id: string; name: string }[] = [];
let groupId: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  const root = (
    await sql.query<{ id: string; path: string }>(
      `SELECT id, path FROM "Organization" WHERE "parentId" IS NULL AND type = 'COMMITTEE' ORDER BY "createdAt" LIMIT 1`,
    )
  ).rows[0]!;
  // A general branch with 320 project branches under it, and one party group under the last of them.
  general = randomUUID();
  await sql.query(
    `INSERT INTO "Organization" (id, name, type, "parentId", path, depth, "updatedAt")
     VALUES ($1, $2, 'GENERAL_BRANCH', $3, $4, 1, now())`,
    [general, `${MARK}工程分公司党总支`, root.id, `${root.path}${general}/`],
  );
  for (let i = 1; i <= 320; i += 1) branches.push({ id: randomUUID(), name: `${MARK}第${i}号项目党支部` });
  await sql.query(
    `INSERT INTO "Organization" (id, name, type, "parentId", path, depth, "updatedAt")
     SELECT b.id::uuid, b.name, 'BRANCH', $1, $2 || b.id || '/', 2, now()
     FROM jsonb_to_recordset($3::jsonb) AS b(id text, name text)`,
    [general, `${root.path}${general}/`, JSON.stringify(branches)],
  );
  groupId = randomUUID();
  const last = branches.at(-1)!;
  await sql.query(
    `INSERT INTO "Organization" (id, name, type, "parentId", path, depth, "updatedAt")
     VALUES ($1, $2, 'PARTY_GROUP', $3, $4, 3, now())`,
    [groupId, `${MARK}钢筋班党小组`, last.id, `${root.path}${general}/${last.id}/${groupId}/`],
  );
  // Someone to receive the notice in the two branches it goes to (a notice to nobody is refused).
  for (const b of [branches[199]!, branches[200]!])
    await sql.query(
      `INSERT INTO "User" (id, username, name, "passwordHash", "orgId", "updatedAt")
       SELECT gen_random_uuid(), $1, '规模测试收件人', "passwordHash", $2, now() FROM "User" WHERE username = 'member'`,
      [`gm-${b.id.slice(0, 8)}`, b.id],
    );
  node = await startNode({
    ...process.env,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
    SEED_DEMO: 'false',
    JOBS: 'off',
  });
});

test.afterAll(async () => {
  await stopNode(node?.child);
  if (!sql) return;
  // The units leave the tree for the tests after this one (the reminder generation of tests/nodes/two-nodes counts
  // every new task): archived first, which no generation reads, then removed with what this file wrote where nothing
  // else holds on to them.
  const ids = [groupId, ...branches.map((b) => b.id), general].filter(Boolean);
  await sql.query(
    `UPDATE "Organization" SET status = 'ARCHIVED', "archivedAt" = now() WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  await sql
    .query(
      `BEGIN;
       DELETE FROM "Person" WHERE "orgId" = ANY('{${ids.join(',')}}'::uuid[]);
       DELETE FROM "Announcement" WHERE title LIKE '${MARK}%';
       DELETE FROM "User" WHERE "orgId" = ANY('{${ids.join(',')}}'::uuid[]);
       DELETE FROM "Organization" WHERE id = ANY('{${ids.join(',')}}'::uuid[]);
       COMMIT;`,
    )
    .catch(() => sql.query('ROLLBACK'));
  await sql.end();
});

/** A browser page signed in as `username` (the session cookie of a sign-in through the credentials endpoint). */
async function pageAs(browser: Browser, username: string) {
  const jar = await signIn(node.base, username, PASSWORD);
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addCookies(
    jar.header.split('; ').map((c) => {
      const i = c.indexOf('=');
      return { name: c.slice(0, i), value: c.slice(i + 1), url: node.base };
    }),
  );
  return { page: await context.newPage(), jar };
}

const choices = (jar: Jar | null, query: string) =>
  fetch(`${node.base}/api/orgs/choices?${query}`, { headers: jar ? { Cookie: jar.header } : {} });

test('a notice goes to a unit found by typing, where the list holds only the upper levels', async ({
  browser,
}) => {
  const { page } = await pageAs(browser, 'committee');
  const target = branches[199]!;
  await page.goto(`${node.base}/announcements/new`);
  const picker = page.locator('#ann-targets');
  // The list holds the upper levels (the general branch), not the 320 branches below it.
  await expect(picker.locator('option', { hasText: `${MARK}工程分公司党总支` })).toHaveCount(1);
  await expect(picker.locator('option', { hasText: target.name })).toHaveCount(0);
  await expect(page.getByText('单位较多，这里只列出上面几级')).toBeVisible();
  const search = page.getByTestId('publish-form').getByRole('searchbox');
  await search.fill(`${MARK}第200号`);
  await expect(page.getByText('找到 1 个单位')).toBeVisible();
  const option = picker.locator('option', { hasText: target.name });
  await expect(option).toHaveText(`${target.name}（${MARK}工程分公司党总支）`);
  await picker.selectOption(target.id);
  // Another search keeps the unit already chosen, still chosen; so does clearing the text.
  const chosen = picker.locator(`option[value="${target.id}"]`);
  await search.fill(`${MARK}第201号`);
  await expect(page.getByText('找到 1 个单位')).toBeVisible();
  await expect(picker.locator('option', { hasText: `${MARK}第201号` })).toHaveCount(1);
  await expect(chosen).toHaveJSProperty('selected', true);
  await search.fill('');
  await expect(picker.locator('option', { hasText: `${MARK}第201号` })).toHaveCount(0);
  await expect(chosen).toHaveJSProperty('selected', true);
  await search.fill(`${MARK}第201号`);
  await expect(picker.locator('option', { hasText: `${MARK}第201号` })).toHaveCount(1);
  await picker.selectOption([target.id, branches[200]!.id]);
  await page.locator('#ann-title').fill(`${MARK}关于开展安全生产月活动的通知`);
  await page.locator('#ann-body').fill('请各项目党支部结合施工实际，组织党员开展隐患排查。');
  await page.getByTestId('publish-form').getByRole('button', { name: '发布', exact: true }).click();
  await expect(page).toHaveURL(/\/announcements\/[0-9a-f-]{36}$/);
  const row = (
    await sql.query<{ targetOrgIds: string[] }>(
      `SELECT "targetOrgIds" FROM "Announcement" WHERE title LIKE $1`,
      [`${MARK}%`],
    )
  ).rows[0]!;
  expect(new Set(row.targetOrgIds)).toEqual(new Set([target.id, branches[200]!.id]));
});

test('a person is registered in a unit found by typing, with a party group the form asks the server for', async ({
  browser,
}) => {
  const { page } = await pageAs(browser, 'committee');
  const unit = branches.at(-1)!;
  const employeeNo = `GM${Date.now().toString(36).toUpperCase()}`;
  await page.goto(`${node.base}/people/new`);
  await page.locator('#employeeNo').fill(employeeNo);
  await page.locator('#name').fill('规模测试党员');
  await page.locator('#status').selectOption('FULL');
  await page.locator('#admittedOn').fill('2015-07-01');
  await page.locator('#fullOn').fill('2016-07-01');
  const org = page.locator('#orgId');
  await expect(org.locator('option', { hasText: unit.name })).toHaveCount(0);
  await page.getByTestId('person-form').getByRole('searchbox').first().fill(unit.name);
  await expect(org.locator('option', { hasText: unit.name })).toHaveCount(1);
  await org.selectOption(unit.id);
  await expect(page.locator('#partyGroupId option', { hasText: `${MARK}钢筋班党小组` })).toHaveCount(1);
  await page.locator('#partyGroupId').selectOption(groupId);
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('person-name')).toHaveText('规模测试党员');
  const p = (
    await sql.query<{ orgId: string; partyGroupId: string }>(
      `SELECT "orgId", "partyGroupId" FROM "Person" WHERE "employeeNo" = $1`,
      [employeeNo],
    )
  ).rows[0]!;
  expect(p).toEqual({ orgId: unit.id, partyGroupId: groupId });

  // The roster's filter finds the same unit below the levels it lists, and shows its people.
  await page.goto(`${node.base}/people`);
  const filter = page.locator('#roster-org');
  await expect(filter.locator('option', { hasText: unit.name })).toHaveCount(0);
  await page.getByRole('main').getByRole('searchbox', { name: '输入名称筛选组织' }).fill(unit.name);
  await expect(filter.locator('option', { hasText: unit.name })).toHaveCount(1);
  await filter.selectOption(unit.id);
  await page.getByRole('main').getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`orgId=${unit.id}`));
  await expect(page.getByTestId('roster')).toContainText('规模测试党员');
  await expect(page.getByTestId('roster-total')).toContainText('1');
});

test('the search answers through lib/policy: signed out 401, a member 403, a bad query 400', async () => {
  const q = `for=addressable&q=${encodeURIComponent(MARK)}`;
  expect((await choices(null, q)).status).toBe(401);
  expect((await choices(await signIn(node.base, 'member', PASSWORD), q)).status).toBe(403);
  const committee = await signIn(node.base, 'committee', PASSWORD);
  expect((await choices(committee, 'for=everything&q=a')).status).toBe(400);
  expect((await choices(committee, 'for=addressable&q=')).status).toBe(400);
  expect((await choices(committee, `for=partyGroup&parent=${'-'.repeat(36)}`)).status).toBe(400);
  const found = (await (await choices(committee, q)).json()) as { units: unknown[]; more: boolean };
  expect(found.units).toHaveLength(30);
  expect(found.more).toBe(true);
  // A secretary manages the people of their own branch only: another unit's groups are refused.
  const secretary = await signIn(node.base, 'secretary', PASSWORD);
  expect((await choices(secretary, `for=partyGroup&parent=${branches.at(-1)!.id}`)).status).toBe(403);
  const groups = (await (
    await choices(committee, `for=partyGroup&parent=${branches.at(-1)!.id}`)
  ).json()) as { groups: { id: string }[] };
  expect(groups.groups.map((g) => g.id)).toEqual([groupId]);

  // People a class may invite, found by name the same way.
  const invitees = (jar: Jar | null, query: string) =>
    fetch(`${node.base}/api/training/invitees?${query}`, { headers: jar ? { Cookie: jar.header } : {} });
  expect((await invitees(null, 'q=规模')).status).toBe(401);
  expect((await invitees(secretary, 'q=规模')).status).toBe(403);
  expect((await invitees(committee, 'q=')).status).toBe(400);
  const people = (await (await invitees(committee, 'q=规模测试收件人')).json()) as {
    units: { name: string; trail: string }[];
  };
  expect(people.units.map((u) => u.trail).sort()).toEqual([branches[199]!.name, branches[200]!.name].sort());
});

test('a branch of 120 members lists its attendance 50 a page, whom to talk to first on the first', async ({
  browser,
}) => {
  const unit = branches[10]!;
  const no = `S${randomUUID().slice(0, 6)}-`;
  // 120 正式党员; the first admitted through a transfer a year ago and never at a meeting since (six months lapsed).
  await sql.query(
    `INSERT INTO "Person" (id, "employeeNo", name, status, "orgId", "admittedOn", "updatedAt")
     SELECT gen_random_uuid(), $1 || lpad(i::text, 3, '0'), '规模党员' || lpad(i::text, 3, '0'), 'FULL', $2,
            '2015-07-01', now()
     FROM generate_series(1, 120) AS i`,
    [no, unit.id],
  );
  await sql.query(
    `UPDATE "Person" SET "createdAt" = now() - interval '1 year', name = '规模党员999' WHERE "employeeNo" = $1`,
    [`${no}001`],
  );
  const { page } = await pageAs(browser, 'committee');
  const rows = page.getByTestId('attendance').locator('tbody tr');
  await page.goto(`${node.base}/meetings/attendance?orgId=${unit.id}`);
  await expect(page.getByTestId('attendance-total')).toContainText('共 120 名党员');
  await expect(page.getByTestId('lapsed-alert')).toContainText('1 名党员');
  await expect(rows).toHaveCount(50);
  // Last by name, first in the list: the one the branch must talk to.
  await expect(rows.first()).toContainText('规模党员999');
  await expect(rows.first()).toContainText('连续6个月未参加组织生活');
  await expect(page.getByText('第 1 / 3 页')).toBeVisible();
  await page.getByRole('link', { name: '下一页' }).click();
  await expect(page.getByText('第 2 / 3 页')).toBeVisible();
  await expect(rows).toHaveCount(50);
  await page.goto(`${node.base}/meetings/attendance?orgId=${unit.id}&page=3`);
  await expect(rows).toHaveCount(20);
  await expect(page.getByText('规模党员999')).toHaveCount(0);
});
