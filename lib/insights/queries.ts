import 'server-only';
import { gapRows } from '../audits/gap';
import { db } from '../db';
import type { Subject } from '../policy';
import {
  completionByMonth,
  deductionPareto,
  rectificationClosure,
  scoreDistribution,
  unitScores,
  type InsightFilter,
} from './read';

export async function insightsFor(user: Subject, f: InsightFilter) {
  const [distribution, scores, completion, pareto, closure, gaps] = await Promise.all([
    scoreDistribution(db, user, f),
    unitScores(db, user, f),
    completionByMonth(db, user, f),
    deductionPareto(db, user, f),
    rectificationClosure(db, user, f),
    gapRows(db, user, { onlyFlagged: true }),
  ]);
  return { distribution, scores, completion, pareto, closure, gaps };
}
export const paretoFor = (user: Subject, f: InsightFilter & { quarter?: string }) =>
  deductionPareto(db, user, f);

/** A quarter's Pareto with the articles behind it, as they stand in the version in force (most points first). */
export async function problemsFor(user: Subject, quarter: string) {
  const year = Number(quarter.slice(0, 4));
  const rows = await deductionPareto(db, user, { from: year, to: year, quarter });
  const seen = await db.article.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => r.articleIds))] } },
    select: { id: true, key: true },
  });
  const keyOf = new Map(seen.map((a) => [a.id, a.key]));
  const orderedKeys = [
    ...new Set(
      rows
        .flatMap((r) => r.articleIds)
        .map((id) => keyOf.get(id))
        .filter((k): k is string => !!k),
    ),
  ];
  const current = await db.article.findMany({
    where: { key: { in: orderedKeys }, version: { status: 'PUBLISHED' } },
    select: { id: true, number: true, title: true, key: true },
  });
  const byKey = new Map(current.map((a) => [a.key, a]));
  return {
    rows,
    articles: orderedKeys.map((k) => byKey.get(k)).filter((a): a is NonNullable<typeof a> => !!a),
  };
}
