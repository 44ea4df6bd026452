// npm run bench:audits — the committee's flagged-units query (self-check total above the audit total by
// more than the gap) across 5,000 organizations and 4 years of quarters (16 × 5,000 scored audits and
// submitted sheets), through the app (gapRowsFor) against the same question asked by one raw SQL statement.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { gapRowsFor } from '../lib/audits/queries/audits';
import { createPrismaClient } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { LARGE_ROOT_NAME, seedLarge } from '../prisma/seed-large';
import { benchDatabase } from '../scripts/lib/bench-db';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const QUARTERS = [2023, 2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));

const database = await benchDatabase();
const db = createPrismaClient(database.url);
const raw = new pg.Client({ connectionString: database.url });
try {
  console.log(`bench:audits on ${database.where}`);
  await applyMigrations(database.url);
  await raw.connect();
  let root = await db.organization.findFirst({ where: { name: LARGE_ROOT_NAME, parentId: null } });
  if (!root) {
    await seedLarge(database.url, true);
    root = await db.organization.findFirstOrThrow({ where: { name: LARGE_ROOT_NAME, parentId: null } });
  }
  const user = await db.user.findFirstOrThrow({ select: { id: true } });

  if (!(await db.auditPlan.findFirst({ where: { title: 'bench' } }))) {
    const version = await db.handbookVersion.create({
      data: { label: `bench-audits-${Date.now()}`, status: 'SUPERSEDED' },
    });
    const standard = await db.scoringStandard.create({ data: { versionId: version.id, title: 'bench' } });
    const t = performance.now();
    for (const q of QUARTERS) {
      const planId = randomUUID();
      await db.auditPlan.create({
        data: {
          id: planId,
          title: 'bench',
          kind: 'KEY_QUARTERLY',
          periodKey: q,
          orgPath: root.path,
          createdById: user.id,
        },
      });
      // Every unit audited and self-checked each quarter; about one in twelve self-scores far above its audit.
      await raw.query(
        `
        WITH units AS (SELECT id, row_number() OVER (ORDER BY path) AS n FROM "Organization" WHERE path LIKE $1 AND type IN ('BRANCH', 'GENERAL_BRANCH', 'PARTY_GROUP'))
        , a AS (INSERT INTO "Audit" (id, "planId", "orgId", "standardId", status, total, "scoredAt")
          SELECT gen_random_uuid(), $2, id, $3, 'SCORED', 70 + (n * 7919 % 30), now() FROM units RETURNING "orgId", total)
        INSERT INTO "SelfCheckSheet" (id, "orgId", "periodKey", "standardId", status, total, "createdById", "submittedAt", "updatedAt")
          SELECT gen_random_uuid(), a."orgId", $4, $3, 'SUBMITTED', LEAST(100, a.total + CASE WHEN random() < 0.08 THEN 15 ELSE 3 END), $5, now(), now() FROM a`,
        [`${root.path}%`, planId, standard.id, q, user.id],
      );
    }
    console.log(
      `synthetic audits and sheets for ${QUARTERS.length} quarters in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  const committee = { id: 'bench', grants: [{ role: 'COMMITTEE', orgId: root.id, orgPath: root.path }] };
  // The same rows the page shows, including each unit's back-fill flags of the year.
  const RAW = `SELECT a.id, o.name, p."periodKey", a.total, s.total AS self, s.total - a.total AS gap,
      (SELECT count(*) FROM "ReminderTask" t WHERE t."orgId" = o.id AND t."backfillFlag" IS NOT NULL AND t."periodKey" LIKE substr(p."periodKey", 1, 4) || '%') AS backfill
    FROM "Audit" a JOIN "AuditPlan" p ON p.id = a."planId" JOIN "Organization" o ON o.id = a."orgId"
    JOIN "SelfCheckSheet" s ON s."orgId" = a."orgId" AND s."periodKey" = p."periodKey" AND s.status = 'SUBMITTED' AND s."supersededAt" IS NULL
    WHERE a.status = 'SCORED' AND o.path LIKE $1 AND s.total - a.total > 10 ORDER BY gap DESC LIMIT 500`;
  await raw.query('ANALYZE');
  const counts = await raw.query(
    `SELECT (SELECT count(*) FROM "Audit") AS audits, (SELECT count(*) FROM "SelfCheckSheet") AS sheets`,
  );
  console.log(`audits ${counts.rows[0].audits}, sheets ${counts.rows[0].sheets}`);
  for (let i = 0; i < 3; i += 1) {
    await gapRowsFor(committee, { onlyFlagged: true, threshold: 10 });
    await raw.query(RAW, [`${root.path}%`]);
  }
  const a: number[] = [];
  const b: number[] = [];
  let n = 0;
  for (let i = 0; i < 15; i += 1) {
    let t = performance.now();
    n = (await gapRowsFor(committee, { onlyFlagged: true, threshold: 10 })).length;
    a.push(performance.now() - t);
    t = performance.now();
    await raw.query(RAW, [`${root.path}%`]);
    b.push(performance.now() - t);
  }
  console.log('\ncase                                   rows      app          raw SQL     ratio');
  console.log(
    `${'flagged units, 5,000 orgs × 16 quarters'.padEnd(38)} ${String(n).padStart(6)}   ${median(a).toFixed(1).padStart(8)} ms   ${median(b).toFixed(1).padStart(8)} ms   ${(median(a) / median(b)).toFixed(2)}×`,
  );
} finally {
  await raw.end().catch(() => {});
  await db.$disconnect();
  await database.stop();
}
