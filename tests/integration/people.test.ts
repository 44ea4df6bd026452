import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { rosterFilterOptions } from '../../lib/orgs/queries';
import { ForbiddenError, UserError } from '../../lib/errors';
import { guessMapping } from '../../lib/people/excel';
import { importPeople, inspectPeopleFile, type ImportResult } from '../../lib/people/mutations/import';
import { createPerson, updatePerson } from '../../lib/people/mutations/person';
import {
  clearDevelopmentMemo,
  developmentFor,
  developmentMemoStats,
} from '../../lib/people/queries/development';
import { exportRosterFor, personFor, rosterFor } from '../../lib/people/queries/roster';
import { addMonths, cstDay } from '../../lib/calendar';
import { ZCreatePerson, ZUpdatePerson } from '../../lib/people/schema';
import { makeOrg, makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { testDb } from '../fixtures/db';
import { workbook } from '../fixtures/workbook';

const db = testDb();
const HEAD = [
  '工号',
  '姓名',
  '性别',
  '党内身份',
  '接收预备党员日期',
  '转正日期',
  '组织关系所在党组织',
  '党小组',
  '实际工作单位',
  '手机号码',
];
const sheet = (rows: (string | null)[][], head = HEAD) => workbook('党员名册', head, rows);
const mapping = (head = HEAD) => guessMapping(['', ...head]);

let tree: Tree;
let other: Tree;
let committee: TestUser;
let secretaryA: TestUser;
let secretaryB: TestUser;
let clerkA: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  tree = await makeTree(db);
  other = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  secretaryA = await makeUser(db, 'SECRETARY', tree.a);
  secretaryB = await makeUser(db, 'SECRETARY', tree.b);
  clerkA = await makeUser(db, 'CLERK', tree.a);
  outsider = await makeUser(db, 'COMMITTEE', other.root);
});

const no = () =>
  uniq('P')
    .replace(/[^A-Za-z0-9-]/g, '')
    .slice(0, 30);
const person = (over: Record<string, unknown> = {}) =>
  ZCreatePerson.parse({
    employeeNo: no(),
    name: '张建华',
    status: 'FULL',
    admittedOn: '2015-04-20',
    fullOn: '2016-04-22',
    phone: '13812345678',
    orgId: tree.a.id,
    ...over,
  });
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof UserError ? e.key : String(e);
  }
  return 'accepted';
};
const importAs = (who: TestUser, rows: (string | null)[][], opts: { createAccounts?: boolean } = {}) =>
  sheet(rows).then((b) =>
    importPeople(db, who.ctx, b, { mapping: mapping(), createAccounts: !!opts.createAccounts }),
  );
const rowErrors = (r: ImportResult) =>
  'rows' in r
    ? Object.fromEntries(r.rows.map((x) => [x.row, x.errors.map((e) => e.message.split('|')[0])]))
    : {};

