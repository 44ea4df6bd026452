// A form's unit choice at company scale (issue 17: 5,054 units were 0.66–2.4 MB of a form's HTML): the levels that
// fit and the chosen units, the others found on the server; each source scoped by lib/policy.
import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../lib/errors';
import { CHOICE_HITS, searchUnitChoices, unitChoices } from '../../lib/orgs/queries/choices';
import { invitablePeopleFor, searchInvitees } from '../../lib/training/queries';
import { testDb } from '../fixtures/db';
import { makeOrg, makeUser, uniq } from '../fixtures/factories';

const db = testDb();
type Org = Awaited<ReturnType<typeof makeOrg>>;
type User = Awaited<ReturnType<typeof makeUser>>;

/** root → 3 general branches → 4 branches each → 2 party groups each (40 units), one branch archived. */
const t = {} as {
  root: Org;
  other: Org;
  gens: Org[];
  branches: Org[];
  archived: Org;
  percent: Org;
  committee: User;
  otherCommittee: User;
  secretary: User;
  member: User;
  admin: User;
};
const ids = (units: { id: string }[]) => units.map((u) => u.id);

beforeAll(async () => {
  t.root = await makeOrg(db, null, 'COMMITTEE', uniq('选单位公司党委'));
  t.gens = [];
  t.branches = [];
  for (let g = 0; g < 3; g++) {
    const gen = await makeOrg(db, t.root, 'GENERAL_BRANCH', uniq(`选单位第${g + 1}分公司党总支`));
    t.gens.push(gen);
    for (let b = 0; b < 4; b++) {
      const branch = await makeOrg(db, gen, 'BRANCH', uniq(`选单位项目${g}-${b}党支部`));
      t.branches.push(branch);
      for (let p = 0; p < 2; p++) await makeOrg(db, branch, 'PARTY_GROUP', uniq(`选单位第${p + 1}党小组`));
    }
  }
  t.archived = await makeOrg(db, t.gens[2]!, 'BRANCH', uniq('选单位已撤销党支部'));
  await db.organization.update({ where: { id: t.archived.id }, data: { status: 'ARCHIVED' } });
  t.percent = await makeOrg(db, t.gens[1]!, 'BRANCH', uniq('选单位百分%_党支部'));
  t.other = await makeOrg(db, null, 'COMMITTEE', uniq('选单位另一公司党委'));
  t.committee = await makeUser(db, 'COMMITTEE', t.root);
  t.otherCommittee = await makeUser(db, 'COMMITTEE', t.other);
  t.secretary = await makeUser(db, 'SECRETARY', t.branches[0]!);
  t.member = await makeUser(db, 'MEMBER', t.branches[1]!);
  t.admin = await makeUser(db, 'ADMIN', t.root);
});

describe('unitChoices', () => {
  it('a scope that fits is listed whole, without party groups or archived units, and needs no search', async () => {
    const c = await unitChoices(t.committee.subject, 'addressable', [], db);
    expect(c.search).toBeUndefined();
    expect(new Set(ids(c.units))).toEqual(
      new Set([t.root, ...t.gens, ...t.branches, t.percent].map((o) => o.id)),
    );
  });

  it('a scope over the limit lists the levels that fit and the chosen units, and names its search', async () => {
    const chosen = t.branches[5]!.id;
    const c = await unitChoices(t.committee.subject, 'addressable', [chosen], db, 10);
    expect(c.search).toBe('/api/orgs/choices?for=addressable');
    // In tree order (by path): the company, its general branches, the chosen branch after its own.
    const expected = [t.root, ...t.gens, t.branches[5]!].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(ids(c.units)).toEqual(ids(expected));
  });

  it('a user with no such permission gets nothing to choose', async () => {
    expect(await unitChoices(t.member.subject, 'addressable', [], db)).toEqual({ units: [] });
    expect(await unitChoices(t.member.subject, 'orgMove', [], db)).toEqual({ units: [] });
  });
});

