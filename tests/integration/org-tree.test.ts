// The org tree page at company scale (issue 17): a large tree is sent as its top levels, the rest on demand,
// each read scoped by lib/policy; a small one is sent whole.
import { describe, expect, it } from 'vitest';
import { orgChildrenForUser, orgTreeForUser, searchOrgsForUser } from '../../lib/orgs/queries/tree';
import { testDb } from '../fixtures/db';
import { makeOrg, makeUser, uniq } from '../fixtures/factories';
import { beforeAll } from 'vitest';
import type { OrgTreeNode } from '../../lib/orgs/queries/tree';

const db = testDb();
const ids = (ns: OrgTreeNode[] | undefined) => (ns ?? []).map((n) => n.id);

/** root → 3 general branches → 4 branches each → 2 party groups each: 40 units. */
const t = {} as {
  root: Awaited<ReturnType<typeof makeOrg>>;
  gens: Awaited<ReturnType<typeof makeOrg>>[];
  branches: Awaited<ReturnType<typeof makeOrg>>[];
  needle: Awaited<ReturnType<typeof makeOrg>>;
  committee: Awaited<ReturnType<typeof makeUser>>;
  secretary: Awaited<ReturnType<typeof makeUser>>;
  ownOnly: Awaited<ReturnType<typeof makeUser>>;
};
beforeAll(async () => {
  t.root = await makeOrg(db, null, 'COMMITTEE', uniq('大公司党委'));
  t.gens = [];
  t.branches = [];
  for (let g = 0; g < 3; g++) {
    const gen = await makeOrg(db, t.root, 'GENERAL_BRANCH', uniq(`第${g + 1}分公司党总支`));
    t.gens.push(gen);
    for (let b = 0; b < 4; b++) {
      const branch = await makeOrg(db, gen, 'BRANCH', uniq(`项目${g}-${b}党支部`));
      t.branches.push(branch);
      for (let p = 0; p < 2; p++) await makeOrg(db, branch, 'PARTY_GROUP', uniq(`第${p + 1}党小组`));
    }
  }
  t.needle = await makeOrg(db, t.branches[7]!, 'PARTY_GROUP', uniq('青年突击队党小组'));
  t.committee = await makeUser(db, 'COMMITTEE', t.root);
  t.secretary = await makeUser(db, 'SECRETARY', t.branches[0]!);
  // A member: no org.read at all.
  t.ownOnly = await makeUser(db, 'MEMBER', t.branches[1]!);
  await makeUser(db, null, t.gens[0]!);
  await makeUser(db, null, t.gens[0]!);
});

describe('org tree at scale', () => {
  it('a small scope gets its whole tree', async () => {
    const r = await orgTreeForUser(t.secretary.subject, {}, db);
    expect(r.complete).toBe(true);
    expect(r.total).toBe(3);
    expect(ids(r.roots)).toEqual([t.branches[0]!.id]);
    expect(r.roots[0]!.children).toHaveLength(2);
  });

  it('a large scope gets its top and one level, the rest marked not loaded with their counts', async () => {
    const r = await orgTreeForUser(t.committee.subject, { fullLimit: 10 }, db);
    expect(r.complete).toBe(false);
    expect(r.total).toBe(41);
    expect(ids(r.roots)).toEqual([t.root.id]);
    const gens = r.roots[0]!.children!;
    expect(ids(gens)).toEqual(t.gens.map((g) => g.id));
    expect(gens[0]).toMatchObject({ childCount: 4, memberCount: 2, children: undefined });
    expect(JSON.stringify(r).length).toBeLessThan(2_000);
  });

  it('a grant inside another grant’s subtree is not a second root: its siblings still load', async () => {
    const both = await makeUser(db, 'COMMITTEE', t.root);
    await db.roleAssignment.create({
      data: { userId: both.id, role: 'SECRETARY', orgId: t.branches[5]!.id },
    });
    const subject = {
      ...both.subject,
      grants: [
        ...both.subject.grants,
        { role: 'SECRETARY', orgId: t.branches[5]!.id, orgPath: t.branches[5]!.path },
      ],
    };
    const r = await orgTreeForUser(subject, { fullLimit: 10 }, db);
    expect(ids(r.roots)).toEqual([t.root.id]);
    expect(r.roots[0]!.children!.find((g) => g.id === t.gens[1]!.id)!.children).toBeUndefined();
  });

  it('opens a branch: its children with their own counts', async () => {
    const kids = await orgChildrenForUser(t.committee.subject, t.gens[1]!.id, db);
    expect(ids(kids)).toEqual(t.branches.slice(4, 8).map((b) => b.id));
    expect(kids[3]).toMatchObject({ childCount: 3, children: undefined });
    expect(kids.every((k) => k.childCount >= 2)).toBe(true);
  });

  it('refuses to open a unit outside the scope, and names a missing one as missing', async () => {
    await expect(orgChildrenForUser(t.secretary.subject, t.gens[1]!.id, db)).rejects.toThrow(
      'errors.forbidden',
    );
    await expect(orgChildrenForUser(t.secretary.subject, t.branches[1]!.id, db)).rejects.toThrow(
      'errors.forbidden',
    );
    await expect(
      orgChildrenForUser(t.committee.subject, '00000000-0000-4000-8000-000000000000', db),
    ).rejects.toThrow('errors.notFound');
  });

  it('a member (no org.read) opens nothing, even their own unit, and finds nothing', async () => {
    await expect(orgChildrenForUser(t.ownOnly.subject, t.branches[1]!.id, db)).rejects.toThrow(
      'errors.forbidden',
    );
    expect((await searchOrgsForUser(t.ownOnly.subject, '党', db)).roots).toEqual([]);
    expect((await orgTreeForUser(t.ownOnly.subject, {}, db)).roots).toEqual([]);
  });

  it('searches the whole scope on the server, each hit with its ancestors, nothing outside the scope', async () => {
    const r = await searchOrgsForUser(t.committee.subject, '青年突击队', db);
    expect(ids(r.roots)).toEqual([t.root.id]);
    expect(ids(r.roots[0]!.children)).toEqual([t.gens[1]!.id]);
    expect(ids(r.roots[0]!.children![0]!.children)).toEqual([t.branches[7]!.id]);
    expect(ids(r.roots[0]!.children![0]!.children![0]!.children)).toEqual([t.needle.id]);
    expect(r.truncated).toBe(false);
    const outside = await searchOrgsForUser(t.secretary.subject, '青年突击队', db);
    expect(outside.roots).toEqual([]);
    // LIKE's wildcards are text: '_' and '%' match only units whose names hold them.
    expect((await searchOrgsForUser(t.committee.subject, '_', db)).roots).toEqual([]);
    expect((await searchOrgsForUser(t.committee.subject, '%', db)).roots).toEqual([]);
    const odd = await makeOrg(db, t.branches[2]!, 'PARTY_GROUP', uniq('第_3%党小组'));
    const hit = await searchOrgsForUser(t.committee.subject, '_3%', db);
    expect(ids(hit.roots[0]!.children![0]!.children![0]!.children)).toEqual([odd.id]);
    await db.organization.delete({ where: { id: odd.id } });
  });
});