describe('people: create, edit, scope', () => {
  it('a secretary registers a person of the branch, with a trace that keeps no phone number in clear', async () => {
    const p = await createPerson(db, secretaryA.ctx, person({ partyGroupId: tree.a1.id }));
    const row = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.partyGroupId).toBe(tree.a1.id);
    const trace = await db.auditEvent.findFirstOrThrow({
      where: { action: 'person.create', entityId: p.id },
    });
    expect(trace.actorId).toBe(secretaryA.id);
    expect(JSON.stringify(trace.after)).toContain('138****5678');
    expect(JSON.stringify(trace.after)).not.toContain('13812345678');
  });

  it('refuses a person of another branch, a duplicate 工号 and a group of another branch; nothing written', async () => {
    const before = await db.person.count();
    expect(await refusal(createPerson(db, secretaryB.ctx, person()))).toBe('errors.forbidden');
    expect(await refusal(createPerson(db, clerkA.ctx, person()))).toBe('errors.forbidden');
    const taken = await createPerson(db, secretaryA.ctx, person());
    const { employeeNo } = await db.person.findUniqueOrThrow({ where: { id: taken.id } });
    expect(await refusal(createPerson(db, secretaryA.ctx, person({ employeeNo })))).toBe(
      'people.errors.employeeNoTaken',
    );
    expect(
      await refusal(createPerson(db, committee.ctx, person({ orgId: tree.b.id, partyGroupId: tree.a1.id }))),
    ).toBe('people.errors.groupNotUnderOrg');
    expect(await db.person.count()).toBe(before + 1);
  });

  it('the schema refuses impossible dates before anything is read', () => {
    const r = ZCreatePerson.safeParse({ ...person(), fullOn: '2014-01-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path[0], i.message.split('|')[0]])).toEqual([
      ['fullOn', 'people.errors.dateOrder'],
    ]);
    const future = ZCreatePerson.safeParse({
      ...person(),
      admittedOn: '2099-01-01',
      fullOn: undefined,
      status: 'PROBATIONARY',
    });
    expect(future.error?.issues[0]?.message).toBe('people.errors.futureDate');
  });

  it('editing moves the account with the person and is traced; another branch may not edit', async () => {
    const account = await makeUser(db, 'MEMBER', tree.a);
    const p = await createPerson(db, committee.ctx, person());
    await db.person.update({ where: { id: p.id }, data: { userId: account.id } });
    const input = ZUpdatePerson.parse({
      ...person(),
      id: p.id,
      employeeNo: (await db.person.findUniqueOrThrow({ where: { id: p.id } })).employeeNo,
      orgId: tree.b.id,
    });
    expect(await refusal(updatePerson(db, secretaryB.ctx, input))).toBe('errors.forbidden');
    expect(await refusal(updatePerson(db, secretaryA.ctx, input))).toBe('errors.forbidden'); // may not place into B
    await updatePerson(db, committee.ctx, input);
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).orgId).toBe(tree.b.id);
    expect(await db.auditEvent.count({ where: { action: 'person.update', entityId: p.id } })).toBe(1);
  });

  it('a secretary of another branch sees nobody of this branch; the project sees who works with it', async () => {
    const home = await createPerson(db, committee.ctx, person({ name: '本支部党员' }));
    const mobile = await createPerson(
      db,
      committee.ctx,
      person({ name: '流动党员', orgId: tree.b.id, workOrgId: tree.a.id }),
    );
    const ofA = await rosterFor(secretaryA.subject, secretaryA.ctx.actor, { q: undefined });
    expect(ofA.rows.map((r) => r.id)).toEqual(expect.arrayContaining([home.id, mobile.id]));
    // Personal data belongs to the 组织关系 unit: A sees the mobile member's phone masked, B in clear.
    expect(ofA.rows.find((r) => r.id === mobile.id)?.phone).toBe('138****5678');
    expect(ofA.rows.find((r) => r.id === home.id)?.phone).toBe('13812345678');
    const elsewhere = await rosterFor(secretaryA.subject, secretaryA.ctx.actor, { relation: 'elsewhere' });
    expect(elsewhere.rows.map((r) => r.id)).toEqual([mobile.id]);
    const ofB = await rosterFor(secretaryB.subject, secretaryB.ctx.actor, {});
    expect(ofB.rows.map((r) => r.id)).not.toContain(home.id);
    expect(ofB.rows.find((r) => r.id === mobile.id)?.phone).toBe('13812345678');
    expect(await refusal(personFor(secretaryB.subject, secretaryB.ctx.actor, home.id))).toBe(
      'errors.forbidden',
    );
    expect(await refusal(personFor(outsider.subject, outsider.ctx.actor, mobile.id))).toBe(
      'errors.forbidden',
    );
    expect((await rosterFor(outsider.subject, outsider.ctx.actor, {})).rows.map((r) => r.id)).not.toContain(
      home.id,
    );
    // Reading the list is traced, with how many phones were shown in clear.
    const listed = await db.auditEvent.findFirstOrThrow({
      where: { action: 'person.list', actorId: secretaryB.id },
      orderBy: { id: 'desc' },
    });
    expect(listed.after).toMatchObject({ unmasked: expect.any(Number) });
    // The clerk reads the roster but not personal data.
    expect(
      (await rosterFor(clerkA.subject, clerkA.ctx.actor, {})).rows.find((r) => r.id === home.id)?.phone,
    ).toBe('138****5678');
    await expect(
      makeUser(db, 'MEMBER', tree.a).then((u) => rosterFor(u.subject, u.ctx.actor, {})),
    ).rejects.toThrow(ForbiddenError);
  });

  it('opening a profile and exporting the roster are traced', async () => {
    const p = await createPerson(db, committee.ctx, person());
    const views = () => db.auditEvent.count({ where: { action: 'person.view', entityId: p.id } });
    const before = await views();
    const shown = await personFor(clerkA.subject, clerkA.ctx.actor, p.id);
    expect(shown.person.phone).toBe('138****5678');
    expect(shown.sensitive).toBe(false);
    expect(await views()).toBe(before + 1);
    const exports = () => db.auditEvent.count({ where: { action: 'person.export', actorId: secretaryA.id } });
    const e = await exports();
    const xlsx = await exportRosterFor(secretaryA.subject, secretaryA.ctx.actor, {});
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(await exports()).toBe(e + 1);
  });
});

