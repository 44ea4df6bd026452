import 'server-only';
import { db } from '../db';
import { type Subject, can, canReadLedger, scopeOrgs } from '../policy';
import type { TSupervisionFilter } from './schema';
import type { Db } from '../db/client';
import { ForbiddenError, NotFoundError } from '../errors';
import { addDays, cstDay, periodOf } from '../calendar';
import type { Prisma } from '../generated/prisma/client';
import { PERIODIC } from '../calendar';
import { scopeOrgsSql } from '../policy-sql';
import { unitChoices } from '../orgs/queries/choices';

export type TaskState = 'done' | 'overdue' | 'dueSoon' | 'open';

export function taskState(t: { status: string; dueDate: Date }, today: string): TaskState {
  if (t.status === 'DONE') return 'done';
  const due = t.dueDate.toISOString().slice(0, 10);
  if (due < today) return 'overdue';
  return due <= addDays(today, 3) ? 'dueSoon' : 'open';
}

/**
 * The 工作提醒表 of the units where the user completes reminders: this day's, week's, month's,
 * quarter's, half-year's and year's tasks, plus anything still open from earlier periods.
 */
export async function reminderTableFor(user: Subject, now = new Date(), client: Db = db) {
  if (!can(user, 'reminder.complete')) throw new ForbiddenError();
  const today = cstDay(now);
  const current = PERIODIC.map((f) => periodOf(f, today).key);
  const tasks = await client.reminderTask.findMany({
    where: tableWhere(user, today, current),
    include: {
      org: { select: { id: true, name: true } },
      evidence: { select: { id: true, fileName: true }, orderBy: { createdAt: 'asc' } },
      reviews: {
        select: { kind: true, quality: true, comment: true, createdAt: true },
        orderBy: { createdAt: 'desc' },
        take: 1,
      },
      action: {
        select: {
          code: true,
          title: true,
          frequency: true,
          evidence: true,
          versionId: true,
          article: {
            select: { number: true, title: true, attachments: { select: { id: true, title: true } } },
          },
        },
      },
    },
    orderBy: TABLE_ORDER,
    take: 500,
  });
  return { today, current, tasks: tasks.map((t) => ({ ...t, state: taskState(t, today) })) };
}

const TABLE_ORDER = [
  { dueDate: 'asc' },
  { action: { code: 'asc' } },
] as const satisfies Prisma.ReminderTaskOrderByWithRelationInput[];

/** The 工作提醒表's tasks: this day's … year's, and whatever is still open from earlier or waits on an event. */
function tableWhere(user: Subject, today: string, current: string[]): Prisma.ReminderTaskWhereInput {
  return {
    org: scopeOrgs(user, 'reminder.complete'),
    OR: [
      { periodKey: { in: current } },
      { status: 'OPEN', dueDate: { lt: new Date(`${today}T00:00:00Z`) } },
      // Event tasks (a project started, a term ends, a 发展 step is due) stay listed until done.
      { status: 'OPEN', action: { frequency: 'EVENT' } },
    ],
  };
}

/**
 * The workbench's glance at the same tasks: each one's state, title, unit and due date, nothing of its article,
 * evidence or reviews (three queries instead of seven for a count and the few that are urgent).
 */
export async function reminderGlanceFor(user: Subject, now = new Date(), client: Db = db) {
  if (!can(user, 'reminder.complete')) throw new ForbiddenError();
  const today = cstDay(now);
  const tasks = await client.reminderTask.findMany({
    where: tableWhere(
      user,
      today,
      PERIODIC.map((f) => periodOf(f, today).key),
    ),
    select: {
      id: true,
      status: true,
      dueDate: true,
      eventNote: true,
      org: { select: { name: true } },
      action: { select: { title: true } },
    },
    orderBy: TABLE_ORDER,
    take: 500,
  });
  return tasks.map((t) => ({ ...t, state: taskState(t, today) }));
}

