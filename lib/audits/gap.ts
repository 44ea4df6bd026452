/**
 * Self versus audit (DESIGN §4): a unit whose self-check total for a quarter exceeds its audit total
 * by more than the gap (Setting "audits.gap", default 10 points) is flagged — how faked ledgers
 * (造假帐/写作业) show up — with its back-fill flags of that quarter beside it.
 */
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import { can, orgScope, type Subject } from '../policy';

export const DEFAULT_GAP = 10;

export async function gapThreshold(db: Db): Promise<number> {
  const s = await db.setting.findUnique({ where: { key: 'audits.gap' } });
  const v = (s?.value as { points?: unknown } | null)?.points;
  return typeof v === 'number' && v >= 0 ? v : DEFAULT_GAP;
}

export type GapRow = {
  auditId: string;
  orgId: string;
  orgName: string;
  quarter: string;
  auditTotal: number;
  selfTotal: number;
  gap: number;
  flagged: boolean;
  backfill: number;
};

/** Every scored audit in the subtree with a submitted self-check for its quarter; flagged ones first. */
export async function gapRows(
  db: Db,
  user: Subject,
  opts: { onlyFlagged?: boolean; threshold?: number } = {},
): Promise<GapRow[]> {
  if (!can(user, 'auditPlan.manage')) throw new ForbiddenError();
  const scope = orgScope(user, 'auditPlan.manage');
  const prefixes = scope.all ? ['/'] : scope.pathPrefixes;
  const threshold = opts.threshold ?? (await gapThreshold(db));
  const rows = await db.$queryRaw<Omit<GapRow, 'flagged'>[]>`
    SELECT a.id::text AS "auditId", o.id::text AS "orgId", o.name AS "orgName", q.quarter, a.total AS "auditTotal", s.total AS "selfTotal",
      round((s.total - a.total)::numeric, 1)::float8 AS gap,
      (SELECT count(*)::int FROM "ReminderTask" t WHERE t."orgId" = o.id AND t."backfillFlag" IS NOT NULL AND t."periodKey" LIKE substr(q.quarter, 1, 4) || '%') AS backfill
    FROM "Audit" a
    JOIN "AuditPlan" p ON p.id = a."planId"
    JOIN "Organization" o ON o.id = a."orgId"
    CROSS JOIN LATERAL (SELECT CASE WHEN p."periodKey" ~ '^\\d{4}$' THEN p."periodKey" || '-Q4' ELSE p."periodKey" END AS quarter) q
    JOIN "SelfCheckSheet" s ON s."orgId" = a."orgId" AND s."periodKey" = q.quarter AND s.status = 'SUBMITTED' AND s."supersededAt" IS NULL
    WHERE a.status IN ('SCORED', 'FEEDBACK_ISSUED') AND a.total IS NOT NULL AND o.path LIKE ANY(${prefixes.map((p) => `${p}%`)}::text[])
      AND (${!opts.onlyFlagged} OR s.total - a.total > ${threshold})
    ORDER BY (s.total - a.total) DESC, q.quarter DESC
    LIMIT 500`;
  return rows.map((r) => ({ ...r, flagged: r.gap > threshold }));
}
