// Pure rules of the self-check sheet. Scores use lib/handbook/rules.ts, the same functions audits use,
// so a unit's own total and the audit total are comparable point for point.
import {
  mustAssess,
  scoreLine,
  scoreSheet,
  type ScoredCriterion,
  type ScoringScope,
  type SheetScore,
} from '../handbook/scoring';

/** A self-check sheet is quarterly: criteria assessed once a year are not applicable on it. */
export const SHEET_SCOPE: ScoringScope = 'QUARTER';
export type SheetLine = { criterion: ScoredCriterion; count: number | null };

/** Points lost on one criterion; an unassessed line (null) loses nothing yet. */
export const lineDeduction = (l: SheetLine) =>
  l.count === null ? 0 : scoreLine(l.criterion, l.count, SHEET_SCOPE).deduction;

/** The sheet's score by the standard's kinds (lib/handbook/scoring.ts); unassessed lines lose nothing yet. */
export function sheetScore(lines: SheetLine[], bonusCap = 0): SheetScore {
  const counts = new Map(lines.map((l) => [l.criterion.id, l.count]));
  return scoreSheet(
    lines.map((l) => l.criterion),
    (c) => counts.get(c.id) ?? null,
    { scope: SHEET_SCOPE, bonusCap },
  );
}

/**
 * Applicable criteria carrying points not yet assessed (count still empty): a sheet with any cannot be
 * submitted. A bonus or a veto left empty means none.
 */
export function unassessed(lines: SheetLine[]): string[] {
  return lines
    .filter((l) => l.count === null && mustAssess(l.criterion, SHEET_SCOPE))
    .map((l) => l.criterion.code);
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

/** A computed line where the unit claims fewer shortfalls than its own records show. */
export const belowRecords = (i: { count: number | null; suggested: number | null }) =>
  i.suggested !== null && i.count !== null && i.count < i.suggested;
