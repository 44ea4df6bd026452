// npm run bench:improve — annual results for 5,000 units (the app's computation: one statement for
// the raw inputs + the arithmetic) against the same inputs by raw SQL; and the insights queries for
// the root over 4 years against their raw SQL, with p95. Sets up the 5,000 units and 4 years of audits itself
// when the bench database does not have them yet (as bench:audits does).
import { randomUUID } from 'node:crypto';
import { ANNUAL_INPUTS_SQL, annualInputParams, rawInputs, resultsOf } from '../lib/annual/mutations';
import { DEFAULT_WEIGHTS } from '../lib/annual/rules';
import {
  completionByMonth,
  paretoFor,
  paretoRaw,
  rectificationClosure,
  scoreDistribution,
  unitScores,
} from '../lib/insights/queries';
import { ensureAuditHistory } from './lib/audit-history';
import { openBench, pct, sampleInTurn } from './lib/bench';

const { database, db, raw, close } = await openBench('improve');
try {
  // What bench:audits makes, made here too when this bench runs first on a fresh database.
  const { root } = await ensureAuditHistory(db, raw, database.url);
  // Synthetic history the insights read: scores on 5 criteria for every bench audit, one monthly task per
  // branch 2023-01…2026-10 (done, mostly on time), and a rectification item for one audit in ten.
  if (!(await raw.query(`SELECT 1 FROM "ScoringCategory" WHERE code = 'BENCH'`)).rowCount) {
    const t = performance.now();
    const std = (
      await raw.query(
        `SELECT "standardId" FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId" WHERE p.title = 'bench' LIMIT 1`,
      )
    ).rows[0].standardId;
    const cat = (
      await raw.query(
        `INSERT INTO "ScoringCategory" (id, "standardId", code, title) VALUES (gen_random_uuid(), $1, 'BENCH', 'bench') RETURNING id`,
        [std],
      )
    ).rows[0].id;
    await raw.query(
      `INSERT INTO "ScoringCriterion" (id, "categoryId", key, code, title, "maxPoints", "unitDeduction", "deductionRule") SELECT gen_random_uuid(), $1, gen_random_uuid(), 'B' || g, '考核内容' || g, 20, 2, '每次扣2分' FROM generate_series(1, 5) g`,
      [cat],
    );
    await raw.query(
      `INSERT INTO "AuditScore" (id, "auditId", "criterionId", count, deduction, "updatedById", "updatedAt")
      SELECT gen_random_uuid(), a.id, c.id, n, n * 2, $2, now() FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId" AND p.title = 'bench'
      CROSS JOIN "ScoringCriterion" c CROSS JOIN LATERAL (SELECT (floor(random() * 3))::int AS n) r WHERE c."categoryId" = $1`,
      [cat, (await db.user.findFirstOrThrow()).id],
    );
    // One monthly prescribed action to hang the tasks on (bench:reminders' handbook when it ran first).
    const action =
      (await db.prescribedAction.findFirst({ select: { id: true, key: true } })) ??
      (await (async () => {
        const v = await db.handbookVersion.create({ data: { label: 'bench-improve', status: 'SUPERSEDED' } });
        const part = await db.handbookPart.create({ data: { versionId: v.id, number: 1, title: 'bench' } });
        const article = await db.article.create({
          data: { versionId: v.id, partId: part.id, key: randomUUID(), number: 1, title: 'bench' },
        });
        return db.prescribedAction.create({
          data: {
            versionId: v.id,
            articleId: article.id,
            key: randomUUID(),
            code: 'B-1',
            title: '按月收缴党费',
            frequency: 'MONTH',
            dueRule: { kind: 'DAYS_BEFORE_PERIOD_END', n: 5 },
            responsibleRole: 'SECRETARY',
            orgTypes: ['BRANCH'],
          },
          select: { id: true, key: true },
        });
      })());
    await raw.query(
      `INSERT INTO "ReminderTask" (id, "actionKey", "actionId", "orgId", "periodKey", "periodStart", "periodEnd", "dueDate", status, "onTime", "completedAt")
      SELECT gen_random_uuid(), $1, $2, o.id, 'X' || to_char(m, 'YYYY-MM'), m, m + interval '27 days', m + interval '20 days',
        (CASE WHEN random() < 0.9 THEN 'DONE' ELSE 'OPEN' END)::"ReminderStatus", random() < 0.8, now()
      FROM "Organization" o CROSS JOIN generate_series('2023-01-01'::date, '2026-10-01'::date, interval '1 month') m
      WHERE o.path LIKE $3 AND o.type = 'BRANCH' ON CONFLICT DO NOTHING`,
      [action.key, action.id, `${root.path}%`],
    );
    console.log(`synthetic scores and tasks in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const committee = { id: 'bench', grants: [{ role: 'COMMITTEE', orgId: root.id, orgPath: root.path }] };
  const like = `${root.path}%`;
  const f = { from: 2023, to: 2026 };
  const cases: [string, () => Promise<unknown>, string, unknown[]][] = [
    [
      'annual results, 5,000 units (inputs + arithmetic)',
      async () => resultsOf(await rawInputs(db, committee, 2026), DEFAULT_WEIGHTS),
      ANNUAL_INPUTS_SQL,
      annualInputParams(2026, [like]),
    ],
    [
      'insights: score distribution, 4 years',
      () => scoreDistribution(committee, f),
      `SELECT p."periodKey", width_bucket(a.total, 60, 100, 4), count(*) FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId" WHERE a.total IS NOT NULL AND o.path LIKE $1 GROUP BY 1, 2`,
      [like],
    ],
    [
      'insights: unit scores by quarter',
      () => unitScores(committee, f),
      `SELECT o.name, p."periodKey", avg(a.total) FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId" WHERE a.total IS NOT NULL AND o.path LIKE $1 GROUP BY 1, 2`,
      [like],
    ],
    [
      'insights: completion by month',
      () => completionByMonth(committee, f),
      `SELECT to_char(t."dueDate", 'YYYY-MM'), count(*), count(*) FILTER (WHERE t.status = 'DONE'), count(*) FILTER (WHERE t."onTime") FROM "ReminderTask" t JOIN "Organization" o ON o.id = t."orgId" WHERE o.path LIKE $1 AND t."dueDate" BETWEEN '2023-01-01' AND CURRENT_DATE GROUP BY 1`,
      [like],
    ],
    [
      'insights: deduction Pareto (rollup)',
      () => paretoFor(committee, f),
      `SELECT s."criterionId", sum(s.deduction), count(DISTINCT a."orgId") FROM "AuditScore" s JOIN "Audit" a ON a.id = s."auditId" JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId" WHERE s.deduction > 0 AND o.path LIKE $1 AND substr(p."periodKey", 1, 4)::int BETWEEN 2023 AND 2026 GROUP BY 1 ORDER BY 2 DESC LIMIT 30`,
      [like],
    ],
    [
      'insights: deduction Pareto from the scores',
      () => paretoRaw(committee, f),
      `SELECT s."criterionId", sum(s.deduction), count(DISTINCT a."orgId") FROM "AuditScore" s JOIN "Audit" a ON a.id = s."auditId" JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId" WHERE s.deduction > 0 AND o.path LIKE $1 AND substr(p."periodKey", 1, 4)::int BETWEEN 2023 AND 2026 GROUP BY 1 ORDER BY 2 DESC LIMIT 30`,
      [like],
    ],
    [
      'insights: rectification closure',
      () => rectificationClosure(committee, f),
      `SELECT p."periodKey", r.status, count(*) FROM "RectificationItem" r JOIN "Audit" a ON a.id = r."auditId" JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = r."orgId" WHERE o.path LIKE $1 GROUP BY 1, 2`,
      [like],
    ],
  ];
  await raw.query('ANALYZE');
  console.log(
    '\ncase                                              app median   app p95    raw median   ratio',
  );
  for (const [label, app, sql, params] of cases) {
    const [a, b] = await sampleInTurn(2, 11, [app, () => raw.query(sql, params)]);
    console.log(
      `${label.padEnd(48)} ${pct(a, 0.5).toFixed(1).padStart(8)} ms ${pct(a, 0.95).toFixed(1).padStart(8)} ms ${pct(b, 0.5).toFixed(1).padStart(8)} ms   ${(pct(a, 0.5) / pct(b, 0.5)).toFixed(2)}×`,
    );
  }
} finally {
  await close();
}
