import type { BookData } from './excel';
import type { CriterionKind, Level, ScoredCriterion } from './scoring';

/** A criterion row as the database holds it (levels as JSON), as the scoring rules read it. */
export const scoredCriterion = (c: {
  id: string;
  code: string;
  kind: string;
  maxPoints: number;
  unitDeduction: number;
  cap: number | null;
  levels: unknown;
  vetoBand: string | null;
  annualOnly: boolean;
}): ScoredCriterion => ({
  id: c.id,
  code: c.code,
  kind: c.kind as CriterionKind,
  maxPoints: c.maxPoints,
  unitDeduction: c.unitDeduction,
  cap: c.cap,
  levels: c.levels as Level[] | null,
  vetoBand: c.vetoBand,
  annualOnly: c.annualOnly,
});

/** What a criterion says of itself — code, title, points and rule — as the book file and the demo seed carry it. */
type CriterionText = Pick<
  BookData['criteria'][number],
  'code' | 'title' | 'maxPoints' | 'unitDeduction' | 'cap' | 'deductionRule'
>;
export const criterionText = (k: CriterionText): CriterionText => ({
  code: k.code,
  title: k.title,
  maxPoints: k.maxPoints,
  unitDeduction: k.unitDeduction,
  cap: k.cap,
  deductionRule: k.deductionRule,
});
