/**
 * Supervision of completed work (DESIGN §2 对标): the committee rates a done task's quality
 * (优/良/中/差 with a comment) or returns it for rework with a reason. A returned task is open again,
 * its evidence kept; the branch is told through the notification centre. History in TaskReview.
 */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import { notify, unitPeople, type NotifyInput } from '../../channels/notify';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan } from '../../policy';
import type { ZRateTask, ZReturnTask } from '../schema';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function lockDoneTask(tx: Tx, taskId: string) {
  const [row] = await tx.$queryRaw<
    { status: string }[]
  >`SELECT status FROM "ReminderTask" WHERE id = ${taskId}::uuid FOR UPDATE`;
  if (row?.status !== 'DONE') throw new UserError('supervision.errors.notDone');
}

async function loadTask(client: Db, ctx: ActionContext, taskId: string) {
  const task = await client.reminderTask.findUnique({
    where: { id: taskId },
    include: { org: { select: { id: true, path: true, name: true } }, action: { select: { title: true } } },
  });
  if (!task) throw new NotFoundError();
  assertCan(ctx.user, 'reminder.supervise', task.org);
  return task;
}

/** Tells the task's branch what a review decided (deduplicated by the review); what the mutations return. */
async function tellBranch(
  tx: Tx,
  task: Awaited<ReturnType<typeof loadTask>>,
  reviewId: string,
  n: Pick<NotifyInput, 'kind' | 'titleKey' | 'robotOrgIds'> & {
    params: Record<string, string | number>;
    dedupePrefix: string;
  },
) {
  const { params, dedupePrefix, ...rest } = n;
  const sent = await notify(tx, {
    userIds: await unitPeople(tx, task.org.id),
    ...rest,
    params: { action: task.action.title, ...params },
    link: '/reminders',
    dedupeKey: `${dedupePrefix}:${reviewId}`,
  });
  return { id: reviewId, deliveryIds: sent.deliveryIds };
}

export async function rateTask(client: Db, ctx: ActionContext, input: z.output<typeof ZRateTask>) {
  const task = await loadTask(client, ctx, input.taskId);
  const r = await client.$transaction(async (tx) => {
    await lockDoneTask(tx, task.id);
    await tx.reminderTask.update({ where: { id: task.id }, data: { quality: input.quality } });
    const review = await tx.taskReview.create({
      data: {
        taskId: task.id,
        kind: 'RATING',
        quality: input.quality,
        comment: input.comment,
        reviewerId: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'reminders.rate', 'ReminderTask', task.id, {
      orgPath: task.org.path,
      before: { quality: task.quality },
      after: { quality: input.quality, comment: input.comment },
    });
    return tellBranch(tx, task, review.id, {
      kind: 'RATED',
      titleKey: 'notifications.titles.rated',
      params: { quality: input.quality },
      dedupePrefix: 'rated',
    });
  });
  return r;
}

export async function returnTask(client: Db, ctx: ActionContext, input: z.output<typeof ZReturnTask>) {
  const task = await loadTask(client, ctx, input.taskId);
  return client.$transaction(async (tx) => {
    await lockDoneTask(tx, task.id);
    const after = await tx.reminderTask.update({
      where: { id: task.id },
      data: {
        status: 'OPEN',
        completedAt: null,
        completedById: null,
        onTime: null,
        quality: null,
        backfillFlag: null,
        returnCount: { increment: 1 },
      },
    });
    const review = await tx.taskReview.create({
      data: { taskId: task.id, kind: 'RETURN', comment: input.reason, reviewerId: ctx.user.id },
    });
    await trace(tx, ctx.actor, 'reminders.return', 'ReminderTask', task.id, {
      orgPath: task.org.path,
      before: {
        status: 'DONE',
        activityDate: task.activityDate,
        note: task.note,
        onTime: task.onTime,
        quality: task.quality,
      },
      after: { status: 'OPEN', reason: input.reason, returnCount: after.returnCount },
    });
    return tellBranch(tx, task, review.id, {
      kind: 'RETURNED',
      titleKey: 'notifications.titles.returned',
      params: { reason: input.reason },
      dedupePrefix: 'returned',
      robotOrgIds: [task.org.id],
    });
  });
}
