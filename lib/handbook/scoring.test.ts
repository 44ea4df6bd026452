import { describe, expect, it } from 'vitest';
import {
  gradeWithVeto,
  inputProblem,
  levelProblems,
  scoreLine,
  scoreSheet,
  type ScoredCriterion,
} from './scoring';

const c = (o: Partial<ScoredCriterion> & Pick<ScoredCriterion, 'id'>): ScoredCriterion => ({
  code: o.id,
  kind: 'DEDUCTION',
  maxPoints: 10,
  unitDeduction: 2,
  cap: null,
  ...o,
});
const GRADES = [
  { label: '好', points: 10 },
  { label: '较好', points: 8 },
  { label: '一般', points: 6 },
  { label: '差', points: 2 },
];
const AWARDS = [
  { label: '国家级', points: 5 },
  { label: '省级', points: 3 },
  { label: '市级', points: 2 },
  { label: '公司级', points: 1 },
];
/** 40 base points over four criteria, an annual one among them; two award kinds; a veto. */
const STANDARD = [
  c({ id: 'meet', maxPoints: 10, unitDeduction: 2, cap: 6 }),
  c({ id: 'quality', kind: 'GRADE', maxPoints: 10, unitDeduction: 0, levels: GRADES }),
  c({ id: 'annual', maxPoints: 10, unitDeduction: 5, annualOnly: true }),
  c({ id: 'computed', kind: 'COMPUTED', maxPoints: 10, unitDeduction: 1, cap: 4 }),
  c({ id: 'honours', kind: 'BONUS', maxPoints: 0, unitDeduction: 0, levels: AWARDS }),
  c({ id: 'models', kind: 'BONUS', maxPoints: 0, unitDeduction: 0, levels: AWARDS }),
  c({ id: 'case', kind: 'VETO', maxPoints: 0, unitDeduction: 0, vetoBand: 'PASS' }),
];
const run = (inputs: Record<string, number | null>, scope: 'QUARTER' | 'YEAR', bonusCap = 6) =>
  scoreSheet(STANDARD, (x) => inputs[x.id] ?? null, { scope, bonusCap });

describe('scoring kinds', () => {
  it('a year: deductions capped, a grade level, bonuses capped in total, no veto', () => {
    // meet: 5 × 2 = 10, capped at 6 → 4; quality 较好 → 8; annual 1 × 5 → 5; computed 7 × 1 capped at 4 → 6.
    // Base 23 of 40. Bonuses 国家级 5 + 省级 3 = 8, capped at 6. Total 29 → 72.5 % → PASS.
    const s = run({ meet: 5, quality: 2, annual: 1, computed: 7, honours: 1, models: 2, case: 0 }, 'YEAR');
    expect(s).toMatchObject({
      base: 23,
      applicableMax: 40,
      bonus: 6,
      total: 29,
      percent: 72.5,
      grade: 'PASS',
    });
    expect(s.vetoBand).toBeNull();
  });
  it('a quarter: the annual criterion is not applicable and the total is over 30 points', () => {
    const s = run({ meet: 0, quality: 1, annual: 2, computed: 0 }, 'QUARTER');
    expect(s.lines.find((l) => l.id === 'annual')).toMatchObject({ applicable: false, deduction: 0 });
    expect(s).toMatchObject({ base: 30, applicableMax: 30, total: 30, percent: 100, grade: 'EXCELLENT' });
  });
  it('a veto holds the grade at its band however high the score', () => {
    const s = run({ meet: 0, quality: 1, annual: 0, computed: 0, case: 1 }, 'YEAR');
    expect(s).toMatchObject({ percent: 100, vetoBand: 'PASS', grade: 'PASS' });
  });
  it('a veto does not raise a lower grade', () => {
    const s = run({ meet: 5, quality: 4, annual: 2, computed: 9, case: 1 }, 'YEAR');
    // 4 + 2 + 0 + 6 = 12 of 40 = 30 % → FAIL, below the veto's PASS.
    expect(s).toMatchObject({ total: 12, grade: 'FAIL', vetoBand: 'PASS' });
  });
  it('only the highest award of a kind counts: the input is that award', () => {
    expect(scoreLine(STANDARD[4]!, 2, 'YEAR').bonus).toBe(3);
    expect(scoreLine(STANDARD[4]!, 0, 'YEAR').bonus).toBe(0);
    expect(inputProblem(STANDARD[4]!, 5)).toBe('scoringKinds.errors.level');
    expect(inputProblem(STANDARD[1]!, 0)).toBe('scoringKinds.errors.level');
    expect(inputProblem(STANDARD[0]!, 7)).toBeNull();
  });
  it('an unassessed grade keeps its full points until chosen', () =>
    expect(scoreLine(STANDARD[1]!, null, 'YEAR')).toMatchObject({ points: 10, deduction: 0 }));
});

describe('a stored total’s grade', () => {
  it('is held at the veto band', () => {
    expect(gradeWithVeto(95, null)).toBe('EXCELLENT');
    expect(gradeWithVeto(95, 'PASS')).toBe('PASS');
    expect(gradeWithVeto(50, 'PASS')).toBe('FAIL');
  });
});

describe('level lists', () => {
  it('are refused for the wrong kind, too few, unnamed or above the maximum', () => {
    expect(levelProblems('GRADE', GRADES, 10)).toBeNull();
    expect(levelProblems('GRADE', GRADES, 8)).toBe('handbook.errors.levelAboveMax');
    expect(levelProblems('BONUS', [{ label: '省级', points: 3 }], 0)).toBe('handbook.errors.levelCount');
    expect(levelProblems('GRADE', [...GRADES.slice(0, 2), { label: ' ', points: 1 }], 10)).toBe(
      'handbook.errors.levelBad',
    );
    expect(levelProblems('DEDUCTION', GRADES, 10)).toBe('handbook.errors.levelsForKind');
  });
});
