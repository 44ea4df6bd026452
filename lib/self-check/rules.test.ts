import { describe, expect, it } from 'vitest';
import type { ScoredCriterion } from '../handbook/scoring';
import {
  isOpenableQuarter,
  lineDeduction,
  previousQuarter,
  sheetScore,
  unassessed,
  type SheetLine,
} from './rules';

const line = (
  code: string,
  count: number | null,
  o: Partial<ScoredCriterion> & Pick<ScoredCriterion, 'maxPoints' | 'unitDeduction'>,
): SheetLine => ({ criterion: { id: code, code, kind: 'DEDUCTION', cap: null, ...o }, count });

describe('self-check rules', () => {
  it('deducts unit × count up to the cap, never below zero, and sums the criteria', () => {
    const lines = [
      line('A1', 3, { maxPoints: 10, unitDeduction: 2 }),
      line('A2', 5, { maxPoints: 5, unitDeduction: 2, cap: 4 }),
      line('B1', 2, { maxPoints: 4, unitDeduction: 5 }),
    ];
    expect(lines.map(lineDeduction)).toEqual([6, 4, 4]);
    expect(sheetScore(lines)).toMatchObject({ base: 5, applicableMax: 19, total: 5 });
  });
  it('treats unassessed lines as no deduction for the running total, and lists them', () => {
    const lines = [
      line('A1', null, { maxPoints: 10, unitDeduction: 2 }),
      line('A2', 1, { maxPoints: 5, unitDeduction: 0.5 }),
    ];
    expect(sheetScore(lines).total).toBe(14.5);
    expect(unassessed(lines)).toEqual(['A1']);
  });
  it('leaves annual criteria out of a quarter: not to be assessed, not in the applicable points', () => {
    const lines = [
      line('A1', 0, { maxPoints: 90, unitDeduction: 2 }),
      line('Y1', null, { maxPoints: 10, unitDeduction: 2, annualOnly: true }),
    ];
    expect(unassessed(lines)).toEqual([]);
    expect(sheetScore(lines)).toMatchObject({ total: 90, applicableMax: 90, percent: 100 });
  });
  it('opens this quarter and earlier ones, not future ones or other periods', () => {
    expect(isOpenableQuarter('2026-Q4', '2026-Q4')).toBe(true);
    expect(isOpenableQuarter('2025-Q3', '2026-Q4')).toBe(true);
    expect(isOpenableQuarter('2027-Q1', '2026-Q4')).toBe(false);
    expect(isOpenableQuarter('2026-M11', '2026-Q4')).toBe(false);
  });
  it('knows the previous quarter across a year', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q4')).toBe('2026-Q3');
  });
});