describe('searchUnitChoices', () => {
  it('finds units of the scope by name, each with the parents below the company as its trail', async () => {
    const b = t.branches[6]!;
    const r = await searchUnitChoices(t.committee.subject, 'addressable', b.name.slice(0, 12), db);
    expect(ids(r.units)).toEqual([b.id]);
    expect(r.units[0]!.trail).toBe(t.gens[1]!.name);
    expect(r.more).toBe(false);
  });

  it('never offers a party group or an archived unit to address', async () => {
    expect(
      (await searchUnitChoices(t.committee.subject, 'addressable', '选单位第1党小组', db)).units,
    ).toEqual([]);
    expect((await searchUnitChoices(t.committee.subject, 'addressable', '选单位已撤销', db)).units).toEqual(
      [],
    );
  });

  it('matches LIKE wildcards as typed', async () => {
    const r = await searchUnitChoices(t.committee.subject, 'addressable', '%_', db);
    expect(ids(r.units)).toEqual([t.percent.id]);
  });

  it('stays inside the scope: another company, another branch', async () => {
    const b = t.branches[3]!;
    expect((await searchUnitChoices(t.otherCommittee.subject, 'addressable', b.name, db)).units).toEqual([]);
    // The secretary may move nothing: the source refuses them.
    await expect(searchUnitChoices(t.secretary.subject, 'orgMove', b.name, db)).rejects.toThrow(
      ForbiddenError,
    );
    const own = await searchUnitChoices(t.committee.subject, 'orgMove', b.name, db);
    expect(ids(own.units)).toEqual([b.id]);
    expect((await searchUnitChoices(t.otherCommittee.subject, 'orgMove', b.name, db)).units).toEqual([]);
  });

  it('refuses a user with no such permission', async () => {
    await expect(searchUnitChoices(t.member.subject, 'addressable', '选单位', db)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(searchUnitChoices(t.member.subject, 'tree', '选单位', db)).rejects.toThrow(ForbiddenError);
    await expect(searchUnitChoices(t.committee.subject, 'tree', '选单位', db)).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('finds for the list filters within what each reads: the roster party units, 督办 archived units too', async () => {
    const b = t.branches[9]!;
    for (const source of ['rosterUnit', 'meetingUnit', 'supervised'] as const) {
      expect(ids((await searchUnitChoices(t.committee.subject, source, b.name, db)).units), source).toEqual([
        b.id,
      ]);
      expect((await searchUnitChoices(t.otherCommittee.subject, source, b.name, db)).units, source).toEqual(
        [],
      );
      await expect(searchUnitChoices(t.member.subject, source, b.name, db), source).rejects.toThrow(
        ForbiddenError,
      );
    }
    // A secretary reads the people of their own branch only.
    expect((await searchUnitChoices(t.secretary.subject, 'rosterUnit', b.name, db)).units).toEqual([]);
    const own = t.branches[0]!;
    expect(ids((await searchUnitChoices(t.secretary.subject, 'rosterUnit', own.name, db)).units)).toEqual([
      own.id,
    ]);
    expect(
      ids((await searchUnitChoices(t.committee.subject, 'supervised', '选单位已撤销', db)).units),
    ).toEqual([t.archived.id]);
    expect((await searchUnitChoices(t.committee.subject, 'rosterUnit', '选单位已撤销', db)).units).toEqual(
      [],
    );
  });

  it('names at most CHOICE_HITS units in tree order and says there are more', async () => {
    // The administrators' whole tree: 40 units of this company hold the text, party groups included.
    const r = await searchUnitChoices(t.admin.subject, 'tree', '选单位', db);
    expect(r.units).toHaveLength(CHOICE_HITS);
    expect(r.more).toBe(true);
    const paths = r.units.map((u) => u.path);
    expect(paths).toEqual([...paths].sort());
  });
});

describe('people a class may invite', () => {
  it('lists them all while they fit, else none and names the search', async () => {
    const all = await invitablePeopleFor(t.committee.subject, db);
    expect(all.search).toBeUndefined();
    expect(ids(all.units)).toContain(t.secretary.id);
    expect(all.units.find((u) => u.id === t.secretary.id)!.trail).toBe(t.branches[0]!.name);
    const many = await invitablePeopleFor(t.committee.subject, db, 2);
    expect(many).toEqual({ units: [], search: '/api/training/invitees' });
  });

  it('finds them by name within the organizer’s units, with their unit as the trail', async () => {
    const name = (await db.user.findUniqueOrThrow({ where: { id: t.secretary.id } })).name;
    const r = await searchInvitees(t.committee.subject, name, db);
    expect(ids(r.units)).toEqual([t.secretary.id]);
    expect(r.units[0]!.trail).toBe(t.branches[0]!.name);
    expect((await searchInvitees(t.otherCommittee.subject, name, db)).units).toEqual([]);
    await expect(searchInvitees(t.member.subject, name, db)).rejects.toThrow(ForbiddenError);
  });
});
