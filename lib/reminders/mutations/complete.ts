/**
 * Completing a reminder task: the date the work actually happened, a short note and evidence files
 * (checked by content, stored content-addressed). Recorded: who, when, on time or late. A done task
 * stays done: a second completion is refused.
 */
import type { z } from 'zod';
import type { ActionContext } from '../../action-context';
import { trace } from '../../audit-log';
import { addDays, cstDay } from '../../calendar';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { checkUploads, storeChecked, traceFiles } from '../../files/uploads';
import { factsOf, recordPhotoChecks } from '../../photos/record';
import { assertCan } from '../../policy';
import { backfillRule, flagBurst, isLag } from '../backfill';
import type { ZCompleteTask } from '../schema';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;

export type EvidenceUpload = { name: string; bytes: Buffer };

/**
 * The earliest day a completion may claim: a period's work is done in or after its period, or in the month before
 * it (元旦春节前走访慰问 in late December for the new year) — not years before (1900-01-01 was taken and rated on
 * time); an event's task may record work done up to a year before the task was raised (a 换届 request sent before
 * the reminder came).
 */
export function earliestActivity(periodStart: Date, frequency: string): string {
  const start = periodStart.toISOString().slice(0, 10);
  return addDays(start, frequency === 'EVENT' ? -365 : -31);
}

export async function completeTask(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZCompleteTask>,
  files: EvidenceUpload[],
  now = new Date(),
) {
  const task = await client.reminderTask.findUnique({
    where: { id: input.taskId },
    include: {
      org: { select: { id: true, path: true, status: true } },
      action: { select: { frequency: true } },
    },
  });
  if (!task) throw new NotFoundError();
  assertCan(ctx.user, 'reminder.complete', task.org);
  // A closed unit's ledgers are kept read-only.
  if (task.org.status === 'ARCHIVED') throw new UserError('reminders.errors.orgArchived');
  const today = cstDay(now);
  if (input.activityDate > today) throw new UserError('reminders.errors.futureDate', {}, 'activityDate');
  const earliest = earliestActivity(task.periodStart, task.action.frequency);
  if (input.activityDate < earliest)
    throw new UserError('reminders.errors.beforePeriod', { day: earliest }, 'activityDate');
  const checked = checkUploads(files, {
    area: 'reminders',
    maxFiles: MAX_EVIDENCE_FILES,
    maxBytes: MAX_EVIDENCE_BYTES,
  });
  const [stored, facts] = await Promise.all([storeChecked(checked), factsOf(checked)]);
  return client.$transaction(async (tx) => {
    const done = await markTaskDone(
      tx,
      ctx,
      { id: task.id, orgId: task.org.id, orgPath: task.org.path },
      {
        activityDate: input.activityDate,
        note: input.note ?? null,
        now,
        files: stored,
      },
    );
    const rows = await tx.evidence.createManyAndReturn({
      data: stored.map((f) => ({ ...f, taskId: task.id, uploadedById: ctx.user.id })),
    });
    // A returned task keeps its evidence: its photos now claim the new day.
    await tx.photoCheck.updateMany({
      where: { recordId: task.id },
      data: { activityDate: new Date(`${input.activityDate}T00:00:00Z`) },
    });
    await recordPhotoChecks(tx, {
      source: 'TASK',
      orgId: task.org.id,
      recordId: task.id,
      activityDate: input.activityDate,
      files: rows,
      facts,
    });
    // Without skipIfDone a task that is not open is refused, never skipped.
    return done!;
  });
}

/**
 * Marks an open task done, inside the caller's transaction: on time or late, the back-fill flags, and the
 * trace. Used by the completion form and by a meeting record that completes its period's task. The caller has
 * authorized the write.
 */
export async function markTaskDone(
  tx: Tx,
  ctx: ActionContext,
  task: { id: string; orgId: string; orgPath: string },
  o: {
    activityDate: string;
    note: string | null;
    now: Date;
    files?: { fileName: string; sha256: string }[];
    meetingId?: string;
    /** Leave a task someone completed meanwhile as it is (returns null) instead of refusing. */
    skipIfDone?: boolean;
  },
) {
  const today = cstDay(o.now);
  // Re-read under the row lock so two clerks completing at once cannot both succeed.
  const [row] = await tx.$queryRaw<
    { status: string; dueDate: Date }[]
  >`SELECT status, "dueDate" FROM "ReminderTask" WHERE id = ${task.id}::uuid FOR UPDATE`;
  if (row!.status !== 'OPEN') {
    if (o.skipIfDone) return null;
    throw new UserError('reminders.errors.alreadyDone');
  }
  const onTime = today <= row!.dueDate.toISOString().slice(0, 10);
  const rule = await backfillRule(tx);
  const after = await tx.reminderTask.update({
    where: { id: task.id },
    data: {
      status: 'DONE',
      completedAt: o.now,
      completedById: ctx.user.id,
      activityDate: new Date(`${o.activityDate}T00:00:00Z`),
      note: o.note,
      onTime,
      backfillFlag: isLag(o.activityDate, today, rule) ? 'LAG' : null,
      meetingId: o.meetingId ?? null,
    },
  });
  const burst = await flagBurst(tx, task.orgId, o.now, today, rule);
  await trace(tx, ctx.actor, 'reminders.complete', 'ReminderTask', task.id, {
    orgPath: task.orgPath,
    before: { status: 'OPEN' },
    after: {
      status: after.status,
      activityDate: o.activityDate,
      onTime,
      backfillFlag: after.backfillFlag,
      burstFlagged: burst,
      ...(o.files ? { files: traceFiles(o.files) } : {}),
      ...(o.meetingId ? { via: 'meeting', meetingId: o.meetingId } : {}),
    },
  });
  return { id: task.id, onTime, backfillFlag: burst ? 'BURST' : after.backfillFlag };
}
