import 'server-only';
import { db } from '../../db';
import type { Db } from '../../db/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import { can, orgScope, scopeOrgs, type Subject } from '../../policy';
import { buildTree, type Node } from '../tree';
import { listOrgsForUser, orgListSelect } from './index';
import { likeLiteral } from '../rules';

/** Up to this many units the tree page gets them all and filters in the browser; beyond, branches load on demand. */
export const FULL_TREE_LIMIT = 400;
/** A search of a large tree names at most this many units (with their ancestors). */
export const SEARCH_LIMIT = 50;

type Row = {
  id: string;
  name: string;
  shortName: string | null;
  type: string;
  status: string;
  parentId: string | null;
  path: string;
  sortOrder: number;
};
export type TreeRow = Row & { memberCount: number; childCount: number };
/** A node of the tree page. `children` undefined: it has `childCount` children, not sent yet. */
export type OrgTreeNode = Omit<TreeRow, 'path' | 'parentId' | 'sortOrder'> & { children?: OrgTreeNode[] };

const order = {
  orderBy: [{ depth: 'asc' as const }, { sortOrder: 'asc' as const }, { name: 'asc' as const }],
};

/** Each row's active users and direct children, in two grouped queries. */
async function withCounts(rows: Row[], client: Db): Promise<TreeRow[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [members, children] = await Promise.all([
    client.user.groupBy({
      by: ['orgId'],
      where: { orgId: { in: ids }, active: true },
      _count: { _all: true },
    }),
    client.organization.groupBy({
      by: ['parentId'],
      where: { parentId: { in: ids } },
      _count: { _all: true },
    }),
  ]);
  const m = new Map(members.map((c) => [c.orgId, c._count._all]));
  const k = new Map(children.map((c) => [c.parentId, c._count._all]));
  return rows.map((r) => ({ ...r, memberCount: m.get(r.id) ?? 0, childCount: k.get(r.id) ?? 0 }));
}

/**
 * Nested nodes. With `unloaded`, a node whose children were not among the rows is marked not loaded
 * (children undefined); without, every node's children are the ones given (a search's matching paths).
 */
function nest(rows: TreeRow[], unloaded = true): OrgTreeNode[] {
  const strip = (n: Node<TreeRow>): OrgTreeNode => ({
    id: n.id,
    name: n.name,
    shortName: n.shortName,
    type: n.type,
    status: n.status,
    memberCount: n.memberCount,
    childCount: n.childCount,
    children: !unloaded || n.children.length || n.childCount === 0 ? n.children.map(strip) : undefined,
  });
  return buildTree(rows).map(strip);
}

/**
 * The tree page's first answer. A small company's whole tree (the page filters it in the browser); a large
 * one's top units of the user's scope and one level below, the rest by `orgChildrenForUser` and
 * `searchOrgsForUser` (issue 17: 5,000 units were 2.36 MB of HTML).
 */
export async function orgTreeForUser(
  user: Subject,
  opts: { fullLimit?: number } = {},
  client: Db = db,
): Promise<{ roots: OrgTreeNode[]; total: number; complete: boolean }> {
  const where = scopeOrgs(user, 'org.read');
  const total = await client.organization.count({ where });
  if (total <= (opts.fullLimit ?? FULL_TREE_LIMIT)) {
    const rows = await listOrgsForUser(user, client);
    const kids = new Map<string, number>();
    for (const r of rows) if (r.parentId) kids.set(r.parentId, (kids.get(r.parentId) ?? 0) + 1);
    return {
      roots: nest(rows.map((r) => ({ ...r, childCount: kids.get(r.id) ?? 0 }))),
      total,
      complete: true,
    };
  }
  const scope = orgScope(user, 'org.read');
  const tops = await client.organization.findMany({
    where: scope.all
      ? { parentId: null }
      : { OR: [{ path: { in: scope.pathPrefixes } }, { id: { in: scope.orgIds } }] },
    select: { id: true, path: true },
  });
  // A grant inside another subtree grant (a committee member who is also a branch's secretary) is not a top:
  // its unit is reached by opening the tree, and its parent's other children load with it.
  const firsts = scope.all
    ? tops
    : tops.filter((t) => !scope.pathPrefixes.some((p) => p !== t.path && t.path.startsWith(p)));
  // A subtree grant's children are in scope; an own-unit grant's are not.
  const open = firsts.filter((t) => scope.all || scope.pathPrefixes.includes(t.path)).map((t) => t.id);
  const rows = await client.organization.findMany({
    where: { OR: [{ id: { in: firsts.map((t) => t.id) } }, { parentId: { in: open } }] },
    select: orgListSelect,
    ...order,
  });
  return { roots: nest(await withCounts(rows, client)), total, complete: false };
}

/** One unit's children, for a branch opened on the tree page. Not found → 404; a unit outside the scope → 403. */
export async function orgChildrenForUser(user: Subject, parentId: string, client: Db = db) {
  const parent = await client.organization.findUnique({
    where: { id: parentId },
    select: { id: true, path: true },
  });
  if (!parent) throw new NotFoundError();
  if (!can(user, 'org.read', parent)) throw new ForbiddenError();
  const rows = await client.organization.findMany({
    where: { AND: [{ parentId }, scopeOrgs(user, 'org.read')] },
    select: orgListSelect,
    ...order,
  });
  return nest(await withCounts(rows, client));
}

/**
 * Units of the user's scope whose name or short name contains `q`, at most SEARCH_LIMIT, each with its
 * ancestors inside the scope so the page can show where it sits.
 */
export async function searchOrgsForUser(user: Subject, q: string, client: Db = db) {
  const scope = scopeOrgs(user, 'org.read');
  const hits = await client.organization.findMany({
    where: {
      AND: [
        scope,
        { OR: [{ name: { contains: likeLiteral(q) } }, { shortName: { contains: likeLiteral(q) } }] },
      ],
    },
    select: orgListSelect,
    ...order,
    take: SEARCH_LIMIT + 1,
  });
  const found = hits.slice(0, SEARCH_LIMIT);
  const ancestorIds = [...new Set(found.flatMap((h) => h.path.split('/').filter(Boolean)))].filter(
    (id) => !found.some((h) => h.id === id),
  );
  const ancestors = ancestorIds.length
    ? await client.organization.findMany({
        where: { AND: [scope, { id: { in: ancestorIds } }] },
        select: orgListSelect,
      })
    : [];
  const rows = await withCounts([...ancestors, ...found], client);
  return { roots: nest(rows, false), truncated: hits.length > SEARCH_LIMIT };
}
