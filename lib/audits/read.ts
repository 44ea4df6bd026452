// Reads of plans and audits: the committee by its subtree, auditors by their teams (lib/policy.ts).
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { can, canOnAudit, scopeByPath, scopeOrgs, type Subject } from '../policy';
import { periodFromKey } from '../calendar';
import { loadAudit } from './load';
import type { TAuditFilter } from './schema';

/** Plans the user may see: within the committee's subtree, or those whose team they are on. */
function visiblePlans(user: Subject): Prisma.AuditPlanWhereInput {
  const or: Prisma.AuditPlanWhereInput[] = [];
  if (can(user, 'auditPlan.manage'))
    or.push(scopeByPath(user, 'auditPlan.manage') as Prisma.AuditPlanWhereInput);
  if (can(user, 'audit.score')) or.push({ members: { some: { userId: user.id } } });
  if (!or.length) throw new ForbiddenError();
  return { OR: or };
}

export async function auditList(db: Db, user: Subject, f: TAuditFilter) {
  const where: Prisma.AuditWhereInput = {
    plan: visiblePlans(user),
    ...(f.planId ? { planId: f.planId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.memberId ? { assignedIds: { has: f.memberId } } : {}),
  };
  const [audits, plans, members] = await Promise.all([
    db.audit.findMany({
      where,
      include: {
        org: { select: { name: true } },
        plan: { select: { id: true, title: true, kind: true, periodKey: true } },
      },
      orderBy: [{ plan: { createdAt: 'desc' } }, { org: { path: 'asc' } }],
      take: 300,
    }),
    db.auditPlan.findMany({
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
    db.user.findMany({
      where: { auditTeams: { some: { plan: visiblePlans(user) } } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { audits, plans, members };
}

export async function planDetail(db: Db, user: Subject, id: string) {
  const plan = await db.auditPlan.findFirst({
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
          await db.organization.findMany({
            where: { id: { in: plan.drawSample } },
            select: { id: true, name: true },
          })
        ).map((o) => [o.id, o.name]),
      )
    : new Map<string, string>();
  return { plan, sampleNames: plan.drawSample.map((id) => names.get(id) ?? id) };
}

/** Everything the scoring page needs, including the unit's own self-check of that quarter. */
export async function auditDetail(db: Db, user: Subject, id: string) {
  const a = await loadAudit(db, id);
  if (!canOnAudit(user, 'audit.read', a.ref)) throw new ForbiddenError();
  const quarter = /^\d{4}$/.test(a.plan.periodKey) ? `${a.plan.periodKey}-Q4` : a.plan.periodKey;
  const q = periodFromKey(quarter)!;
  const [categories, scores, notes, findings, evidence, tasks, sheet] = await Promise.all([
    db.scoringCategory.findMany({
      where: { standardId: a.standardId },
      include: { criteria: { orderBy: { sortOrder: 'asc' } } },
      orderBy: { sortOrder: 'asc' },
    }),
    db.auditScore.findMany({ where: { auditId: id } }),
    db.auditNote.findMany({ where: { auditId: id } }),
    db.finding.findMany({ where: { auditId: id }, orderBy: { createdAt: 'asc' } }),
    db.auditEvidence.findMany({
      where: { auditId: id },
      select: { id: true, fileName: true, criterionId: true },
      orderBy: { createdAt: 'asc' },
    }),
    db.reminderTask.findMany({
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
    db.selfCheckSheet.findFirst({
      where: { orgId: a.orgId, periodKey: quarter, status: 'SUBMITTED', supersededAt: null },
      include: { items: true },
    }),
  ]);
  const [links, focus, depts, feedback] = await Promise.all([
    db.criterionArticle.findMany({
      where: { criterion: { category: { standardId: a.standardId } } },
      select: { criterionId: true, articleId: true },
    }),
    // The unit's rectifications not yet accepted, from earlier audits: this audit's focus.
    db.rectificationItem.findMany({
      where: { orgId: a.orgId, status: { not: 'ACCEPTED' }, auditId: { not: a.id } },
      select: { id: true, criterionId: true, problem: true, status: true },
    }),
    a.status === 'SCORED' ? departments(db) : [],
    db.feedbackSheet.findUnique({ where: { auditId: a.id }, select: { id: true, number: true } }),
  ]);
  return {
    audit: a,
    quarter,
    categories,
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
export async function planFormOptions(db: Db, user: Subject) {
  if (!can(user, 'auditPlan.manage')) throw new ForbiddenError();
  const [auditors, orgs] = await Promise.all([
    db.user.findMany({
      where: { active: true, roles: { some: { role: 'AUDITOR' } } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.organization.findMany({
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
export function departments(db: Db) {
  return db.organization.findMany({
    where: { type: 'DEPARTMENT', status: 'ACTIVE' },
    select: { id: true, name: true },
    orderBy: { sortOrder: 'asc' },
  });
}
