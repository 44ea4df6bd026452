import type { ScoringScope } from '../handbook/scoring';

/** A year-end audit (or one of a whole year) assesses the annual criteria; the others are quarterly. */
export const auditScope = (plan: { kind: string; periodKey: string }): ScoringScope =>
  plan.kind === 'YEAR_END' || /^\d{4}$/.test(plan.periodKey) ? 'YEAR' : 'QUARTER';
