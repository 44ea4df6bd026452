import 'server-only';
import { db } from '../../db';
import type { Db } from '../../db/client';
import { ForbiddenError } from '../../errors';
import type { OrgType, Prisma } from '../../generated/prisma/client';
import { can, scopeOrgs, type Permission, type Subject } from '../../policy';
import { likeLiteral, PICKER_MAX, pickedUnits, pickerLevels } from '../rules';

/** A unit a form offers: `trail` names its parents (a search's hit, where the tree is not shown around it). */
export type ChoiceUnit = { id: string; name: string; depth: number; path: string; trail?: string };
/**
 * A form's choice (components/org-tree-picker). `search` set: there are more than one list holds (PICKER_MAX),
 * `units` holds the levels that fit and the chosen ones, and the picker asks `search` (an address; `q` is added)
 * for the others, which answers `{ units, more }`.
 */
export type UnitChoices = { units: ChoiceUnit[]; search?: string };

export const UNIT_SOURCES = [
  'addressable',
  'tree',
  'orgMove',
  'personUnit',
  'workUnit',
  'transferTarget',
  'rosterUnit',
  'meetingUnit',
  'supervised',
] as const;
export type UnitSource = (typeof UNIT_SOURCES)[number];
type Source = { may: (u: Subject) => boolean; where: (u: Subject) => Prisma.OrganizationWhereInput };

/**
 * A filter's unit choice at company scale (`where`: the units in the user's scope, from lib/policy.ts), in tree
 * order: the count per level first, then only the levels that fit (lib/orgs/rules pickerLevels) and the chosen
 * unit are read — not 5,000 units for 300 lines.
 */
export async function pickerOrgs(
  where: Prisma.OrganizationWhereInput,
  chosen?: string | readonly string[],
  client: Db = db,
  max = PICKER_MAX,
) {
  const counts = await client.organization.groupBy({ by: ['depth'], where, _count: { _all: true } });
  const levels = pickerLevels(new Map(counts.map((c) => [c.depth, c._count._all])), max);
  const near = levels.all
    ? {}
    : 'deepest' in levels
      ? { depth: { lte: levels.deepest } }
      : { depth: levels.top };
  const orgs = await client.organization.findMany({
    where: {
      AND: [
        where,
        chosen?.length
          ? { OR: [near, { id: { in: typeof chosen === 'string' ? [chosen] : [...chosen] } }] }
          : near,
      ],
    },
    select: { id: true, name: true, depth: true, path: true },
    orderBy: { path: 'asc' },
  });
  return pickedUnits(orgs, levels, chosen, max);
}

/** How many units a search names. */
export const CHOICE_HITS = 30;

