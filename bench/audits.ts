// npm run bench:audits — the committee's flagged-units query (self-check total above the audit total by
// more than the gap) across 5,000 organizations and 4 years of quarters (16 × 5,000 scored audits and
// submitted sheets), through the app (gapRowsFor) against the same question asked by one raw SQL statement.
import { gapRowsFor } from '../lib/audits/queries/audits';
import { ensureAuditHistory } from './lib/audit-history';
import { median, openBench, sampleInTurn } from './lib/bench';

const { database, db, raw, close } = await openBench('audits');
try {
  const { root } = await ensureAuditHistory(db, raw, database.url);
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
  const app = () => gapRowsFor(committee, { onlyFlagged: true, threshold: 10 });
  const [a, b] = await sampleInTurn(3, 15, [app, () => raw.query(RAW, [`${root.path}%`])]);
  const n = (await app()).length;
  console.log('\ncase                                   rows      app          raw SQL     ratio');
  console.log(
    `${'flagged units, 5,000 orgs × 16 quarters'.padEnd(38)} ${String(n).padStart(6)}   ${median(a).toFixed(1).padStart(8)} ms   ${median(b).toFixed(1).padStart(8)} ms   ${(median(a) / median(b)).toFixed(2)}×`,
  );
} finally {
  await close();
}
