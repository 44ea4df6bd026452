// Pure rules of the self-check sheet. Scores use lib/handbook/rules.ts, the same functions audits use,
// so a unit's own total and the audit total are comparable point for point.
import { criterionScore, deduction, total, type DeductionRule } from '../handbook/rules';

export type SheetLine = { code: string; rule: DeductionRule; count: number | null };

/** Points lost on one criterion; an unassessed line (null) loses nothing yet. */
export const lineDeduction = (l: SheetLine) => (l.count === null ? 0 : deduction(l.rule, l.count));

/** The sheet's total: the sum of every criterion's score (max − deductions, never below 0). */
export function sheetTotal(lines: SheetLine[]): number {
  return total(lines.map((l) => criterionScore(l.rule, l.count ?? 0)));
}

/** Criteria not yet assessed (count still empty): a sheet with any cannot be submitted. */
export function unassessed(lines: SheetLine[]): string[] {
  return lines.filter((l) => l.count === null).map((l) => l.code);
}

/** Quarters a sheet may be opened for: this one and earlier ones, never a future quarter. */
export function isOpenableQuarter(periodKey: string, currentQuarter: string): boolean {
  return /^\d{4}-Q[1-4]$/.test(periodKey) && periodKey <= currentQuarter;
}

/** The quarter before `key` ("2026-Q1" → "2025-Q4"). */
export function previousQuarter(key: string): string {
  const y = Number(key.slice(0, 4));
  const q = Number(key.slice(6));
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}
