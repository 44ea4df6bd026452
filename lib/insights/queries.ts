import 'server-only';
import { gapRows } from '../audits/gap';
import { db } from '../db';
import type { Subject } from '../policy';
import { completionByMonth, deductionPareto, rectificationClosure, scoreDistribution, unitScores, type InsightFilter } from './read';

export async function insightsFor(user: Subject, f: InsightFilter) {
  const [distribution, scores, completion, pareto, closure, gaps] = await Promise.all([
    scoreDistribution(db, user, f), unitScores(db, user, f), completionByMonth(db, user, f), deductionPareto(db, user, f), rectificationClosure(db, user, f),
    gapRows(db, user, { onlyFlagged: true }),
  ]);
  return { distribution, scores, completion, pareto, closure, gaps };
}
export const paretoFor = (user: Subject, f: InsightFilter & { quarter?: string }) => deductionPareto(db, user, f);
