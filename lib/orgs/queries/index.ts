import 'server-only';
import { unitChoices } from './choices';
import { db } from '../../db';
import { ForbiddenError, NotFoundError } from '../../errors';
import { can, orgScope, scopeOrgs, type Subject } from '../../policy';
import { subtreeOf } from '../tree';
import { cstDay } from '../../calendar';
import { closingChecklist } from '../closing';
import { COMMITTEE_POSTS } from '../../people/rules';
import {
  DEFAULT_LIFECYCLE,
  lifecycleFindings,
  termEnd,
  type LifecycleOrg,
  type LifecycleSettings,
} from '../lifecycle';
import type { Db } from '../../db/client';

export const orgListSelect = {
  id: true,
  name: true,
  shortName: true,
  type: true,
  parentId: true,
  path: true,
  depth: true,
  sortOrder: true,
  status: true,
} as const;

/**
 * Every organization the user may read: each scope root's subtree in one query (usually one
 * scope, so one query), then direct member counts in one more.
 */
export async function listOrgsForUser(user: Subject, client: Db = db) {
  const scope = orgScope(user, 'org.read');
  const rows = scope.all
    ? await subtreeOf(client, '/')
    : dedupe([
        ...(await Promise.all(scope.pathPrefixes.map((p) => subtreeOf(client, p)))).flat(),
        ...(scope.orgIds.length
          ? await client.organization.findMany({ where: { id: { in: scope.orgIds } }, select: orgListSelect })
          : []),
      ]);
  const counts = rows.length
    ? await client.user.groupBy({
        by: ['orgId'],
        where: { orgId: { in: rows.map((r) => r.id) }, active: true },
        _count: { _all: true },
      })
    : [];
  const byOrg = new Map(counts.map((c) => [c.orgId, c._count._all]));
  return rows.map((r) => ({ ...r, memberCount: byOrg.get(r.id) ?? 0 }));
}

function dedupe<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/** An organization page's data. Not found → 404; outside the user's scope → 403 with nothing read. */
export async function getOrgForUser(user: Subject, id: string, client: Db = db) {
  const head = await client.organization.findUnique({ where: { id }, select: { id: true, path: true } });
  if (!head) throw new NotFoundError();
  if (!can(user, 'org.read', head)) throw new ForbiddenError();
  const org = await client.organization.findUniqueOrThrow({
    where: { id },
    include: {
      parent: { select: { id: true, name: true, path: true } },
      secretary: { select: { id: true, name: true } },
      children: { select: orgListSelect, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] },
      keyUnits: { select: { year: true }, orderBy: { year: 'desc' } },
    },
  });
  const [members, memberCount, history, party] = await Promise.all([
    client.user.findMany({
      where: { orgId: id },
      select: {
        id: true,
        name: true,
        phone: true,
        active: true,
        roles: { select: { role: true, orgId: true } },
      },
      orderBy: { name: 'asc' },
      take: 200,
    }),
    client.user.count({ where: { orgId: id } }),
    client.auditEvent.findMany({
      where: { entityType: 'Organization', entityId: id },
      select: { id: true, at: true, actorName: true, action: true, before: true, after: true },
      orderBy: { id: 'desc' },
      take: 50,
    }),
    // 党员 of the unit by standing (counts only; who they are is the roster's, behind person.read).
    client.person.groupBy({
      by: ['status'],
      where: { orgId: id, leftOn: null, status: { in: ['FULL', 'PROBATIONARY'] } },
      _count: { _all: true },
    }),
  ]);
  const parentReadable = org.parent ? can(user, 'org.read', org.parent) : false;
  const of = (s: string) => party.find((p) => p.status === s)?._count._all ?? 0;
  const partyMembers = { full: of('FULL'), probationary: of('PROBATIONARY') };
  return { org, members, memberCount, history, parentReadable, partyMembers };
}

/** Active users of the unit's subtree, for the secretary picker. */
export async function secretaryCandidates(user: Subject, orgPath: string, client: Db = db) {
  if (!can(user, 'org.manage', { id: '', path: orgPath })) return [];
  return client.user.findMany({
    where: { active: true, org: { path: { startsWith: orgPath } } },
    select: { id: true, name: true, username: true },
    orderBy: { name: 'asc' },
    take: 500,
  });
}

