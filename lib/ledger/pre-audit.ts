/**
 * The computed pre-audit: for a unit and a period, every COMPUTED criterion of the standard with the count its
 * rule gives over the unit's own records, the deduction that count means, and the records behind it. The audit
 * page offers them to the auditor to confirm or override; the self-check sheet starts from them.
 */
import { periodFromKey } from '../calendar';
import type { Db, Tx } from '../db/client';
import { scoreLine, type ScoringScope } from '../handbook/scoring';
import { scoredCriterion } from '../handbook/standard-rows';
import { loadFactsMany } from './facts';
import { factsNeeded, runRule, type Ref, type Window } from './rules';

export type Suggestion = { count: number; deduction: number; refs: Ref[] };

/** The window a period key covers: a quarter ("2026-Q3") or a year ("2026"). */
export function windowOf(periodKey: string): Window {
  const p = periodFromKey(periodKey);
  if (!p) throw new RangeError(`not a period: ${periodKey}`);
  return { start: p.start, end: p.end };
}

/** One unit's suggestions: the many-unit pre-audit for a list of one. */
export async function suggestionsFor(
  client: Db | Tx,
  o: { standardId: string; orgId: string; periodKey: string; scope: ScoringScope; today: string },
): Promise<Map<string, Suggestion>> {
  const all = await suggestionsForUnits(client, { ...o, orgIds: [o.orgId] });
  return all.get(o.orgId) ?? new Map();
}

type ComputedCriterion = Parameters<typeof scoredCriterion>[0] & {
  id: string;
  ruleKey: string | null;
  ruleParams: unknown;
};

/**
 * The pre-audit of many units over one period (the year-end inspection of every unit): the standard's computed
 * criteria read once, the facts of all the units in at most seven statements, the rules run per unit in memory.
 */
export async function suggestionsForUnits(
  client: Db | Tx,
  o: { standardId: string; orgIds: string[]; periodKey: string; scope: ScoringScope; today: string },
): Promise<Map<string, Map<string, Suggestion>>> {
  const criteria = await client.scoringCriterion.findMany({
    where: { category: { standardId: o.standardId }, kind: 'COMPUTED' },
  });
  return preAudit(client, criteria, o);
}

/** The computed criteria given (a standard's, or a bench's) run over the units' facts. */
export async function preAudit(
  client: Db | Tx,
  criteria: readonly ComputedCriterion[],
  o: { orgIds: string[]; periodKey: string; scope: ScoringScope; today: string },
): Promise<Map<string, Map<string, Suggestion>>> {
  const out = new Map<string, Map<string, Suggestion>>();
  if (criteria.length === 0 || o.orgIds.length === 0) return out;
  const w = windowOf(o.periodKey);
  const scored = criteria.map((c) => ({ c, criterion: scoredCriterion(c) }));
  for (const [orgId, facts] of await loadFactsMany(client, o.orgIds, w, o.today, factsNeeded(criteria))) {
    const unit = new Map<string, Suggestion>();
    for (const { c, criterion } of scored) {
      const r = runRule(c.ruleKey, c.ruleParams, facts, w);
      if (!r) continue;
      unit.set(c.id, {
        count: r.count,
        deduction: scoreLine(criterion, r.count, o.scope).deduction,
        refs: r.refs,
      });
    }
    out.set(orgId, unit);
  }
  return out;
}
