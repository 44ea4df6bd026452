import 'server-only';
import { gapRowsFor } from '../audits/queries/audits';
import { db } from '../db';
import type { Db } from '../db/client';
import { type Subject, can, orgScope } from '../policy';
import { ForbiddenError } from '../errors';
import { Prisma } from '../generated/prisma/client';

export async function insightsFor(user: Subject, f: InsightFilter, client: Db = db) {
  const [distribution, scores, completion, pareto, closure, gaps] = await Promise.all([
    scoreDistribution(user, f, client),
    unitScores(user, f, client),
    completionByMonth(user, f, client),
    paretoFor(user, f, client),
    rectificationClosure(user, f, client),
    gapRowsFor(user, { onlyFlagged: true }, client),
  ]);
  return { distribution, scores, completion, pareto, closure, gaps };
}

/** A quarter's Pareto with the articles behind it, as they stand in the version in force (most points first). */
export async function problemsFor(user: Subject, quarter: string, client: Db = db) {
  const year = Number(quarter.slice(0, 4));
  const rows = await paretoFor(user, { from: year, to: year, quarter }, client);
  const seen = await client.article.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => r.articleIds))] } },
    select: { id: true, key: true },
  });
  const keyOf = new Map(seen.map((a) => [a.id, a.key]));
  const orderedKeys = [
    ...new Set(
      rows
        .flatMap((r) => r.articleIds)
        .map((id) => keyOf.get(id))
        .filter((k): k is string => !!k),
    ),
  ];
  const current = await client.article.findMany({
    where: { key: { in: orderedKeys }, version: { status: 'PUBLISHED' } },
    select: { id: true, number: true, title: true, key: true },
  });
  const byKey = new Map(current.map((a) => [a.key, a]));
  return {
    rows,
    articles: orderedKeys.map((k) => byKey.get(k)).filter((a): a is NonNullable<typeof a> => !!a),
  };
}

export type InsightFilter = { orgId?: string; from: number; to: number };

async function prefixes(db: Db, user: Subject, f: InsightFilter): Promise<string[]> {
  if (!can(user, 'insights.read')) throw new ForbiddenError();
  const s = orgScope(user, 'insights.read');
  const mine = s.all ? ['/'] : s.pathPrefixes;
  if (!f.orgId) return mine.map((p) => `${p}%`);
  const org = await db.organization.findUnique({ where: { id: f.orgId }, select: { path: true } });
  if (!org || !mine.some((p) => org.path.startsWith(p))) throw new ForbiddenError();
  return [`${org.path}%`];
}

const years = (f: InsightFilter) => [`${f.from}-01-01`, `${f.to}-12-31`] as const;

