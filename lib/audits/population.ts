/**
 * The population of a spot-check draw, computed as of the draw's instant so that it can be computed
 * again later and compared: active units of the chosen types under the chosen unit, in tree order,
 * without those audited in the N months before that day, each with its history weight.
 */
import type { Db } from '../db/client';
import { cstDay } from '../calendar';
import { historyWeight, type Candidate } from './sampling';
import type { TDrawCriteria } from './schema';

/** `asOf` is the instant of the draw: history after it never changes the population. */
export type StoredCriteria = Omit<TDrawCriteria, 'seed'> & { asOf: string };

export async function drawPopulation(db: Db, c: StoredCriteria): Promise<Candidate[]> {
  const root = await db.organization.findUnique({ where: { id: c.subtreeOrgId }, select: { path: true } });
  if (!root) return [];
  const asOf = new Date(c.asOf);
  const asOfDay = cstDay(asOf);
  const since = new Date(asOf);
  since.setMonth(since.getMonth() - c.excludeMonths);
  const rows = await db.$queryRaw<{ id: string; last: number | null; overdue: number; flagged: number }[]>`
    SELECT o.id::text AS id,
      (SELECT a.total FROM "Audit" a WHERE a."orgId" = o.id AND a."scoredAt" <= ${asOf} AND a.total IS NOT NULL ORDER BY a."scoredAt" DESC LIMIT 1) AS last,
      (SELECT count(*)::int FROM "ReminderTask" t WHERE t."orgId" = o.id AND t."dueDate" < ${asOfDay}::date AND (t."completedAt" IS NULL OR t."completedAt" > ${asOf})) AS overdue,
      (SELECT count(*)::int FROM "ReminderTask" t WHERE t."orgId" = o.id AND t."backfillFlag" IS NOT NULL AND t."completedAt" <= ${asOf}) AS flagged
    FROM "Organization" o
    WHERE o.path LIKE ${`${root.path}%`} AND o.status = 'ACTIVE' AND o.type::text = ANY(${c.types}::text[])
      AND o."createdAt" <= ${asOf}
      AND NOT EXISTS (SELECT 1 FROM "Audit" a WHERE a."orgId" = o.id AND a."createdAt" > ${since} AND a."createdAt" <= ${asOf})
    ORDER BY o.path`;
  return rows.map((r) => ({
    id: r.id,
    weight: c.weighted ? historyWeight({ lastScore: r.last, overdue: r.overdue, flagged: r.flagged }) : 1,
  }));
}
