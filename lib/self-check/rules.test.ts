import { describe, expect, it } from 'vitest';
import { isOpenableQuarter, lineDeduction, previousQuarter, sheetTotal, unassessed } from './rules';

const rule = (maxPoints: number, unitDeduction: number, cap: number | null = null) => ({
  maxPoints,
  unitDeduction,
  cap,
});

describe('self-check rules', () => {
  it('deducts unit × count up to the cap, never below zero, and sums the criteria', () => {
    const lines = [
      { code: 'A1', rule: rule(10, 2), count: 3 },
      { code: 'A2', rule: rule(5, 2, 4), count: 5 },
      { code: 'B1', rule: rule(4, 5), count: 2 },
    ];
    expect(lines.map(lineDeduction)).toEqual([6, 4, 4]);
    expect(sheetTotal(lines)).toBe(4 + 1 + 0);
  });
  it('treats unassessed lines as no deduction for the running total, and lists them', () => {
    const lines = [
      { code: 'A1', rule: rule(10, 2), count: null },
      { code: 'A2', rule: rule(5, 0.5), count: 1 },
    ];
    expect(sheetTotal(lines)).toBe(14.5);
    expect(unassessed(lines)).toEqual(['A1']);
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
