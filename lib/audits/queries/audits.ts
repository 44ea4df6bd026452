import 'server-only';
import { suggestionsFor, windowOf } from '../../ledger/pre-audit';
import { photoChecksOf, unitWithGroups } from '../../photos/queries';
import { auditScope } from '../rules';
import { db } from '../../db';
import { type Subject, can, canOnAudit, canOnPlan, scopeByPath, scopeOrgs, orgScope } from '../../policy';
import { samplesOfPlan } from './samples';
import type { TAuditFilter } from '../schema';
import type { Db } from '../../db/client';
import { ForbiddenError } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { cstDay, periodFromKey } from '../../calendar';
import { loadAudit } from './load';

/** Plans the user may see: within the committee's subtree, or those whose team they are on. */
function visiblePlans(user: Subject): Prisma.AuditPlanWhereInput {
  const or: Prisma.AuditPlanWhereInput[] = [];
  if (can(user, 'auditPlan.manage'))
    or.push(scopeByPath(user, 'auditPlan.manage') as Prisma.AuditPlanWhereInput);
  if (can(user, 'audit.score')) or.push({ members: { some: { userId: user.id } } });
  if (!or.length) throw new ForbiddenError();
  return { OR: or };
}

export async function auditListFor(user: Subject, f: TAuditFilter, client: Db = db) {
  const where: Prisma.AuditWhereInput = {
    plan: visiblePlans(user),
    ...(f.planId ? { planId: f.planId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.memberId ? { assignedIds: { has: f.memberId } } : {}),
  };
  const [audits, plans, members] = await Promise.all([
    client.audit.findMany({
      where,
      include: {
        org: { select: { name: true } },
        plan: { select: { id: true, title: true, kind: true, periodKey: true } },
      },
      orderBy: [{ plan: { createdAt: 'desc' } }, { org: { path: 'asc' } }],
      take: 300,
    }),
    client.auditPlan.findMany({
      where: visiblePlans(user),
      select: {
        id: true,
        title: true,
        kind: true,
        periodKey: true,
        closedAt: true,
        _count: { select: { audits: true } },
      },
      orderBy: { createdAt: 'desc' },
      take: 100,
    }),
    client.user.findMany({
      where: { auditTeams: { some: { plan: visiblePlans(user) } } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { audits, plans, members };
}

export async function planDetailFor(user: Subject, id: string, client: Db = db) {
  const plan = await client.auditPlan.findFirst({
    where: { id, ...visiblePlans(user) },
    include: {
      members: { include: { user: { select: { name: true } } } },
      audits: { include: { org: { select: { name: true } } }, orderBy: { org: { path: 'asc' } } },
    },
  });
  if (!plan) throw new ForbiddenError();
  const names = plan.drawSample.length
    ? new Map(
        (
          await client.organization.findMany({
            where: { id: { in: plan.drawSample } },
            select: { id: true, name: true },
          })
        ).map((o) => [o.id, o.name]),
      )
    : new Map<string, string>();
  const ref = {
    memberIds: plan.members.map((m) => m.userId),
    leaderIds: plan.members.filter((m) => m.leader).map((m) => m.userId),
    org: { id: plan.orgPath.split('/').filter(Boolean).at(-1)!, path: plan.orgPath },
  };
  return {
    plan,
    sampleNames: plan.drawSample.map((id) => names.get(id) ?? id),
    samples: await samplesOfPlan(client, plan.id),
    canDrawSample: !plan.closedAt && canOnPlan(user, 'sample.draw', ref),
  };
}

/** Everything the scoring page needs, including the unit's own self-check of that quarter. */
export async function auditDetailFor(user: Subject, id: string, client: Db = db) {
  const a = await loadAudit(client, id);
  if (!canOnAudit(user, 'audit.read', a.ref)) throw new ForbiddenError();
  const quarter = /^\d{4}$/.test(a.plan.periodKey) ? `${a.plan.periodKey}-Q4` : a.plan.periodKey;
  const q = periodFromKey(quarter)!;
  const { bonusCap } = await client.scoringStandard.findUniqueOrThrow({
    where: { id: a.standardId },
    select: { bonusCap: true },
  });
  const [categories, scores, notes, findings, evidence, tasks, sheet] = await Promise.all([
    client.scoringCategory.findMany({
      where: { standardId: a.standardId },
      include: { criteria: { orderBy: { sortOrder: 'asc' } } },
      orderBy: { sortOrder: 'asc' },
    }),
    client.auditScore.findMany({ where: { auditId: id } }),
    client.auditNote.findMany({ where: { auditId: id } }),
    client.finding.findMany({ where: { auditId: id }, orderBy: { createdAt: 'asc' } }),
    client.auditEvidence.findMany({
      where: { auditId: id },
      select: { id: true, fileName: true, criterionId: true },
      orderBy: { createdAt: 'asc' },
    }),
    client.reminderTask.findMany({
      where: {
        orgId: a.orgId,
        status: 'DONE',
        periodEnd: { lte: new Date(`${q.end}T00:00:00Z`) },
        periodStart: { gte: new Date(`${q.start.slice(0, 4)}-01-01T00:00:00Z`) },
      },
      select: { id: true, periodKey: true, action: { select: { title: true, articleId: true } } },
      orderBy: { periodStart: 'desc' },
      take: 300,
    }),
    client.selfCheckSheet.findFirst({
      where: { orgId: a.orgId, periodKey: quarter, status: 'SUBMITTED', supersededAt: null },
      include: { items: true },
    }),
  ]);
  // The computed criteria as the unit's records give them today (what the auditor confirms or overrides).
  const suggestions = await suggestionsFor(client, {
    standardId: a.standardId,
    orgId: a.orgId,
    periodKey: a.plan.periodKey,
    scope: auditScope(a.plan),
    today: cstDay(new Date()),
  });
  const w = windowOf(a.plan.periodKey);
  const [links, focus, depts, feedback, photos] = await Promise.all([
    client.criterionArticle.findMany({
      where: { criterion: { category: { standardId: a.standardId } } },
      select: { criterionId: true, articleId: true },
    }),
    // The unit's rectifications not yet accepted, from earlier audits: this audit's focus.
    client.rectificationItem.findMany({
      where: { orgId: a.orgId, status: { not: 'ACCEPTED' }, auditId: { not: a.id } },
      select: { id: true, criterionId: true, problem: true, status: true },
    }),
    a.status === 'SCORED' ? departments(client) : [],
    client.feedbackSheet.findUnique({ where: { auditId: a.id }, select: { id: true, number: true } }),
    // The unit's photos of the audited period, checked against their records (lib/photos/rules.ts).
    photoChecksOf(
      client,
      { orgIds: await unitWithGroups(client, a.orgId), from: w.start, to: w.end, flaggedOnly: true },
      user,
    ),
  ]);
  return {
    audit: a,
    photos,
    window: w,
    quarter,
    categories,
    bonusCap,
    suggestions: Object.fromEntries(suggestions),
    scope: auditScope(a.plan),
    scores,
    notes,
    findings,
    evidence,
    tasks,
    sheet,
    links,
    focus,
    departments: depts,
    feedback,
    canScore: canOnAudit(user, 'audit.score', a.ref),
    canIssue: a.status === 'SCORED' && canOnAudit(user, 'feedback.issue', a.ref),
  };
}

/** For the plan form: people holding the auditor role, and the units a draw may start from. */
export async function planFormOptionsFor(user: Subject, client: Db = db) {
  if (!can(user, 'auditPlan.manage')) throw new ForbiddenError();
  const [auditors, orgs] = await Promise.all([
    client.user.findMany({
      where: { active: true, roles: { some: { role: 'AUDITOR' } } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    client.organization.findMany({
      where: {
        ...scopeOrgs(user, 'auditPlan.manage'),
        status: 'ACTIVE',
        type: { in: ['COMMITTEE', 'GENERAL_BRANCH'] },
      },
      select: { id: true, name: true, depth: true, path: true },
      orderBy: { path: 'asc' },
    }),
  ]);
  return { auditors, orgs };
}

/** For issuing feedback: the functional departments difficulties can go to. */
export function departments(client: Db = db) {
  return client.organization.findMany({
    where: { type: 'DEPARTMENT', status: 'ACTIVE' },
    select: { id: true, name: true },
    orderBy: { sortOrder: 'asc' },
  });
}

export const DEFAULT_GAP = 10;

export async function gapThresholdNow(client: Db = db): Promise<number> {
  const s = await client.setting.findUnique({ where: { key: 'audits.gap' } });
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
export async function gapRowsFor(
  user: Subject,
  opts: { onlyFlagged?: boolean; threshold?: number } = {},
  client: Db = db,
): Promise<GapRow[]> {
  if (!can(user, 'auditPlan.manage')) throw new ForbiddenError();
  const scope = orgScope(user, 'auditPlan.manage');
  const prefixes = scope.all ? ['/'] : scope.pathPrefixes;
  const threshold = opts.threshold ?? (await gapThresholdNow(client));
  const rows = await client.$queryRaw<Omit<GapRow, 'flagged'>[]>`
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