/** The posts that sit on a 支部委员会 (a 党小组长 does not). */
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Lifecycle settings (Setting "people.lifecycle"), else the defaults of lib/orgs/lifecycle. */
export async function lifecycleSettings(client: Db = db): Promise<LifecycleSettings> {
  const s = await client.setting.findUnique({ where: { key: 'people.lifecycle' } });
  const v = (s?.value ?? {}) as Partial<LifecycleSettings>;
  return {
    ...DEFAULT_LIFECYCLE,
    ...v,
    termYears: { ...DEFAULT_LIFECYCLE.termYears, ...(v.termYears ?? {}) },
  };
}

/** The unit's 正式党员 working with it (组织关系 here and working here, or seconded here), not in transit. */
export const workingFullMembers = (orgId: string) => ({
  status: 'FULL' as const,
  leftOn: null,
  transfers: { none: { status: 'ISSUED' as const } },
  OR: [{ workOrgId: orgId }, { orgId, workOrgId: null }],
});

/**
 * The organization page's lifecycle card: the findings (set-up, committee, term) and, once the project has ended,
 * the closing checklist. Read with the org itself, so the caller has already checked org.read.
 */
export async function lifecycleOf(
  user: Subject,
  org: OrgLike & { id: string; path: string; projectActualEnd: Date | null },
  client: Db = db,
) {
  if (!can(user, 'org.read', org)) throw new ForbiddenError();
  const [full, committee, settings] = await Promise.all([
    client.person.count({ where: workingFullMembers(org.id) }),
    client.person.count({
      where: { orgId: org.id, leftOn: null, posts: { hasSome: [...COMMITTEE_POSTS] } },
    }),
    lifecycleSettings(client),
  ]);
  const record = lifecycleRecord(org);
  const today = cstDay(new Date());
  return {
    record,
    counts: { full, committee },
    findings: lifecycleFindings(record, { full, committee }, today, settings),
    termEnd: termEnd(record, settings),
    closing: org.projectActualEnd ? await closingChecklist(client, org.id) : null,
  };
}

type OrgLike = {
  type: string;
  status: string;
  temporary: boolean;
  jointUnits: number | null;
  projectPlannedStart: Date | null;
  projectPlannedEnd: Date | null;
  projectActualStart: Date | null;
  projectActualEnd: Date | null;
  setupRequestedOn: Date | null;
  setupApprovedOn: Date | null;
  termStart: Date | null;
  termYears: number | null;
  termExtendedTo: Date | null;
  termExtensionBy?: string | null;
};
export function lifecycleRecord(o: OrgLike): LifecycleOrg & { termExtensionBy: string | null } {
  return {
    type: o.type,
    status: o.status,
    temporary: o.temporary,
    jointUnits: o.jointUnits,
    projectPlannedStart: isoDay(o.projectPlannedStart),
    projectPlannedEnd: isoDay(o.projectPlannedEnd),
    projectActualStart: isoDay(o.projectActualStart),
    projectActualEnd: isoDay(o.projectActualEnd),
    setupRequestedOn: isoDay(o.setupRequestedOn),
    setupApprovedOn: isoDay(o.setupApprovedOn),
    termStart: isoDay(o.termStart),
    termYears: o.termYears,
    termExtendedTo: isoDay(o.termExtendedTo),
    termExtensionBy: o.termExtensionBy ?? null,
  };
}

/**
 * The roster's filter (lib/people's, here beside the picker it uses): the party units to pick from (at company scale the levels that fit, with the chosen one:
 * lib/orgs pickerOrgs), and the party groups of the chosen unit (none until one is chosen). Every unit and group of a
 * company as options was 1.3 MB of the committee's roster page.
 */
export async function rosterFilterOptions(user: Subject, orgId?: string, client: Db = db) {
  if (!can(user, 'person.read')) throw new ForbiddenError();
  const [units, groups] = await Promise.all([
    unitChoices(user, 'rosterUnit', orgId ? [orgId] : [], client),
    orgId
      ? client.organization.findMany({
          where: {
            AND: [
              scopeOrgs(user, 'person.read'),
              { status: { not: 'ARCHIVED' } },
              { parentId: orgId, type: 'PARTY_GROUP' },
            ],
          },
          select: { id: true, name: true },
          orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        })
      : [],
  ]);
  return { units, groups };
}
