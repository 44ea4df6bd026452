// The committee's supervision list (督办) and the branch's view of its ratings and returns.
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { can, scopeOrgs, type Subject } from '../policy';
import { cstDay } from '../calendar';
import { taskState } from './read';
import type { TSupervisionFilter } from './schema';

export const SUPERVISION_PAGE = 50;

export async function supervisionList(db: Db, user: Subject, f: TSupervisionFilter, now = new Date()) {
  if (!can(user, 'reminder.supervise')) throw new ForbiddenError();
  const today = cstDay(now);
  const todayDate = new Date(`${today}T00:00:00Z`);
  const chosen = f.orgId
    ? await db.organization.findUnique({ where: { id: f.orgId }, select: { path: true } })
    : null;
  const where: Prisma.ReminderTaskWhereInput = {
    AND: [
      { org: scopeOrgs(user, 'reminder.supervise') },
      chosen ? { org: { path: { startsWith: chosen.path } } } : {},
      f.periodKey ? { periodKey: f.periodKey } : {},
      f.article ? { action: { article: { number: f.article } } } : {},
      {
        overdue: { status: 'OPEN' as const, dueDate: { lt: todayDate } },
        open: { status: 'OPEN' as const },
        done: { status: 'DONE' as const },
        returned: { returnCount: { gt: 0 } },
        flagged: { backfillFlag: { not: null } },
      }[f.status],
    ],
  };
  const [total, tasks] = await Promise.all([
    db.reminderTask.count({ where }),
    db.reminderTask.findMany({
      where,
      include: {
        org: { select: { id: true, name: true } },
        evidence: { select: { id: true, fileName: true } },
        reviews: {
          select: { kind: true, quality: true, comment: true, createdAt: true },
          orderBy: { createdAt: 'desc' },
          take: 1,
        },
        action: {
          select: { title: true, frequency: true, article: { select: { number: true, title: true } } },
        },
      },
      orderBy: [{ dueDate: 'asc' }, { org: { path: 'asc' } }],
      skip: (f.page - 1) * SUPERVISION_PAGE,
      take: SUPERVISION_PAGE,
    }),
  ]);
  return { today, total, tasks: tasks.map((t) => ({ ...t, state: taskState(t, today) })) };
}

/** Units the supervisor may pick in the filter (active and archived, in tree order). */
export function supervisableOrgs(db: Db, user: Subject) {
  return db.organization.findMany({
    where: { ...scopeOrgs(user, 'reminder.supervise'), type: { notIn: ['PARTY_GROUP', 'DEPARTMENT'] } },
    select: { id: true, name: true, depth: true },
    orderBy: { path: 'asc' },
    take: 1000,
  });
}

/** Notices sent to the units the user completes reminders for, newest first. */
export function noticesFor(db: Db, user: Subject) {
  if (!can(user, 'reminder.complete')) throw new ForbiddenError();
  return db.supervisionNotice.findMany({
    where: { org: scopeOrgs(user, 'reminder.complete') },
    include: { sentBy: { select: { name: true } }, org: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
    take: 10,
  });
}

/** Ratings and returns of the branch's tasks, newest first. */
export function reviewsFor(db: Db, user: Subject) {
  if (!can(user, 'reminder.complete')) throw new ForbiddenError();
  return db.taskReview.findMany({
    where: { task: { org: scopeOrgs(user, 'reminder.complete') } },
    include: {
      reviewer: { select: { name: true } },
      task: { select: { periodKey: true, status: true, action: { select: { title: true } } } },
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
  });
}
