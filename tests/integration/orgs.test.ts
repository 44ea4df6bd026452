import { describe, expect, it } from 'vitest';
import { archiveOrg, createOrg, moveOrg, setKeyUnit, updateOrg } from '../../lib/orgs/mutations/tree';
import { ZCreateOrg, ZMoveOrg } from '../../lib/orgs/schema';
import { scopeOrgs } from '../../lib/policy';
import { makeOrg, makeTree, makeUser } from '../fixtures/factories';
import { getOrgForUser } from '../../lib/orgs/queries';
import { pickerOrgs } from '../../lib/orgs/queries/choices';
import { testDb } from '../fixtures/db';
import { treeWithUsers } from '../fixtures/tree';

const db = testDb();

const { tree, committee, secretaryB } = treeWithUsers(db, {
  committee: ['COMMITTEE', 'root'],
  secretaryB: ['SECRETARY', 'b'],
});

const events = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } });
const count = () => db.organization.count();

describe('create', () => {
  it('creates a party group under a branch with path, depth and a trace', async () => {
    const input = ZCreateOrg.parse({ parentId: tree.a.id, name: '第二党小组', type: 'PARTY_GROUP' });
    const org = await createOrg(db, committee.ctx, input);
    expect(org.path).toBe(`${tree.a.path}${org.id}/`);
    expect(org.depth).toBe(2);
    const [ev] = await events(org.id);
    expect(ev).toMatchObject({
      action: 'org.create',
      actorId: committee.id,
      ip: '127.0.0.1',
      orgPath: org.path,
    });
    expect((ev!.after as { name: string }).name).toBe('第二党小组');
  });

  it('refuses another branch’s secretary and changes nothing', async () => {
    const before = await count();
    const input = ZCreateOrg.parse({ parentId: tree.a.id, name: '越权党小组', type: 'PARTY_GROUP' });
    await expect(createOrg(db, secretaryB.ctx, input)).rejects.toThrow('errors.forbidden');
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate name under the same parent (a double submit)', async () => {
    const input = ZCreateOrg.parse({ parentId: tree.b.id, name: '重复提交党小组', type: 'PARTY_GROUP' });
    await createOrg(db, committee.ctx, input);
    const before = await count();
    await expect(createOrg(db, committee.ctx, input)).rejects.toThrow('orgs.errors.duplicateName');
    expect(await count()).toBe(before);
  });

  it('refuses a type that cannot sit under the parent', async () => {
    const input = ZCreateOrg.parse({ parentId: tree.root.id, name: '错位党小组', type: 'PARTY_GROUP' });
    await expect(createOrg(db, committee.ctx, input)).rejects.toThrow('orgs.errors.typeNotAllowedUnder');
  });

  it('rejects empty, too long, wrong-type and script-bearing input before any write', () => {
    const issues = (v: unknown) =>
      ZCreateOrg.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}:${i.message.split('|')[0]}`) ??
      [];
    expect(issues({ parentId: tree.a.id, name: '   ', type: 'BRANCH' })).toContain(
      'name:validation.required',
    );
    expect(issues({ parentId: tree.a.id, name: '党'.repeat(101), type: 'BRANCH' })).toContain(
      'name:validation.tooLong',
    );
    expect(issues({ parentId: tree.a.id, name: '<script>alert(1)</script>', type: 'BRANCH' })).toContain(
      'name:validation.noMarkup',
    );
    expect(issues({ parentId: 'not-a-uuid', name: 'x', type: 'BRANCH' })).toContain(
      'parentId:validation.invalidId',
    );
    expect(issues({ parentId: tree.a.id, name: 'x', type: 'CLUB' })).toContain('type:orgs.errors.badType');
    expect(issues({ parentId: tree.a.id, name: 'x', type: 'BRANCH', sortOrder: 'abc' })).toContain(
      'sortOrder:validation.number',
    );
    expect(
      issues({
        parentId: tree.a.id,
        name: 'x',
        type: 'BRANCH',
        projectPlannedStart: '2026-05-01',
        projectPlannedEnd: '2026-01-01',
      }),
    ).toContain('projectPlannedEnd:orgs.errors.endBeforeStart');
  });
});

describe('move', () => {
  it('moves a subtree in one statement, rewriting every path below', async () => {
    const gen = await makeOrg(db, tree.root, 'GENERAL_BRANCH');
    const branch = await makeOrg(db, tree.root, 'BRANCH');
    const group = await makeOrg(db, branch, 'PARTY_GROUP');
    const r = await moveOrg(db, committee.ctx, ZMoveOrg.parse({ id: branch.id, newParentId: gen.id }));
    expect(r.moved).toBe(2);
    const g = await db.organization.findUniqueOrThrow({ where: { id: group.id } });
    expect(g.path).toBe(`${gen.path}${branch.id}/${group.id}/`);
    expect(g.depth).toBe(3);
    const [ev] = await events(branch.id);
    expect(ev).toMatchObject({ action: 'org.move' });
  });

  it('refuses a move that makes a cycle and changes nothing', async () => {
    const gen = await makeOrg(db, tree.root, 'GENERAL_BRANCH');
    const branch = await makeOrg(db, gen, 'BRANCH');
    await expect(moveOrg(db, committee.ctx, { id: gen.id, newParentId: branch.id })).rejects.toThrow(
      'orgs.errors.cycle',
    );
    await expect(moveOrg(db, committee.ctx, { id: gen.id, newParentId: gen.id })).rejects.toThrow(
      'orgs.errors.cycle',
    );
    expect((await db.organization.findUniqueOrThrow({ where: { id: branch.id } })).path).toBe(branch.path);
  });

  it('refuses a move into a unit outside the user’s scope', async () => {
    const g = await makeOrg(db, tree.b, 'PARTY_GROUP');
    await expect(moveOrg(db, secretaryB.ctx, { id: g.id, newParentId: tree.a.id })).rejects.toThrow(
      'errors.forbidden',
    );
  });
});

describe('archive', () => {
  it('refuses while active children exist, naming them; then archives (never deletes)', async () => {
    const branch = await makeOrg(db, tree.root, 'BRANCH');
    const group = await makeOrg(db, branch, 'PARTY_GROUP', '留守党小组');
    await expect(archiveOrg(db, committee.ctx, { id: branch.id })).rejects.toMatchObject({
      key: 'orgs.errors.activeChildren',
      params: { names: '留守党小组' },
    });
    await archiveOrg(db, committee.ctx, { id: group.id });
    const archived = await archiveOrg(db, committee.ctx, { id: branch.id });
    expect(archived.status).toBe('ARCHIVED');
    expect(await db.organization.count({ where: { id: { in: [branch.id, group.id] } } })).toBe(2);
    await expect(
      updateOrg(db, committee.ctx, {
        id: branch.id,
        name: '改名',
        type: 'BRANCH',
        sortOrder: 0,
        status: 'ACTIVE',
      }),
    ).rejects.toThrow('orgs.errors.archived');
  });
});

describe('key units and scoping', () => {
  it('sets and unsets a key unit for a year, traced', async () => {
    await setKeyUnit(db, committee.ctx, { orgId: tree.a.id, year: 2026, isKey: true });
    expect(await db.keyUnit.count({ where: { orgId: tree.a.id, year: 2026 } })).toBe(1);
    expect(await setKeyUnit(db, committee.ctx, { orgId: tree.a.id, year: 2026, isKey: true })).toEqual({
      changed: false,
    });
    await setKeyUnit(db, committee.ctx, { orgId: tree.a.id, year: 2026, isKey: false });
    expect(await db.keyUnit.count({ where: { orgId: tree.a.id, year: 2026 } })).toBe(0);
    await expect(
      setKeyUnit(db, secretaryB.ctx, { orgId: tree.a.id, year: 2026, isKey: true }),
    ).rejects.toThrow('errors.forbidden');
  });

  it('a secretary’s list holds their subtree only, in one query', async () => {
    const rows = await db.organization.findMany({ where: scopeOrgs(secretaryB.subject, 'org.read') });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.path.startsWith(tree.b.path))).toBe(true);
    const none = await db.organization.findMany({ where: scopeOrgs({ id: 'x', grants: [] }, 'org.read') });
    expect(none).toEqual([]);
  });
});

describe('the unit page', () => {
  it('counts the unit’s 党员 by standing, for readers of the unit only', async () => {
    const t = await makeTree(db);
    const committee = await makeUser(db, 'COMMITTEE', t.root);
    const outsider = await makeUser(db, 'SECRETARY', t.b);
    for (const [i, status] of (['FULL', 'FULL', 'PROBATIONARY', 'ACTIVIST'] as const).entries())
      await db.person.create({
        data: { employeeNo: `${t.a.id.slice(0, 8)}-${i}`, name: `党员${i}`, status, orgId: t.a.id },
      });
    await db.person.create({
      data: {
        employeeNo: `${t.a.id.slice(0, 8)}-left`,
        name: '已转出',
        status: 'FULL',
        orgId: t.a.id,
        leftOn: new Date(),
      },
    });
    const page = await getOrgForUser(committee.subject, t.a.id, db);
    expect(page.partyMembers).toEqual({ full: 2, probationary: 1 });
    await expect(getOrgForUser(outsider.subject, t.a.id, db)).rejects.toThrow('errors.forbidden');
  });
});

describe("a filter's unit choice (pickerOrgs)", () => {
  it('reads the levels that fit and the chosen unit, in tree order; all of them when they fit', async () => {
    const tree = await makeTree(db);
    const groups = [
      tree.a1,
      await makeOrg(db, tree.a, 'PARTY_GROUP'),
      await makeOrg(db, tree.b, 'PARTY_GROUP'),
    ];
    const scope = { path: { startsWith: tree.root.path } };
    const ids = (r: { units: { id: string }[] }) => r.units.map((u) => u.id);
    // Six units: all fit in 6; in 4 the groups (the deepest level) are left out, but a chosen group stays.
    const all = await pickerOrgs(scope, undefined, db, 6);
    expect(all.trimmed).toBe(false);
    expect(ids(all).sort()).toEqual([tree.root, tree.a, tree.b, ...groups].map((o) => o.id).sort());
    const some = await pickerOrgs(scope, groups[2]!.id, db, 4);
    expect(some.trimmed).toBe(true);
    expect(new Set(ids(some))).toEqual(new Set([tree.root.id, tree.a.id, tree.b.id, groups[2]!.id]));
    // Tree order: each unit before the units under it.
    expect(ids(some).indexOf(tree.b.id)).toBeLessThan(ids(some).indexOf(groups[2]!.id));
    // Outside the scope, a chosen unit is not listed.
    const other = await makeTree(db);
    expect(ids(await pickerOrgs(scope, other.a.id, db, 4))).not.toContain(other.a.id);
  });
});
