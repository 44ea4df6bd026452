import type { Db } from '../db/client';

/** The materialized path of a unit: its parent's path plus its own id ("/rootId/…/id/"). */
export function pathOf(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** A whole subtree in one indexed prefix query (Organization_path_idx, text_pattern_ops). */
export async function subtreeOf(client: Db, path: string) {
  return client.organization.findMany({
    where: { path: { startsWith: path } },
    select: { id: true, name: true, shortName: true, type: true, parentId: true, path: true, depth: true, sortOrder: true, status: true },
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
  });
}

type Row = { id: string; parentId: string | null; name: string; sortOrder: number };
export type Node<R extends Row> = R & { children: Node<R>[] };

/**
 * Nests flat rows. A row whose parent is not among the rows (the top of a user's scope) is a root,
 * so a secretary's tree starts at their own branch.
 */
export function buildTree<R extends Row>(rows: R[]): Node<R>[] {
  const nodes = new Map<string, Node<R>>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: Node<R>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: Node<R>, b: Node<R>) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
  const sort = (list: Node<R>[]) => { list.sort(order); list.forEach((n) => sort(n.children)); };
  sort(roots);
  return roots;
}
