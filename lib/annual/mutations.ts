/**
 * Computing a year's annual results for the committee's subtree: the raw inputs of every active
 * branch and general branch in one statement, the arithmetic in lib/annual/rules.ts, the results
 * stored with the weights used (a new computation each time; the latest is shown). The exam input is
 * every graded attempt (in per cent) at the written exams of the unit's audits of the year.
 */
import { DEFAULT_BANDS } from '../handbook/rules';
import { capGrade } from '../handbook/scoring';
import { z } from 'zod';
import type { ActionContext } from '../action-context';
import { trace } from '../audit-log';
import type { Db } from '../db/client';
import { ForbiddenError, UserError } from '../errors';
import { assertCan, orgScope, type Subject } from '../policy';
import {
  annualScore,
  gradeFor,
  inputsOf,
  rankWithin,
  weightsValid,
  type RawInputs,
  type Weights,
} from './rules';
import { ZCompute } from './schema';
/** `vetoes`: the bands of the year's audits where a 否决项 was triggered (they hold the annual grade too). */
export type RawRow = { orgId: string; type: string; vetoes?: string[] } & RawInputs;

/**
 * A year's inputs for every active branch and general branch whose path starts with one of `$4`: one statement, one
 * pass over each table per unit (aggregates with FILTER in LATERAL subqueries). `$1` the year's period keys
 * (`2026%`), `$2`/`$3` its first and last day. Constant text with bound parameters; `npm run bench:improve` runs
 * the same statement through a bare `pg` client as the baseline.
 */
export const ANNUAL_INPUTS_SQL = `
  SELECT o.id::text AS "orgId", o.type::text AS type, au.audits, au.vetoes,
    tk."tasksDue", tk."tasksOnTime", tk.qualities, rc."rectItems", rc."rectOnTime", ex.exams
  FROM "Organization" o
  CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(a.total) FILTER (WHERE a.total IS NOT NULL), '{}') AS audits,
      COALESCE(array_agg(a."vetoBand") FILTER (WHERE a."vetoBand" IS NOT NULL), '{}') AS vetoes
    FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId"
    WHERE a."orgId" = o.id AND a.status IN ('SCORED', 'FEEDBACK_ISSUED') AND p."periodKey" LIKE $1
  ) au
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE t."dueDate" <= LEAST($3::date, CURRENT_DATE))::int AS "tasksDue",
      count(*) FILTER (WHERE t."dueDate" <= LEAST($3::date, CURRENT_DATE) AND t.status = 'DONE' AND t."onTime")::int
        AS "tasksOnTime",
      COALESCE(array_agg(t.quality::text) FILTER (WHERE t.quality IS NOT NULL), '{}') AS qualities
    FROM "ReminderTask" t WHERE t."orgId" = o.id AND t."dueDate" BETWEEN $2::date AND $3::date
  ) tk
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS "rectItems", count(*) FILTER (WHERE r."closedOnTime")::int AS "rectOnTime"
    FROM "RectificationItem" r WHERE r."orgId" = o.id AND r.deadline BETWEEN $2::date AND $3::date
  ) rc
  CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(100 * x.score / x."maxScore"), '{}') AS exams
    FROM "ExamAttempt" x JOIN "Exam" e ON e.id = x."examId" JOIN "Audit" a ON a.id = e."auditId"
      JOIN "AuditPlan" p ON p.id = a."planId"
    WHERE a."orgId" = o.id AND x.status = 'GRADED' AND p."periodKey" LIKE $1
  ) ex
  WHERE o.status = 'ACTIVE' AND o.type IN ('BRANCH', 'GENERAL_BRANCH') AND o.path LIKE ANY($4::text[])
  ORDER BY o.path`;

/** The statement's parameters for `year` over the path prefixes (each already ending in `%`). */
export const annualInputParams = (year: number, prefixes: string[]) => [
  `${year}%`,
  `${year}-01-01`,
  `${year}-12-31`,
  prefixes,
];

export async function rawInputs(db: Db, user: Subject, year: number): Promise<RawRow[]> {
  const s = orgScope(user, 'annual.compute');
  if (!s.all && !s.pathPrefixes.length) throw new ForbiddenError();
  const prefixes = (s.all ? ['/'] : s.pathPrefixes).map((p) => `${p}%`);
  return db.$queryRawUnsafe<RawRow[]>(ANNUAL_INPUTS_SQL, ...annualInputParams(year, prefixes));
}

/** The pure part: same raw rows and weights → same results. */
export function resultsOf(rows: RawRow[], weights: Weights) {
  const scored = rows
    .map((r) => ({ orgId: r.orgId, group: r.type, inputs: inputsOf(r), raw: r }))
    .map((r) => ({ ...r, score: annualScore(r.inputs, weights) }))
    .filter((r): r is typeof r & { score: number } => r.score !== null);
  return rankWithin(scored).map((r) => ({
    ...r,
    grade: capGrade(gradeFor(r.score), r.raw.vetoes ?? [], DEFAULT_BANDS),
  }));
}

export async function computeAnnual(db: Db, ctx: ActionContext, input: z.output<typeof ZCompute>) {
  assertCan(ctx.user, 'annual.compute');
  if (!weightsValid(input.weights))
    throw new UserError(
      'annual.errors.weightsSum',
      { sum: Object.values(input.weights).reduce((s, x) => s + x, 0) },
      'weights',
    );
  const rows = await rawInputs(db, ctx.user, input.year);
  const results = resultsOf(rows, input.weights);
  const s = orgScope(ctx.user, 'annual.compute');
  const orgPath = s.all ? '/' : s.pathPrefixes[0]!;
  return db.$transaction(async (tx) => {
    const c = await tx.annualComputation.create({
      data: { year: input.year, weights: input.weights, orgPath, computedById: ctx.user.id },
    });
    await tx.annualResult.createMany({
      data: results.map((r) => ({
        computationId: c.id,
        orgId: r.orgId,
        peerGroup: r.group,
        inputs: { ...r.inputs, raw: { ...r.raw, orgId: undefined, type: undefined } },
        score: r.score,
        grade: r.grade,
        rank: r.rank,
      })),
    });
    await tx.setting.upsert({
      where: { key: 'annual.weights' },
      create: { key: 'annual.weights', value: input.weights },
      update: { value: input.weights },
    });
    await trace(tx, ctx.actor, 'annual.compute', 'AnnualComputation', c.id, {
      orgPath,
      after: { year: input.year, weights: input.weights, units: results.length },
    });
    return { id: c.id, units: results.length };
  });
}
