import 'server-only';
import { db } from '../db';
import { scopeOrgs, type Subject } from '../policy';
import { exportTree, PATH_SEPARATOR, type ExportRow } from './excel';

/** The user's organizations as an .xlsx, parents before children; parent paths named from the root. */
export async function exportOrgsFor(user: Subject): Promise<Buffer> {
  const rows = await db.organization.findMany({
    where: scopeOrgs(user, 'org.export'),
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
  });
  const ancestorIds = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean)))];
  const names = new Map(
    (
      await db.organization.findMany({ where: { id: { in: ancestorIds } }, select: { id: true, name: true } })
    ).map((o) => [o.id, o.name]),
  );
  const out: ExportRow[] = rows.map((r) => ({
    ...r,
    parentPath: r.path
      .split('/')
      .filter(Boolean)
      .slice(0, -1)
      .map((id) => names.get(id) ?? '')
      .join(PATH_SEPARATOR),
  }));
  return exportTree(out);
}
