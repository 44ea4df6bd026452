import 'server-only';
import { db } from '../db';
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import { can, type Subject } from '../policy';

const PAGE = 50;

/**
 * Sign-in failures and refusals, newest first: company-wide records, so only a reader of the whole trace (the
 * administrator, not a committee scoped to its subtree) may read them.
 */
export async function listSecurityEvents(user: Subject, f: { page?: number; ip?: string }, client: Db = db) {
  if (!can(user, 'securityEvent.read', 'global')) throw new ForbiddenError();
  const where = f.ip ? { ip: f.ip.slice(0, 64) } : {};
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    client.securityEvent.findMany({ where, orderBy: { id: 'desc' }, skip: (page - 1) * PAGE, take: PAGE }),
    client.securityEvent.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE)) };
}