/** Audit totals by quarter in five bands. */
export async function scoreDistribution(user: Subject, f: InsightFilter, client: Db = db) {
  const p = await prefixes(client, user, f);
  return client.$queryRaw<{ quarter: string; band: string; n: number }[]>`
    SELECT p."periodKey" AS quarter,
      CASE WHEN a.total >= 90 THEN '90+' WHEN a.total >= 80 THEN '80–90' WHEN a.total >= 70 THEN '70–80' WHEN a.total >= 60 THEN '60–70' ELSE '<60' END AS band,
      count(*)::int AS n
    FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId"
    WHERE a.total IS NOT NULL AND o.path LIKE ANY(${p}::text[]) AND substr(p."periodKey", 1, 4)::int BETWEEN ${f.from} AND ${f.to}
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Each unit's audit total by quarter (trend), best first in the latest quarter (ranking). */
export async function unitScores(user: Subject, f: InsightFilter, client: Db = db) {
  const p = await prefixes(client, user, f);
  return client.$queryRaw<{ unit: string; quarter: string; score: number }[]>`
    SELECT o.name AS unit, p."periodKey" AS quarter, round(avg(a.total)::numeric, 1)::float8 AS score
    FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId"
    WHERE a.total IS NOT NULL AND o.path LIKE ANY(${p}::text[]) AND substr(p."periodKey", 1, 4)::int BETWEEN ${f.from} AND ${f.to}
    GROUP BY 1, 2 ORDER BY 2, 3 DESC`;
}

/** Reminder tasks due each month: how many, how many done, how many on time. */
export async function completionByMonth(user: Subject, f: InsightFilter, client: Db = db) {
  const p = await prefixes(client, user, f);
  const [from, to] = years(f);
  return client.$queryRaw<{ month: string; due: number; done: number; onTime: number }[]>`
    SELECT to_char(t."dueDate", 'YYYY-MM') AS month, count(*)::int AS due,
      count(*) FILTER (WHERE t.status = 'DONE')::int AS done, count(*) FILTER (WHERE t."onTime")::int AS "onTime"
    FROM "ReminderTask" t JOIN "Organization" o ON o.id = t."orgId"
    WHERE o.path LIKE ANY(${p}::text[]) AND t."dueDate" BETWEEN ${from}::date AND LEAST(${to}::date, CURRENT_DATE)
    GROUP BY 1 ORDER BY 1`;
}

type ParetoRow = {
  criterionId: string;
  code: string;
  title: string;
  points: number;
  units: number;
  articleIds: string[];
};

/**
 * Points lost per criterion across audits, most first (Pareto), with how many units lost them. Over years it reads
 * the rollup the scores keep ("DeductionRollup", one row per criterion, unit and year); one quarter is a sixteenth of
 * four years and reads the scores themselves. An integration test proves the two agree.
 */
export async function paretoFor(user: Subject, f: InsightFilter & { quarter?: string }, client: Db = db) {
  if (f.quarter) return paretoRaw(user, f, client);
  const p = await prefixes(client, user, f);
  return client.$queryRaw<ParetoRow[]>`
    WITH lost AS (
      SELECT c.key, sum(r.points) AS points, count(DISTINCT r."orgId")::int AS units
      FROM "DeductionRollup" r JOIN "Organization" o ON o.id = r."orgId" JOIN "ScoringCriterion" c ON c.id = r."criterionId"
      WHERE o.path LIKE ANY(${p}::text[]) AND r.year BETWEEN ${f.from} AND ${f.to}
      GROUP BY 1 ORDER BY points DESC LIMIT 30)
    ${named}`;
}

/** The same Pareto from the scores (a quarter's, and the rollup's reference). */
export async function paretoRaw(user: Subject, f: InsightFilter & { quarter?: string }, client: Db = db) {
  const p = await prefixes(client, user, f);
  // Aggregate by criterion first, then name only the 30 that lost most (the join is per row otherwise).
  return client.$queryRaw<ParetoRow[]>`
    WITH lost AS (
      SELECT c.key, sum(s.deduction) AS points, count(DISTINCT a."orgId")::int AS units
      FROM "AuditScore" s JOIN "Audit" a ON a.id = s."auditId" JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId"
        JOIN "ScoringCriterion" c ON c.id = s."criterionId"
      WHERE s.deduction > 0 AND o.path LIKE ANY(${p}::text[]) AND substr(p."periodKey", 1, 4)::int BETWEEN ${f.from} AND ${f.to}
        AND (${f.quarter ?? null}::text IS NULL OR p."periodKey" = ${f.quarter ?? null})
      GROUP BY 1 ORDER BY points DESC LIMIT 30)
    ${named}`;
}

/**
 * The 30 criteria that lost most, named, with the articles behind them. A criterion is counted by its key, which it
 * keeps from one handbook version to the next: a 2025 quarter scored by the 2025 standard and a 2026 one by the
 * 2026 standard add up under one line, named as the newest version in force names it.
 */
const named = Prisma.sql`SELECT c.id::text AS "criterionId", c.code, c.title, round(l.points::numeric, 1)::float8 AS points, l.units,
      COALESCE((SELECT array_agg(ca."articleId"::text) FROM "CriterionArticle" ca WHERE ca."criterionId" = c.id), '{}') AS "articleIds"
    FROM lost l CROSS JOIN LATERAL (
      SELECT c.id, c.code, c.title FROM "ScoringCriterion" c JOIN "ScoringCategory" k ON k.id = c."categoryId"
        JOIN "ScoringStandard" st ON st.id = k."standardId" JOIN "HandbookVersion" v ON v.id = st."versionId"
      WHERE c.key = l.key AND v.status IN ('PUBLISHED', 'SUPERSEDED')
      ORDER BY (v.status = 'PUBLISHED') DESC, v."effectiveDate" DESC NULLS LAST LIMIT 1) c
    ORDER BY l.points DESC`;

/** Rectification items by the quarter of their audit and state. */
export async function rectificationClosure(user: Subject, f: InsightFilter, client: Db = db) {
  const p = await prefixes(client, user, f);
  return client.$queryRaw<{ quarter: string; status: string; n: number }[]>`
    SELECT p."periodKey" AS quarter, r.status::text AS status, count(*)::int AS n
    FROM "RectificationItem" r JOIN "Audit" a ON a.id = r."auditId" JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = r."orgId"
    WHERE o.path LIKE ANY(${p}::text[]) AND substr(p."periodKey", 1, 4)::int BETWEEN ${f.from} AND ${f.to}
    GROUP BY 1, 2 ORDER BY 1, 2`;
}