const live = { status: { not: 'ARCHIVED' as const } };
const partyUnit = { type: { in: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'] as OrgType[] } };
/** A source that is one permission's scope, narrowed by `filters`. */
const scoped = (permission: Permission, ...filters: Prisma.OrganizationWhereInput[]): Source => ({
  may: (u) => can(u, permission),
  where: (u) => ({ AND: [scopeOrgs(u, permission), ...filters] }),
});

/** Which units a form may offer, and who may ask for them: each a scope of lib/policy.ts. */
const SOURCES: Record<UnitSource, Source> = {
  // Whom a notice, an exam, a training class or a demonstration site's visit is for (as addressableOrgsFor).
  addressable: {
    may: (u) => can(u, 'announcement.manage') || can(u, 'learning.manage'),
    where: (u) => ({
      AND: [
        { OR: [scopeOrgs(u, 'announcement.manage'), scopeOrgs(u, 'learning.manage')] },
        live,
        { type: { not: 'PARTY_GROUP' } },
      ],
    }),
  },
  // The whole tree, for the account pages of the system's administrators (an account's unit, a role's unit).
  tree: {
    may: (u) => can(u, 'user.read', 'global') && can(u, 'org.read'),
    where: () => live,
  },
  // Where a unit may be moved: a unit the user manages (the move itself refuses its own subtree and parent).
  orgMove: scoped('org.manage', live),
  // A person's 党组织: a party unit whose people the user manages.
  personUnit: scoped('person.manage', live, partyUnit),
  // A person's 工作单位: any unit the user reads but a party group, a union or a youth league.
  workUnit: {
    may: (u) => can(u, 'person.manage'),
    where: (u) => ({
      AND: [scopeOrgs(u, 'person.read'), live, { type: { notIn: ['PARTY_GROUP', 'UNION', 'YOUTH_LEAGUE'] } }],
    }),
  },
  // The roster's and the 发展 list's filter: the party units whose people the user reads.
  rosterUnit: scoped('person.read', live, partyUnit),
  // The meeting records' and attendance filter: party units and groups whose records the user reads.
  meetingUnit: scoped('meeting.read', {
    type: { in: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'PARTY_GROUP'] },
  }),
  // 督办's and the insights' filter: the units the user supervises, archived ones too (their history is kept).
  supervised: scoped('reminder.supervise', { type: { notIn: ['PARTY_GROUP', 'DEPARTMENT'] } }),
  // Where a 组织关系 may be transferred inside the company: every party unit (names only).
  transferTarget: {
    may: (u) => can(u, 'person.manage'),
    where: () => ({ AND: [live, partyUnit] }),
  },
};

function source(user: Subject, name: UnitSource) {
  const s = SOURCES[name];
  if (!s.may(user)) throw new ForbiddenError();
  return s.where(user);
}

/**
 * A form's unit choice: every unit of the source when they fit in one list, else the levels that fit and the
 * `chosen` ones, with `search` set so the picker finds the rest on the server (5,054 units were 0.66–2.4 MB of a
 * form's HTML).
 */
export async function unitChoices(
  user: Subject,
  name: UnitSource,
  chosen: readonly string[] = [],
  client: Db = db,
  max = PICKER_MAX,
): Promise<UnitChoices> {
  // A form whose user may choose no unit here shows an empty choice (its action refuses any unit anyway).
  if (!SOURCES[name].may(user)) return { units: [] };
  const { units, trimmed } = await pickerOrgs(source(user, name), chosen, client, max);
  return trimmed ? { units, search: `/api/orgs/choices?for=${name}` } : { units };
}

/**
 * The source's units whose name or short name holds `q` (as typed: LIKE's wildcards match only themselves), in
 * tree order, at most CHOICE_HITS, each with the names of its parents (those the user may read, below the company) as `trail`.
 */
export async function searchUnitChoices(user: Subject, name: UnitSource, q: string, client: Db = db) {
  const where = source(user, name);
  const text = likeLiteral(q);
  const hits = await client.organization.findMany({
    where: { AND: [where, { OR: [{ name: { contains: text } }, { shortName: { contains: text } }] }] },
    select: { id: true, name: true, depth: true, path: true },
    orderBy: { path: 'asc' },
    take: CHOICE_HITS + 1,
  });
  const found = hits.slice(0, CHOICE_HITS);
  // The parents between the company (left out: it is every unit's) and the unit.
  const parentsOf = (path: string) => path.split('/').filter(Boolean).slice(1, -1);
  const parentIds = [...new Set(found.flatMap((h) => parentsOf(h.path)))];
  const parents = parentIds.length
    ? await client.organization.findMany({
        where: { AND: [scopeOrgs(user, 'org.read'), { id: { in: parentIds } }] },
        select: { id: true, name: true, shortName: true },
      })
    : [];
  const called = new Map(parents.map((p) => [p.id, p.shortName || p.name]));
  const units: ChoiceUnit[] = found.map((h) => ({
    ...h,
    trail: parentsOf(h.path)
      .flatMap((id) => called.get(id) ?? [])
      .join(' › '),
  }));
  return { units, more: hits.length > CHOICE_HITS };
}

/**
 * The party groups of one unit, for a person's 党小组 once the unit is chosen (a company's groups are thousands):
 * a unit the user may not manage people of → ForbiddenError.
 */
export async function groupChoices(user: Subject, parentId: string, client: Db = db) {
  const parent = await client.organization.findUnique({
    where: { id: parentId },
    select: { id: true, path: true },
  });
  if (!parent || !can(user, 'person.manage', parent)) throw new ForbiddenError();
  return client.organization.findMany({
    where: { parentId, type: 'PARTY_GROUP', ...live },
    select: { id: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  });
}
