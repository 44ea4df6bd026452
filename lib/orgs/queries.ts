import 'server-only';
import { db } from '../db';
import { ForbiddenError, NotFoundError } from '../errors';
import { can, orgScope, type Subject } from '../policy';
import { subtreeOf } from './tree';
import type { Db } from '../db/client';

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
    ? await subtreeOf(db, '/')
    : dedupe([
        ...(await Promise.all(scope.pathPrefixes.map((p) => subtreeOf(db, p)))).flat(),
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
  const [members, memberCount, history] = await Promise.all([
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
  ]);
  const parentReadable = org.parent ? can(user, 'org.read', org.parent) : false;
  return { org, members, memberCount, history, parentReadable };
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
