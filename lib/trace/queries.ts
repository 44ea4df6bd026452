import 'server-only';
import { db } from '../db';
import { ForbiddenError } from '../errors';
import { can, scopeByPath, type Subject } from '../policy';
import type { Db } from '../db/client';

export type AuditFilter = {
  user?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
};
const PAGE = 50;

/** The trace, as far as the user may read it: ADMIN everything, COMMITTEE the events of their subtree. */
export async function listAuditEvents(user: Subject, f: AuditFilter, client: Db = db) {
  if (!can(user, 'auditLog.read')) throw new ForbiddenError();
  const day = (s?: string) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  const from = day(f.from);
  const to = day(f.to);
  const where = {
    AND: [
      scopeByPath(user, 'auditLog.read'),
      f.user ? { actorName: { contains: f.user.slice(0, 64) } } : {},
      f.entityType ? { entityType: f.entityType.slice(0, 64) } : {},
      f.action ? { action: { startsWith: f.action.slice(0, 64) } } : {},
      from ? { at: { gte: new Date(`${from}T00:00:00+08:00`) } } : {},
      to ? { at: { lt: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000) } } : {},
    ],
  };
  const page = Math.max(1, f.page ?? 1);
  const [rows, total, entityTypes] = await Promise.all([
    client.auditEvent.findMany({ where, orderBy: { id: 'desc' }, skip: (page - 1) * PAGE, take: PAGE }),
    client.auditEvent.count({ where }),
    client.auditEvent.findMany({
      distinct: ['entityType'],
      select: { entityType: true },
      orderBy: { entityType: 'asc' },
    }),
  ]);
  return {
    rows,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE)),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}
