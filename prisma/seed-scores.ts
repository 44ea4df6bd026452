// Counts the demo's auditors and secretaries enter, by the criterion's kind, and the sheet totals they give.
import { scoredCriterion } from '../lib/handbook/standard-rows';
import { scoreLine, scoreSheet, type ScoringScope } from '../lib/handbook/scoring';

type Row = Parameters<typeof scoredCriterion>[0];

/**
 * A plausible entry: shortfalls for a per-occurrence or computed criterion (with probability `p`, up to `most`,
 * within the cap), a grade level (mostly the top two), now and then an award, never a veto.
 */
export function seedCount(row: Row, rand: () => number, p: number, most: number): number {
  const c = scoredCriterion(row);
  switch (c.kind) {
    case 'GRADE':
      return rand() < p ? 2 + Math.floor(rand() * 2) : 1;
    case 'BONUS':
      return rand() < 0.15 ? 1 + Math.floor(rand() * (c.levels?.length ?? 1)) : 0;
    case 'VETO':
      return 0;
    default: {
      const limit = Math.min(c.cap ?? c.maxPoints, c.maxPoints);
      const want = rand() < p ? 1 + Math.floor(rand() * most) : 0;
      return c.unitDeduction > 0 ? Math.min(want, Math.floor(limit / c.unitDeduction)) : 0;
    }
  }
}

export const seedDeduction = (row: Row, count: number, scope: ScoringScope) =>
  scoreLine(scoredCriterion(row), count, scope).deduction;

/** The stored totals of a sheet of entries: per cent, points, applicable maximum and veto. */
export function seedTotals(
  rows: Row[],
  count: (id: string) => number | null,
  scope: ScoringScope,
  bonusCap = 5,
) {
  const s = scoreSheet(rows.map(scoredCriterion), (c) => count(c.id), { scope, bonusCap });
  return { total: s.percent, rawPoints: s.total, applicableMax: s.applicableMax, vetoBand: s.vetoBand };
}
