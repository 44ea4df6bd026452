/**
 * The computed pre-audit: for a unit and a period, every COMPUTED criterion of the standard with the count its
 * rule gives over the unit's own records, the deduction that count means, and the records behind it. The audit
 * page offers them to the auditor to confirm or override; the self-check sheet starts from them.
 */
import { periodFromKey } from '../calendar';
import type { Db, Tx } from '../db/client';
import { scoreLine, type ScoringScope } from '../handbook/scoring';
import { scoredCriterion } from '../handbook/standard-rows';
import { loadFacts } from './facts';
import { runRule, type Ref, type Window } from './rules';

export type Suggestion = { count: number; deduction: number; refs: Ref[] };

/** The window a period key covers: a quarter ("2026-Q3") or a year ("2026"). */
export function windowOf(periodKey: string): Window {
  const p = periodFromKey(periodKey);
  if (!p) throw new RangeError(`not a period: ${periodKey}`);
  return { start: p.start, end: p.end };
}

export async function suggestionsFor(
  client: Db | Tx,
  o: { standardId: string; orgId: string; periodKey: string; scope: ScoringScope; today: string },
): Promise<Map<string, Suggestion>> {
  const criteria = await client.scoringCriterion.findMany({
    where: { category: { standardId: o.standardId }, kind: 'COMPUTED' },
  });
  const out = new Map<string, Suggestion>();
  if (criteria.length === 0) return out;
  const w = windowOf(o.periodKey);
  const facts = await loadFacts(client, o.orgId, w, o.today);
  for (const c of criteria) {
    const r = runRule(c.ruleKey, c.ruleParams, facts, w);
    if (!r) continue;
    const criterion = scoredCriterion(c);
    out.set(c.id, {
      count: r.count,
      deduction: scoreLine(criterion, r.count, o.scope).deduction,
      refs: r.refs,
    });
  }
  return out;
}
