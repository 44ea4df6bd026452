/**
 * lib/policy.ts's scope for raw SQL: the same decision (orgScope) written as a condition on an Organization row,
 * so a query over a whole company names the units by path instead of sending thousands of ids.
 */
import 'server-only';
import { Prisma } from './generated/prisma/client';
import { orgScope, type Permission, type Subject } from './policy';

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, '\\$&')}%`;

/** A condition on the Organization row aliased `alias` (a constant of the query, never input): true for the units
 * on which `subject` holds `permission`; FALSE when refused. */
export function scopeOrgsSql(subject: Subject | null | undefined, permission: Permission, alias: string) {
  const s = orgScope(subject, permission);
  if (s.all) return Prisma.sql`TRUE`;
  const col = (c: string) => Prisma.raw(`${alias}."${c}"`);
  const parts: Prisma.Sql[] = [];
  if (s.pathPrefixes.length)
    parts.push(Prisma.sql`${col('path')} LIKE ANY(${s.pathPrefixes.map(likePrefix)}::text[])`);
  if (s.orgIds.length) parts.push(Prisma.sql`${col('id')} = ANY(${s.orgIds}::uuid[])`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, ' OR ')})` : Prisma.sql`FALSE`;
}
