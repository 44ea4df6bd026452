/**
 * Completing a reminder task: the date the work actually happened, a short note and evidence files
 * (checked by content, stored content-addressed). Recorded: who, when, on time or late. A done task
 * stays done: a second completion is refused.
 */
import type { z } from 'zod';
import type { ActionContext } from '../../action-context';
import { appendTrace } from '../../audit-log';
import { cstDay } from '../../calendar';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { checkUploads, storeChecked, traceFiles } from '../../files/uploads';
import { assertCan } from '../../policy';
import { backfillRule, flagBurst, isLag } from '../backfill';
import type { ZCompleteTask } from '../schema';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;

export type EvidenceUpload = { name: string; bytes: Buffer };

export async function completeTask(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZCompleteTask>,
  files: EvidenceUpload[],
  now = new Date(),
) {
  const task = await client.reminderTask.findUnique({
    where: { id: input.taskId },
    include: { org: { select: { id: true, path: true, status: true } } },
  });
  if (!task) throw new NotFoundError();
  assertCan(ctx.user, 'reminder.complete', task.org);
  // A closed unit's ledgers are kept read-only.
  if (task.org.status === 'ARCHIVED') throw new UserError('reminders.errors.orgArchived');
  const today = cstDay(now);
  if (input.activityDate > today) throw new UserError('reminders.errors.futureDate', {}, 'activityDate');
  const checked = checkUploads(files, {
    area: 'reminders',
    maxFiles: MAX_EVIDENCE_FILES,
    maxBytes: MAX_EVIDENCE_BYTES,
  });
  const stored = await storeChecked(checked);
  return client.$transaction(async (tx) => {
    // Re-read under the row lock so two clerks completing at once cannot both succeed.
    const [row] = await tx.$queryRaw<
      { status: string; dueDate: Date }[]
    >`SELECT status, "dueDate" FROM "ReminderTask" WHERE id = ${task.id}::uuid FOR UPDATE`;
    if (row!.status !== 'OPEN') throw new UserError('reminders.errors.alreadyDone');
    const onTime = today <= row!.dueDate.toISOString().slice(0, 10);
    const rule = await backfillRule(tx);
    const after = await tx.reminderTask.update({
      where: { id: task.id },
      data: {
        status: 'DONE',
        completedAt: now,
        completedById: ctx.user.id,
        activityDate: new Date(`${input.activityDate}T00:00:00Z`),
        note: input.note ?? null,
        onTime,
        backfillFlag: isLag(input.activityDate, today, rule) ? 'LAG' : null,
      },
    });
    const burst = await flagBurst(tx, task.org.id, now, today, rule);
    await tx.evidence.createMany({
      data: stored.map((f) => ({ ...f, taskId: task.id, uploadedById: ctx.user.id })),
    });
    await appendTrace(tx, ctx.actor, {
      action: 'reminders.complete',
      entityType: 'ReminderTask',
      entityId: task.id,
      orgPath: task.org.path,
      before: { status: 'OPEN' },
      after: {
        status: after.status,
        activityDate: input.activityDate,
        onTime,
        backfillFlag: after.backfillFlag,
        burstFlagged: burst,
        files: traceFiles(stored),
      },
    });
    return { id: task.id, onTime, backfillFlag: burst ? 'BURST' : after.backfillFlag };
  });
}