/** Across the committee's subtree: tasks of each current period by state (one pass over the period's tasks). */
export async function reminderSummaryFor(user: Subject, now = new Date(), client: Db = db) {
  if (!can(user, 'reminder.supervise')) throw new ForbiddenError();
  const today = cstDay(now);
  const keys = PERIODIC.map((f) => periodOf(f, today).key);
  const rows = await client.$queryRaw<{ periodKey: string; total: number; done: number; overdue: number }[]>`
    SELECT t."periodKey", count(*)::int AS total, count(*) FILTER (WHERE t.status = 'DONE')::int AS done,
           count(*) FILTER (WHERE t.status = 'OPEN' AND t."dueDate" < ${today}::date)::int AS overdue
    FROM "ReminderTask" t JOIN "Organization" o ON o.id = t."orgId"
    WHERE t."periodKey" = ANY(${keys}::text[]) AND ${scopeOrgsSql(user, 'reminder.supervise', 'o')}
    GROUP BY t."periodKey"`;
  const of = (k: string) => rows.find((r) => r.periodKey === k);
  return PERIODIC.map((f, i) => ({
    frequency: f,
    periodKey: keys[i]!,
    total: of(keys[i]!)?.total ?? 0,
    done: of(keys[i]!)?.done ?? 0,
    overdue: of(keys[i]!)?.overdue ?? 0,
  }));
}

export const SUPERVISION_PAGE = 50;

export async function supervisionListFor(
  user: Subject,
  f: TSupervisionFilter,
  now = new Date(),
  client: Db = db,
) {
  if (!can(user, 'reminder.supervise')) throw new ForbiddenError();
  const today = cstDay(now);
  const todayDate = new Date(`${today}T00:00:00Z`);
  const chosen = f.orgId
    ? await client.organization.findUnique({ where: { id: f.orgId }, select: { path: true } })
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
    client.reminderTask.count({ where }),
    client.reminderTask.findMany({
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

/** Units the supervisor may pick in the filter (active and archived, in tree order; at company scale the levels that
 * fit, with the chosen one, the others searched: lib/orgs/queries/choices). */
export function supervisableOrgsFor(user: Subject, chosen?: string, client: Db = db) {
  return unitChoices(user, 'supervised', chosen ? [chosen] : [], client);
}

/** Notices sent to the units the user completes reminders for, newest first. */
export function noticesForUser(user: Subject, client: Db = db) {
  if (!can(user, 'reminder.complete')) throw new ForbiddenError();
  return client.supervisionNotice.findMany({
    where: { org: scopeOrgs(user, 'reminder.complete') },
    include: { sentBy: { select: { name: true } }, org: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
    take: 10,
  });
}

/** Ratings and returns of the branch's tasks, newest first. */
export function reviewsForUser(user: Subject, client: Db = db) {
  if (!can(user, 'reminder.complete')) throw new ForbiddenError();
  return client.taskReview.findMany({
    where: { task: { org: scopeOrgs(user, 'reminder.complete') } },
    include: {
      reviewer: { select: { name: true } },
      task: { select: { periodKey: true, status: true, action: { select: { title: true } } } },
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
  });
}

/**
 * A task's evidence file, to the unit's own people and the supervisors of its subtree; to an audit team on the
 * unit only once the task is done (an open task's files — never completed, or returned for rework — are a draft).
 */
export async function evidenceFileFor(user: Subject, id: string, client: Db = db) {
  const f = await client.evidence.findUnique({
    where: { id },
    include: { task: { select: { status: true, org: { select: { id: true, path: true } } } } },
  });
  if (!f) throw new NotFoundError();
  const org = f.task.org;
  const done = f.task.status === 'DONE';
  if (
    !can(user, 'reminder.complete', org) &&
    !(await canReadLedger(client, user, 'reminder.supervise', org, done))
  )
    throw new ForbiddenError();
  return f;
}
