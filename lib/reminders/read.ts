// Reads of reminders, taking the client so benchmarks and tests can call them outside Next.
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import { can, scopeOrgs, type Subject } from '../policy';
import { PERIODIC } from './generate';
import { addDays, cstDay, periodOf } from '../calendar';

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
export async function reminderTable(db: Db, user: Subject, now = new Date()) {
  if (!can(user, 'reminder.complete')) throw new ForbiddenError();
  const today = cstDay(now);
  const current = PERIODIC.map((f) => periodOf(f, today).key);
  const tasks = await db.reminderTask.findMany({
    where: {
      org: scopeOrgs(user, 'reminder.complete'),
      OR: [
        { periodKey: { in: current } },
        { status: 'OPEN', dueDate: { lt: new Date(`${today}T00:00:00Z`) } },
      ],
    },
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
    orderBy: [{ dueDate: 'asc' }, { action: { code: 'asc' } }],
    take: 500,
  });
  return { today, current, tasks: tasks.map((t) => ({ ...t, state: taskState(t, today) })) };
}

/** Across the committee's subtree: tasks of each current period by state. */
export async function reminderSummary(db: Db, user: Subject, now = new Date()) {
  if (!can(user, 'reminder.supervise')) throw new ForbiddenError();
  const today = cstDay(now);
  const todayDate = new Date(`${today}T00:00:00Z`);
  const keys = PERIODIC.map((f) => periodOf(f, today).key);
  const where = { org: scopeOrgs(user, 'reminder.supervise'), periodKey: { in: keys } };
  const [done, overdue, total] = await Promise.all([
    db.reminderTask.groupBy({
      by: ['periodKey'],
      where: { ...where, status: 'DONE' },
      _count: { _all: true },
    }),
    db.reminderTask.groupBy({
      by: ['periodKey'],
      where: { ...where, status: 'OPEN', dueDate: { lt: todayDate } },
      _count: { _all: true },
    }),
    db.reminderTask.groupBy({ by: ['periodKey'], where, _count: { _all: true } }),
  ]);
  const n = (rows: { periodKey: string; _count: { _all: number } }[], k: string) =>
    rows.find((r) => r.periodKey === k)?._count._all ?? 0;
  return PERIODIC.map((f, i) => ({
    frequency: f,
    periodKey: keys[i]!,
    total: n(total, keys[i]!),
    done: n(done, keys[i]!),
    overdue: n(overdue, keys[i]!),
  }));
}
