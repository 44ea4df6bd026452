/**
 * 督办: the committee chases a unit about its overdue items. The notice is recorded (who, when, which
 * tasks, what was said), lands in the unit's notification centre and, when configured, its group robot.
 */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import { notify, unitPeople } from '../../channels/notify';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan } from '../../policy';
import type { ZSendNotice } from '../schema';

export async function sendNotice(client: Db, ctx: ActionContext, input: z.output<typeof ZSendNotice>) {
  const org = await client.organization.findUnique({
    where: { id: input.orgId },
    select: { id: true, path: true, name: true },
  });
  if (!org) throw new NotFoundError();
  assertCan(ctx.user, 'reminder.supervise', org);
  const taskIds = [...new Set(input.taskIds)];
  // Only the unit's own open tasks may be named: a forged id of another unit is refused, not ignored.
  const tasks = await client.reminderTask.count({
    where: { id: { in: taskIds }, orgId: org.id, status: 'OPEN' },
  });
  if (tasks !== taskIds.length) throw new UserError('supervision.errors.tasksNotOfUnit');
  return client.$transaction(async (tx) => {
    const notice = await tx.supervisionNotice.create({
      data: { orgId: org.id, message: input.message, taskIds, sentById: ctx.user.id },
    });
    await trace(tx, ctx.actor, 'reminders.supervise', 'SupervisionNotice', notice.id, {
      orgPath: org.path,
      after: { orgId: org.id, message: input.message, taskIds },
    });
    const sent = await announceNotice(tx, notice, { robot: true });
    return { id: notice.id, deliveryIds: sent.deliveryIds };
  });
}

/** A 督办 notice in its unit's notification centre and, with `robot`, the unit's group robot. */
export async function announceNotice(
  tx: Tx,
  notice: { id: string; orgId: string; message: string; taskIds: string[] },
  { robot }: { robot: boolean },
) {
  return notify(tx, {
    userIds: await unitPeople(tx, notice.orgId),
    kind: 'SUPERVISION',
    titleKey: 'notifications.titles.supervision',
    params: { count: notice.taskIds.length, message: notice.message },
    link: '/reminders',
    dedupeKey: `notice:${notice.id}`,
    robotOrgIds: robot ? [notice.orgId] : [],
  });
}
