// Shared by bench:audits and bench:improve: the seed:large company (5,000 units) and four years of synthetic
// audits and self-check sheets, made once per bench database, so each bench sets up what it needs.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Db } from '../../lib/db/client';
import { largeRoot } from './bench';

export const QUARTERS = [2023, 2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));

export async function ensureAuditHistory(db: Db, raw: pg.Client, url: string) {
  const root = await largeRoot(db, url);
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
  return { root, user };
}
