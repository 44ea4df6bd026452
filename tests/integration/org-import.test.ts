import { describe, expect, it } from 'vitest';
import { importOrgTree } from '../../lib/orgs/mutations/import';
import { makeUser, type TestUser } from '../fixtures/factories';
import { workbook } from '../fixtures/workbook';
import { testDb } from '../fixtures/db';
import { treeWithUsers } from '../fixtures/tree';

const db = testDb();

const HEAD = ['组织名称', '类型', '上级组织', '状态'];
const sheet = (rows: string[][]) => workbook('组织架构', HEAD, rows);

const { tree, committee, secretaryB } = treeWithUsers(db, {
  committee: ['COMMITTEE', 'root'],
  secretaryB: ['SECRETARY', 'b'],
});

const count = () => db.organization.count();
/** Imports the rows as `who`, checks that nothing was created, and returns the errors by row. */
const refusedImport = async (who: Pick<TestUser, 'ctx'>, rows: string[][]) => {
  const before = await count();
  const r = await importOrgTree(db, who.ctx, await sheet(rows));
  expect(await count()).toBe(before);
  return r.ok ? {} : Object.fromEntries(r.rows.map((x) => [x.row, x.errors.map((e) => e.split('|')[0])]));
};

describe('Excel import of the tree (all or nothing)', () => {
  it('creates every row, parents first, with paths and one summary trace', async () => {
    const branch = `新开工项目党支部${Date.now() % 100000}`;
    const r = await importOrgTree(
      db,
      committee.ctx,
      await sheet([
        ['第一党小组', '党小组', `${tree.root.name} / ${branch}`, '正常'],
        [branch, '党支部', tree.root.name, '筹建'],
        ['第二党小组', '党小组', `${tree.root.name} / ${branch}`, ''],
      ]),
    );
    expect(r).toEqual({ ok: true, created: 3 });
    const b = await db.organization.findFirstOrThrow({ where: { name: branch, parentId: tree.root.id } });
    expect(b.status).toBe('PREPARING');
    const groups = await db.organization.findMany({ where: { parentId: b.id }, orderBy: { name: 'asc' } });
    expect(groups.map((g) => g.name)).toEqual(['第一党小组', '第二党小组']);
    expect(groups.every((g) => g.path.startsWith(b.path) && g.depth === 2)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'org.import', actorId: committee.id } })).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { action: 'org.create', entityId: { in: [b.id, ...groups.map((g) => g.id)] } },
      }),
    ).toBe(3);
  });

  it('an unknown parent creates nothing and names the row', async () => {
    expect(
      await refusedImport(committee, [
        ['好的党小组', '党小组', `${tree.root.name} / ${tree.a.name}`, ''],
        ['孤儿党小组', '党小组', `${tree.root.name} / 不存在的支部`, ''],
      ]),
    ).toEqual({ 3: ['orgImport.errors.unknownParent'] });
  });

  it('a duplicate name (in the sheet or already existing) creates nothing', async () => {
    expect(
      await refusedImport(committee, [
        ['同名党小组', '党小组', tree.a.name, ''],
        ['同名党小组', '党小组', tree.a.name, ''],
        [tree.a1.name, '党小组', tree.a.name, ''],
      ]),
    ).toEqual({
      3: ['orgImport.errors.duplicateInSheet'],
      4: ['orgImport.errors.alreadyExists'],
    });
  });

  it('a bad type, or a type not allowed under its parent, creates nothing', async () => {
    expect(
      await refusedImport(committee, [
        ['俱乐部', '俱乐部', tree.root.name, ''],
        ['直属党小组', '党小组', tree.root.name, ''],
      ]),
    ).toEqual({ 2: ['orgImport.errors.badType'], 3: ['orgImport.errors.typeNotAllowed'] });
  });

  it('a cycle among new rows creates nothing', async () => {
    const errors = await refusedImport(committee, [
      ['环甲党总支', '党总支', '环乙党总支', ''],
      ['环乙党总支', '党总支', '环甲党总支', ''],
    ]);
    expect(Object.values(errors).flat()).toContain('orgImport.errors.cycle');
  });

  it('a parent outside the importer’s scope is refused row by row; no import permission at all is refused outright', async () => {
    const before = await count();
    const committeeOfB = await makeUser(db, 'COMMITTEE', tree.b);
    expect(
      await refusedImport(committeeOfB, [
        ['本支部党小组', '党小组', `${tree.root.name} / ${tree.b.name}`, ''],
        ['越权党小组', '党小组', `${tree.root.name} / ${tree.a.name}`, ''],
      ]),
    ).toEqual({ 3: ['orgImport.errors.outOfScope'] });
    await expect(
      importOrgTree(db, secretaryB.ctx, await sheet([['x', '党小组', tree.b.name, '']])),
    ).rejects.toThrow('errors.forbidden');
    expect(await count()).toBe(before);
  });
});
