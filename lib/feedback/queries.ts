import 'server-only';
import { db } from '../db';
import { type Subject, can, canOnAudit, companyRoot, scopeOrgs } from '../policy';
import { formalCommitteeName } from '../orgs/rules';
import { cstDay } from '../calendar';
import type { Db } from '../db/client';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Prisma } from '../generated/prisma/client';

function visibleAudits(user: Subject): Prisma.AuditWhereInput {
  const or: Prisma.AuditWhereInput[] = [];
  if (can(user, 'feedback.read')) or.push({ org: scopeOrgs(user, 'feedback.read') });
  if (can(user, 'auditPlan.manage')) or.push({ org: scopeOrgs(user, 'auditPlan.manage') });
  if (can(user, 'audit.score')) or.push({ plan: { members: { some: { userId: user.id } } } });
  return or.length ? { OR: or } : { id: { in: [] } };
}

export async function sheetListFor(user: Subject, client: Db = db) {
  return client.feedbackSheet.findMany({
    where: { audit: visibleAudits(user) },
    select: {
      id: true,
      number: true,
      total: true,
      grade: true,
      issuedAt: true,
      deadline: true,
      acknowledgedAt: true,
      audit: { select: { org: { select: { name: true } }, plan: { select: { title: true } } } },
    },
    orderBy: { issuedAt: 'desc' },
    take: 200,
  });
}

export async function sheetDetailFor(user: Subject, id: string, client: Db = db) {
  const sheet = await client.feedbackSheet.findUnique({
    where: { id },
    include: {
      items: {
        orderBy: { sortOrder: 'asc' },
        include: { rectification: { select: { id: true, status: true } } },
      },
      audit: {
        include: {
          org: { select: { id: true, name: true, path: true } },
          plan: { include: { members: { include: { user: { select: { name: true } } } } } },
        },
      },
    },
  });
  if (!sheet) throw new NotFoundError();
  const a = sheet.audit;
  const ref = { memberIds: a.plan.members.map((m) => m.userId), org: a.org };
  if (!can(user, 'feedback.read', a.org) && !canOnAudit(user, 'audit.read', ref)) throw new ForbiddenError();
  const [issuer, acknowledger, coordination, root] = await Promise.all([
    client.user.findUnique({ where: { id: sheet.issuedById }, select: { name: true } }),
    sheet.acknowledgedById
      ? client.user.findUnique({ where: { id: sheet.acknowledgedById }, select: { name: true } })
      : null,
    client.coordinationTask.findMany({
      where: { auditId: a.id },
      include: { department: { select: { name: true } } },
    }),
    companyRoot(client).then((r) => client.organization.findUniqueOrThrow({ where: { id: r.id } })),
  ]);
  return {
    sheet,
    // The issuing committee as a 党委 signs a document: 中共×××委员会.
    committee: formalCommitteeName(root.name),
    issuer: issuer?.name ?? '',
    acknowledger: acknowledger?.name ?? null,
    coordination,
    canAcknowledge: can(user, 'feedback.acknowledge', a.org) && !sheet.acknowledgedAt,
  };
}

export async function rectificationListFor(user: Subject, client: Db = db) {
  const items = await client.rectificationItem.findMany({
    where: {
      OR: [
        { org: can(user, 'feedback.read') ? scopeOrgs(user, 'feedback.read') : { id: { in: [] } } },
        ...(can(user, 'auditPlan.manage') ? [{ org: scopeOrgs(user, 'auditPlan.manage') }] : []),
        ...(can(user, 'audit.score')
          ? [{ feedbackItem: { sheet: { audit: { plan: { members: { some: { userId: user.id } } } } } } }]
          : []),
      ],
    },
    include: {
      org: { select: { id: true, name: true, path: true } },
      notes: { orderBy: { createdAt: 'asc' } },
      evidence: { select: { id: true, fileName: true } },
      feedbackItem: {
        select: {
          sheet: {
            select: {
              id: true,
              number: true,
              audit: { select: { plan: { select: { members: { select: { userId: true } } } } } },
            },
          },
        },
      },
    },
    orderBy: [{ status: 'asc' }, { deadline: 'asc' }],
    take: 300,
  });
  return items.map((i) => {
    const memberIds = i.feedbackItem.sheet.audit.plan.members.map((m) => m.userId);
    return {
      ...i,
      canAnswer: can(user, 'rectification.answer', i.org) && (i.status === 'OPEN' || i.status === 'RETURNED'),
      canVerify:
        canOnAudit(user, 'rectification.verify', { memberIds, org: i.org }) &&
        i.status === 'SUBMITTED' &&
        i.submittedById !== user.id,
    };
  });
}

export async function coordinationListFor(user: Subject, client: Db = db) {
  const or: Prisma.CoordinationTaskWhereInput[] = [];
  if (can(user, 'coordination.answer')) or.push({ department: scopeOrgs(user, 'coordination.answer') });
  if (can(user, 'feedback.read')) or.push({ unit: scopeOrgs(user, 'feedback.read') });
  if (!or.length) throw new ForbiddenError();
  const rows = await client.coordinationTask.findMany({
    where: { OR: or },
    include: {
      unit: { select: { id: true, name: true, path: true } },
      department: { select: { id: true, name: true, path: true } },
    },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
  });
  return rows.map((r) => ({
    ...r,
    canAnswer: can(user, 'coordination.answer', r.department) && r.status !== 'CLOSED',
    canClose: can(user, 'auditPlan.manage', r.unit) && r.status === 'ANSWERED',
  }));
}

/** Rectifications past their deadline and not accepted, in the user's scope (workbench, 督办). */
export function overdueRectificationsFor(
  user: Subject,
  permission: 'feedback.read' | 'reminder.supervise',
  today = cstDay(new Date()),
  client: Db = db,
) {
  return client.rectificationItem.findMany({
    where: {
      org: scopeOrgs(user, permission),
      status: { in: ['OPEN', 'RETURNED'] },
      deadline: { lt: new Date(`${today}T00:00:00Z`) },
    },
    select: { id: true, problem: true, deadline: true, status: true, org: { select: { name: true } } },
    orderBy: { deadline: 'asc' },
    take: 50,
  });
}
