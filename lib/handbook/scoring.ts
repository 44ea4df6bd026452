import { criterionScore, DEFAULT_BANDS, deduction, gradeOf, type Band } from './rules';

/**
 * The kinds of criterion a standard may hold, and how a sheet of them is totalled. One function for the
 * self-check, the audit and the annual result, so their totals are comparable point for point.
 *
 * - DEDUCTION: 每缺一次扣 N 分, at most the cap (the input is the number of occurrences).
 * - GRADE:     好 / 较好 / 一般 / 差 → points (the input is the chosen level's number, 1 = the first listed).
 * - BONUS:     加分项: awards of one kind, only the highest counts (the input is that award's number, 0 = none);
 *              all bonuses together at most the standard's bonus cap. No base points.
 * - VETO:      否决项: when it happened (input > 0) the unit's grade cannot exceed the criterion's band.
 * - COMPUTED:  counted by a rule of lib/ledger/rules from the unit's own records; scored as DEDUCTION.
 * A criterion marked annual is not applicable in a quarterly sheet: the total is then over the applicable points,
 * and the grade is taken on the share of those points.
 */
export const CRITERION_KINDS = ['DEDUCTION', 'GRADE', 'BONUS', 'VETO', 'COMPUTED'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export type Level = { label: string; points: number };
export type ScoringScope = 'QUARTER' | 'YEAR';

export type ScoredCriterion = {
  id: string;
  code: string;
  kind: CriterionKind;
  maxPoints: number;
  unitDeduction: number;
  cap: number | null;
  levels?: Level[] | null;
  vetoBand?: string | null;
  annualOnly?: boolean;
};

export type LineResult = {
  id: string;
  applicable: boolean;
  /** Points lost (DEDUCTION, COMPUTED, GRADE below its top). */
  deduction: number;
  /** Base points earned (0 for BONUS and VETO). */
  points: number;
  bonus: number;
  vetoed: boolean;
};

const round1 = (x: number) => Math.round(x * 10) / 10;
/** Kinds that carry base points (the rest add a bonus or cap the grade). */
export const hasBasePoints = (kind: CriterionKind) => kind !== 'BONUS' && kind !== 'VETO';
export const isApplicable = (c: Pick<ScoredCriterion, 'annualOnly'>, scope: ScoringScope) =>
  !(c.annualOnly && scope === 'QUARTER');
/** A sheet is complete when every applicable criterion with points has its input; bonus and veto default to none. */
export const mustAssess = (c: Pick<ScoredCriterion, 'annualOnly' | 'kind'>, scope: ScoringScope) =>
  isApplicable(c, scope) && hasBasePoints(c.kind);

/** One line: `input` is occurrences, or a level's number (1-based) for GRADE and BONUS; null = not assessed yet. */
export function scoreLine(c: ScoredCriterion, input: number | null, scope: ScoringScope): LineResult {
  const base = {
    id: c.id,
    applicable: isApplicable(c, scope),
    deduction: 0,
    points: 0,
    bonus: 0,
    vetoed: false,
  };
  if (!base.applicable) return base;
  const level = input === null || input < 1 ? undefined : c.levels?.[input - 1];
  switch (c.kind) {
    case 'GRADE': {
      const points = level ? Math.min(level.points, c.maxPoints) : c.maxPoints;
      return { ...base, points, deduction: round1(c.maxPoints - points) };
    }
    case 'BONUS':
      return { ...base, bonus: level?.points ?? 0 };
    case 'VETO':
      return { ...base, vetoed: (input ?? 0) > 0 };
    default: {
      const n = input ?? 0;
      return { ...base, deduction: deduction(c, n), points: criterionScore(c, n) };
    }
  }
}

export type SheetScore = {
  lines: LineResult[];
  /** Base points earned over the applicable criteria. */
  base: number;
  applicableMax: number;
  /** Bonus after the standard's cap. */
  bonus: number;
  total: number;
  /** total as a share of the applicable points, in per cent: what the grade bands read. */
  percent: number;
  vetoBand: string | null;
  grade: string;
};

/** The band a veto allows at most: the lowest of those named (bands ordered by their minimum). */
export function capGrade(grade: string, vetoBands: string[], bands: Band[]): string {
  const order = [...bands].sort((a, b) => b.minScore - a.minScore).map((b) => b.code);
  return [grade, ...vetoBands].reduce((worst, b) =>
    order.indexOf(b) > order.indexOf(worst) && order.includes(b) ? b : worst,
  );
}

export function scoreSheet(
  criteria: readonly ScoredCriterion[],
  input: (c: ScoredCriterion) => number | null,
  o: { scope: ScoringScope; bonusCap?: number; bands?: Band[] },
): SheetScore {
  const lines = criteria.map((c) => scoreLine(c, input(c), o.scope));
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const counted = lines.filter((l) => l.applicable && hasBasePoints(byId.get(l.id)!.kind));
  const base = round1(counted.reduce((s, l) => s + l.points, 0));
  const applicableMax = round1(counted.reduce((s, l) => s + byId.get(l.id)!.maxPoints, 0));
  const bonus = round1(
    Math.min(
      lines.reduce((s, l) => s + l.bonus, 0),
      o.bonusCap ?? 0,
    ),
  );
  const total = round1(base + bonus);
  const percent = applicableMax > 0 ? round1((100 * total) / applicableMax) : 0;
  const vetoBands = lines.filter((l) => l.vetoed).map((l) => byId.get(l.id)!.vetoBand ?? 'FAIL');
  const bands = o.bands ?? DEFAULT_BANDS;
  const vetoBand = vetoBands.length ? capGrade(vetoBands[0]!, vetoBands, bands) : null;
  const grade = capGrade(gradeOf(percent, bands), vetoBand ? [vetoBand] : [], bands);
  return { lines, base, applicableMax, bonus, total, percent, vetoBand, grade };
}

/** What a level list must be: 2 to 6 levels, labels given, points ≥ 0, none above the criterion's maximum. */
export function levelProblems(kind: CriterionKind, levels: Level[] | null | undefined, maxPoints: number) {
  if (kind !== 'GRADE' && kind !== 'BONUS') return levels?.length ? 'handbook.errors.levelsForKind' : null;
  if (!levels || levels.length < 2 || levels.length > 6) return 'handbook.errors.levelCount';
  if (levels.some((l) => !l.label.trim() || !(l.points >= 0))) return 'handbook.errors.levelBad';
  if (kind === 'GRADE' && levels.some((l) => l.points > maxPoints)) return 'handbook.errors.levelAboveMax';
  return null;
}

/** A stored total's grade, held at the veto's band when a veto was triggered. */
export const gradeWithVeto = (
  percent: number,
  vetoBand: string | null | undefined,
  bands: Band[] = DEFAULT_BANDS,
) => capGrade(gradeOf(percent, bands), vetoBand ? [vetoBand] : [], bands);

/** The inputs a line accepts: a level's number for GRADE (1…n) and BONUS (0…n), any count ≥ 0 otherwise. */
export function inputProblem(c: Pick<ScoredCriterion, 'kind' | 'levels'>, input: number): string | null {
  const n = c.levels?.length ?? 0;
  if (c.kind === 'GRADE' && (input < 1 || input > n)) return 'scoringKinds.errors.level';
  if (c.kind === 'BONUS' && (input < 0 || input > n)) return 'scoringKinds.errors.level';
  return input < 0 ? 'validation.min' : null;
}