describe('people import (all or nothing)', () => {
  it('creates new 工号 and updates existing ones, in one trace', async () => {
    const [a, b] = [no(), no()];
    const r = await importAs(committee, [
      [
        a,
        '李婷',
        '女',
        '预备党员',
        '2026-06-18',
        null,
        `${tree.root.name} / ${tree.a.name}`,
        tree.a1.name,
        null,
        '13900001111',
      ],
      [b, '王刚', '男', '正式党员', '2012-07-01', '2013-07-02', tree.b.name, null, tree.a.name, null],
    ]);
    expect(r).toEqual({ ok: true, created: 2, updated: 0, accounts: [] });
    const li = await db.person.findUniqueOrThrow({ where: { employeeNo: a } });
    expect([li.status, li.orgId, li.partyGroupId, li.gender]).toEqual([
      'PROBATIONARY',
      tree.a.id,
      tree.a1.id,
      'FEMALE',
    ]);
    expect((await db.person.findUniqueOrThrow({ where: { employeeNo: b } })).workOrgId).toBe(tree.a.id);
    const again = await importAs(committee, [
      [a, '李婷', '女', '正式党员', '2025-06-18', '2026-06-20', tree.a.name, null, null, null],
    ]);
    expect(again).toMatchObject({ ok: true, created: 0, updated: 1 });
    const updated = await db.person.findUniqueOrThrow({ where: { employeeNo: a } });
    expect([updated.id, updated.status, updated.partyGroupId]).toEqual([li.id, 'FULL', null]);
    expect(await db.auditEvent.count({ where: { action: 'person.import', actorId: committee.id } })).toBe(2);
  });

  it('an update by 工号 changes only the columns the sheet carries, and is traced on the person', async () => {
    const n = no();
    await importAs(committee, [
      [n, '赵敏', '女', '正式党员', '2012-07-01', '2013-07-02', tree.a.name, null, null, '13900002222'],
    ]);
    const p = await db.person.findUniqueOrThrow({ where: { employeeNo: n } });
    await db.person.update({
      where: { id: p.id },
      data: { talkOn: new Date('2011-04-01'), trainingDays: 5 },
    });
    const head = ['工号', '姓名', '党内身份', '接收预备党员日期', '转正日期', '组织关系所在党组织'];
    const r = await importPeople(
      db,
      committee.ctx,
      await sheet([[n, '赵敏', '正式党员', '2012-07-01', '2013-07-03', tree.a.name]], head),
      { mapping: mapping(head), createAccounts: false },
    );
    expect(r).toMatchObject({ ok: true, updated: 1 });
    const after = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    expect([after.phone, after.gender, after.trainingDays, after.talkOn?.toISOString().slice(0, 10)]).toEqual(
      ['13900002222', 'FEMALE', 5, '2011-04-01'],
    );
    expect(after.fullOn?.toISOString().slice(0, 10)).toBe('2013-07-03');
    const trace = await db.auditEvent.findFirstOrThrow({
      where: { action: 'person.update', entityId: p.id },
    });
    expect(trace.after).toMatchObject({ fullOn: '2013-07-03T00:00:00.000Z', via: 'import' });
  });

  it('one bad row imports nothing and each row says why', async () => {
    const before = await db.person.count();
    const dup = no();
    const r = await importAs(committee, [
      [dup, '好人', '男', '正式党员', '2010-01-01', '2011-01-02', tree.a.name, null, null, null],
      [dup, '重号', '男', '正式党员', '2010-01-01', '2011-01-02', tree.a.name, null, null, null],
      [no(), '未知单位', '男', '正式党员', '2010-01-01', '2011-01-02', '没有这个支部', null, null, null],
      [no(), '倒序', '男', '正式党员', '2012-01-01', '2011-01-02', tree.a.name, null, null, null],
      [no(), '未来', '男', '预备党员', '2099-01-01', null, tree.a.name, null, null, null],
      [no(), '身份', '男', '团员', null, null, tree.a.name, null, null, null],
      [no(), '错小组', '男', '正式党员', '2010-01-01', '2011-01-02', tree.b.name, tree.a1.name, null, null],
      [no(), '范围外', '男', '正式党员', '2010-01-01', '2011-01-02', other.a.name, null, null, null],
    ]);
    expect(await db.person.count()).toBe(before);
    expect(rowErrors(r)).toEqual({
      3: ['peopleImport.errors.duplicateInFile'],
      4: ['peopleImport.errors.unknownUnit'],
      5: ['people.errors.dateOrder'],
      6: ['people.errors.futureDate'],
      7: ['people.errors.badStatus'],
      8: ['peopleImport.errors.unknownGroup'],
      9: ['peopleImport.errors.unitOutOfScope'],
    });
  });

  it('a 工号 held by a unit outside the importer’s scope is not taken over', async () => {
    const theirs = no();
    await importAs(outsider, [
      [theirs, '外单位', '男', '正式党员', '2010-01-01', '2011-01-02', other.a.name, null, null, null],
    ]);
    const r = await importAs(committee, [
      [theirs, '改名', '男', '正式党员', '2010-01-01', '2011-01-02', tree.a.name, null, null, null],
    ]);
    expect(rowErrors(r)).toEqual({ 2: ['peopleImport.errors.employeeNoOutOfScope'] });
    expect((await db.person.findUniqueOrThrow({ where: { employeeNo: theirs } })).name).toBe('外单位');
  });

  it('creates accounts with one-time passwords that are returned once and stored only as hashes', async () => {
    const n = no();
    const r = await importAs(
      committee,
      [[n, '新党员', '男', '正式党员', '2010-01-01', '2011-01-02', tree.a.name, null, null, null]],
      {
        createAccounts: true,
      },
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.accounts).toHaveLength(1);
    const { password, username } = r.accounts[0]!;
    expect(username).toBe(n);
    const u = await db.user.findUniqueOrThrow({
      where: { username: n },
      include: { roles: true, person: true },
      omit: { passwordHash: false },
    });
    expect(u.mustChangePassword).toBe(true);
    expect(u.passwordHash).not.toContain(password);
    expect(await verifyPassword(u.passwordHash, password)).toBe(true);
    expect(u.roles.map((x) => [x.role, x.orgId])).toEqual([['MEMBER', tree.a.id]]);
    expect(u.person?.employeeNo).toBe(n);
    const trace = await db.auditEvent.findFirstOrThrow({
      where: { action: 'person.import' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.stringify(trace.after)).not.toContain(password);
  });

  it('refuses a renamed text file, a sheet without the required columns and a non-committee importer', async () => {
    const text = Buffer.from('工号,姓名\n1,张三\n');
    expect(
      await importPeople(db, committee.ctx, text, { mapping: mapping(), createAccounts: false }),
    ).toEqual({
      ok: false,
      fileError: 'peopleImport.errors.notXlsx',
    });
    const partial = await sheet([['x', '张三']], ['工号', '姓名']);
    const r = await importPeople(db, committee.ctx, partial, {
      mapping: mapping(['工号', '姓名']),
      createAccounts: false,
    });
    expect(r.ok).toBe(false);
    expect('fileError' in r && r.fileError.startsWith('peopleImport.errors.unmapped')).toBe(true);
    await expect(importAs(secretaryA, [])).rejects.toThrow(ForbiddenError);
  });

  it('the mapping step reads the header for the committee and refuses a secretary', async () => {
    const file = await sheet([
      ['X1', '张三', '男', '正式党员', '2010-01-01', '2011-01-02', tree.a.name, null, null, null],
    ]);
    const r = await inspectPeopleFile(committee.ctx, file);
    expect([r.rows, r.mapping.employeeNo, r.mapping.org]).toEqual([1, 1, 7]);
    expect(await refusal(inspectPeopleFile(secretaryA.ctx, file))).toBe('errors.forbidden');
    expect(await refusal(inspectPeopleFile(committee.ctx, Buffer.from('not a workbook')))).toBe(
      'peopleImport.errors.notXlsx',
    );
  });

  it('refuses 20,001 rows with nothing written', async () => {
    const before = await db.person.count();
    const rows = Array.from({ length: 20_001 }, (_, i) => [
      `X${i}`,
      '某',
      '男',
      '群众',
      null,
      null,
      tree.a.name,
      null,
      null,
      null,
    ]);
    const r = await importAs(committee, rows);
    expect(r).toEqual({ ok: false, fileError: 'peopleImport.errors.tooManyRows|{"max":20000}' });
    expect(await db.person.count()).toBe(before);
  });

  it('a person is placed only in a party unit that is not archived', async () => {
    const dept = await makeOrg(db, tree.root, 'DEPARTMENT');
    const closed = await makeOrg(db, tree.root, 'BRANCH');
    await db.organization.update({ where: { id: closed.id }, data: { status: 'ARCHIVED' } });
    const r = await importAs(committee, [
      [no(), '部门', '男', '群众', null, null, dept.name, null, null, null],
      [no(), '撤销', '男', '群众', null, null, closed.name, null, null, null],
    ]);
    expect(rowErrors(r)).toEqual({
      2: ['peopleImport.errors.notPartyUnit'],
      3: ['peopleImport.errors.archivedUnit'],
    });
    expect(await refusal(createPerson(db, committee.ctx, person({ orgId: closed.id })))).toBe(
      'people.errors.orgArchived',
    );
  });
});

describe('发展党员 pipeline', () => {
  it('lists the branch’s pipeline with its violations, to its branch and the committee only', async () => {
    const early = await createPerson(
      db,
      committee.ctx,
      person({
        status: 'CANDIDATE',
        admittedOn: undefined,
        fullOn: undefined,
        appliedOn: '2025-05-10',
        talkOn: '2025-05-20',
        activistOn: '2025-09-01',
        candidateOn: '2026-06-01',
      }),
    );
    const ofA = await developmentFor(secretaryA.subject, secretaryA.ctx.actor);
    expect(ofA.stages.CANDIDATE.rows.map((r) => r.id)).toContain(early.id);
    const row = ofA.violations.rows.find((r) => r.id === early.id);
    expect(row?.violations.map((v) => v.key)).toContain('candidateTooEarly');
    expect(
      (
        await developmentFor(committee.subject, committee.ctx.actor, { orgId: tree.a.id })
      ).violations.rows.map((r) => r.id),
    ).toContain(early.id);
    expect(
      (await developmentFor(secretaryB.subject, secretaryB.ctx.actor)).stages.CANDIDATE.rows.map((r) => r.id),
    ).not.toContain(early.id);
    // A unit filter narrows within the reader's scope and never widens it.
    const candidates = async (u: TestUser, orgId: string) =>
      (await developmentFor(u.subject, u.ctx.actor, { orgId })).stages.CANDIDATE.rows.map((r) => r.id);
    expect(await candidates(committee, tree.a.id)).toContain(early.id);
    expect(await candidates(committee, tree.b.id)).not.toContain(early.id);
    expect(await candidates(secretaryB, tree.a.id)).toEqual([]);
    expect(await candidates(committee, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('serves the lists again only while nothing they read has changed, and equal to checking afresh', async () => {
    const unit = await makeOrg(db, tree.a, 'BRANCH');
    const today = cstDay(new Date());
    const fields = {
      orgId: unit.id,
      status: 'CANDIDATE',
      admittedOn: undefined,
      fullOn: undefined,
      appliedOn: '2023-03-01',
      talkOn: '2023-03-15',
      activistOn: '2023-06-01',
      candidateOn: '2024-09-01',
      politicalReviewOn: addMonths(today, -8),
    };
    const p = await createPerson(db, committee.ctx, person(fields));
    const view = () => developmentFor(committee.subject, committee.ctx.actor, { orgId: unit.id });
    // What the memo serves is what a fresh check gives.
    const fresh = async () => {
      const kept = await view();
      clearDevelopmentMemo();
      expect(await view()).toEqual(kept);
      return kept;
    };
    const problems = async () =>
      (await fresh()).violations.rows.find((r) => r.id === p.id)?.violations.map((v) => v.key) ?? [];
    const traces = () => db.auditEvent.count({ where: { action: 'person.pipeline', actorId: committee.id } });

    expect(await problems()).toEqual([]);
    const first = await view();
    const [stats, traced] = [developmentMemoStats(), await traces()];
    const again = await view();
    expect(again).toBe(first);
    expect(developmentMemoStats().hits).toBe(stats.hits + 1);
    expect(await traces()).toBe(traced + 1); // a view from the memo is still a traced bulk read
    expect(again.stages.CANDIDATE).toMatchObject({ total: 1, rows: [{ id: p.id }] });

    // A write by any statement, not only the app's own: a 发展对象 named within a year of becoming an activist.
    await db.$executeRaw`UPDATE "Person" SET "candidateOn" = '2024-01-10' WHERE id = ${p.id}::uuid`;
    expect(await problems()).toEqual(['candidateTooEarly']);
    // The unit's project closes within three months.
    await db.organization.update({
      where: { id: unit.id },
      data: { projectPlannedEnd: new Date(`${addMonths(today, 1)}T00:00:00Z`) },
    });
    expect(await problems()).toEqual(['candidateTooEarly', 'projectClosing']);
    // The company shortens how long a 政治审查 stays current: eight months ago is now stale.
    await db.setting.upsert({
      where: { key: 'people.development' },
      create: { key: 'people.development', value: { reviewMonths: 6 } },
      update: { value: { reviewMonths: 6 } },
    });
    try {
      expect(await problems()).toEqual(['candidateTooEarly', 'reviewExpired', 'projectClosing']);
    } finally {
      await db.setting.delete({ where: { key: 'people.development' } });
    }
    // A NULL keeps its place in the fingerprint: 20 学时 and no days, then 20 days and no 学时.
    await db.$executeRaw`UPDATE "Person" SET "trainingDays" = NULL, "trainingHours" = 20 WHERE id = ${p.id}::uuid`;
    expect(await problems()).toEqual(['candidateTooEarly', 'trainingShort', 'projectClosing']);
    await db.$executeRaw`UPDATE "Person" SET "trainingDays" = 20, "trainingHours" = NULL WHERE id = ${p.id}::uuid`;
    expect(await problems()).toEqual(['candidateTooEarly', 'projectClosing']);
    // The person leaves the pipeline (joins as a probationary member): the stage's count follows.
    const { employeeNo } = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    await updatePerson(
      db,
      committee.ctx,
      ZUpdatePerson.parse({
        ...person(fields),
        id: p.id,
        employeeNo,
        status: 'PROBATIONARY',
        admittedOn: today,
      }),
    );
    const after = await fresh();
    expect(after.stages.CANDIDATE.total).toBe(0);
    expect(after.stages.PROBATIONARY.rows.map((r) => r.id)).toEqual([p.id]);
  });

  it('the roster filter offers the reader’s own units only, and nothing to one without the roster', async () => {
    const ids = async (u: TestUser) => (await rosterFilterOptions(u.subject)).units.units.map((o) => o.id);
    expect(await ids(committee)).toEqual(expect.arrayContaining([tree.a.id, tree.b.id]));
    expect(await ids(secretaryB)).not.toContain(tree.a.id);
    expect(await ids(secretaryB)).toContain(tree.b.id);
    // A party group of branch A shows once branch A is chosen, for its readers only.
    const group = await makeOrg(db, tree.a, 'PARTY_GROUP');
    expect((await rosterFilterOptions(secretaryA.subject, tree.a.id)).groups.map((g) => g.id)).toContain(
      group.id,
    );
    expect((await rosterFilterOptions(secretaryB.subject, tree.a.id)).groups).toEqual([]);
    const member = await makeUser(db, 'MEMBER', tree.a);
    await expect(rosterFilterOptions(member.subject)).rejects.toThrow(ForbiddenError);
  });
});
