import type { ScoringScope } from '../handbook/scoring';

/** A year-end audit (or one of a whole year) assesses the annual criteria; the others are quarterly. */
export const auditScope = (plan: { kind: string; periodKey: string }): ScoringScope =>
  plan.kind === 'YEAR_END' || /^\d{4}$/.test(plan.periodKey) ? 'YEAR' : 'QUARTER';

export const AUDIT_KINDS = ['KEY_QUARTERLY', 'SPOT_CHECK', 'YEAR_END'] as const;
export const DRAW_TYPES = ['GENERAL_BRANCH', 'BRANCH'] as const;
export const AUDIT_METHODS = [
  'WRITTEN_TEST',
  'DOCUMENT_CHECK',
  'SITE_VISIT',
  'WORK_REPORT',
  'INTERVIEW',
] as const;
export const FINDING_KINDS = ['PROBLEM', 'DIFFICULTY', 'GOOD_PRACTICE', 'IMPRACTICAL_STANDARD'] as const;
