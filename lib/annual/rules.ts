/**
 * The annual result (考核兑现), pure arithmetic. For a unit and a year:
 *   audit         = mean of its audit totals that year (0–100)
 *   reminders     = 100 × on-time share of the tasks due that year; where tasks were rated, 80% that
 *                   and 20% the mean quality (优 100, 良 85, 中 70, 差 50)
 *   rectification = 100 × share of its rectification items closed on time (deadline that year)
 *   exam          = mean per-cent score of the graded attempts at the unit's audit exams of the year
 *   score = Σ wᵢ·xᵢ / Σ wᵢ over the inputs the unit has (a unit with no audit is not scored on audits),
 * rounded to 0.1; rank 1 = best within its peer group (same organization type), ties share a rank.
 */
import { gradeOf, type Band } from '../handbook/rules';

export const COMPONENTS = ['audit', 'reminders', 'rectification', 'exam'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Weights = Record<Component, number>;
export const DEFAULT_WEIGHTS: Weights = { audit: 60, reminders: 20, rectification: 10, exam: 10 };
export const QUALITY_POINTS: Record<string, number> = { EXCELLENT: 100, GOOD: 85, FAIR: 70, POOR: 50 };

export type RawInputs = {
  audits: number[];
  tasksDue: number;
  tasksOnTime: number;
  qualities: string[];
  rectItems: number;
  rectOnTime: number;
  exams: number[];
};
export type Inputs = Record<Component, number | null>;

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

export function weightsValid(w: Weights): boolean {
  return (
    COMPONENTS.every((c) => Number.isFinite(w[c]) && w[c] >= 0) &&
    Math.abs(COMPONENTS.reduce((s, c) => s + w[c], 0) - 100) < 1e-9
  );
}

export function inputsOf(r: RawInputs): Inputs {
  const onTime = r.tasksDue ? (100 * r.tasksOnTime) / r.tasksDue : null;
  const quality = mean(r.qualities.map((q) => QUALITY_POINTS[q] ?? 0));
  const audit = mean(r.audits);
  const exam = mean(r.exams);
  return {
    audit: audit === null ? null : round1(audit),
    reminders: onTime === null ? null : round1(quality === null ? onTime : 0.8 * onTime + 0.2 * quality),
    rectification: r.rectItems ? round1((100 * r.rectOnTime) / r.rectItems) : null,
    exam: exam === null ? null : round1(exam),
  };
}

export function annualScore(inputs: Inputs, w: Weights): number | null {
  let num = 0;
  let den = 0;
  for (const c of COMPONENTS) {
    const x = inputs[c];
    if (x === null || !w[c]) continue;
    num += w[c] * x;
    den += w[c];
  }
  return den ? round1(num / den) : null;
}

/** Competition ranking within each peer group: 1, 2, 2, 4. */
export function rankWithin<T extends { group: string; score: number }>(rows: T[]): (T & { rank: number })[] {
  const byGroup = new Map<string, T[]>();
  for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  const out: (T & { rank: number })[] = [];
  for (const list of byGroup.values()) {
    const sorted = [...list].sort((a, b) => b.score - a.score);
    sorted.forEach((r, i) =>
      out.push({ ...r, rank: i > 0 && sorted[i - 1]!.score === r.score ? out.at(-1)!.rank : i + 1 }),
    );
  }
  return out;
}

export const gradeFor = (score: number, bands?: Band[]) => gradeOf(score, bands);
