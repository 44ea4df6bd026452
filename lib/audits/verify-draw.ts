/**
 * "Verify draw": compute the population again from the stored criteria (as of the draw's instant) and
 * draw again from the stored population and seed. A changed population is refused with the
 * difference named; otherwise the recomputed sample must equal the stored one.
 */
import type { Db } from '../db/client';
import { NotFoundError, UserError } from '../errors';
import { drawPopulation, type StoredCriteria } from './population';
import { draw, DRAW_ALGORITHM, sampleSize, type Candidate } from './sampling';

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
