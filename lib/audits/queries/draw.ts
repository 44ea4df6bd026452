import type { Db } from '../../db/client';
import { cstDay } from '../../calendar';
import { historyWeight, type Candidate, draw, DRAW_ALGORITHM, sampleSize } from '../sampling';
import type { TDrawCriteria } from '../schema';
import { NotFoundError, UserError } from '../../errors';

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

export async function verifyDraw(db: Db, planId: string) {
  const plan = await db.auditPlan.findUnique({ where: { id: planId } });
  if (!plan) throw new NotFoundError();
  if (!plan.drawSeed || !plan.drawCriteria || !plan.drawPopulation)
    throw new UserError('audits.errors.noDraw');
  if (plan.drawAlgorithm !== DRAW_ALGORITHM)
    throw new UserError('audits.errors.unknownAlgorithm', { algorithm: plan.drawAlgorithm ?? '' });
  const stored = plan.drawPopulation as Candidate[];
  const criteria = plan.drawCriteria as StoredCriteria;
  const now = await drawPopulation(db, criteria);
  // Membership and order are recomputed; the weights are taken as stored: history a weight rests on
  // can be amended later (a burst flags earlier records), and the draw used the weights of its day.
  const before = new Set(stored.map((c) => c.id));
  const after = new Set(now.map((c) => c.id));
  const added = now.filter((c) => !before.has(c.id)).length;
  const removed = stored.filter((c) => !after.has(c.id)).length;
  if (added || removed || stored.map((c) => c.id).join() !== now.map((c) => c.id).join()) {
    throw new UserError('audits.errors.populationChanged', { added, removed });
  }
  const again = draw(stored, sampleSize(stored.length, criteria), plan.drawSeed);
  return {
    same: again.join() === plan.drawSample.join(),
    sample: again,
    population: stored.length,
    seed: plan.drawSeed,
    algorithm: plan.drawAlgorithm,
  };
}
