/**
 * 督办: the committee chases a unit about its overdue items. The notice is recorded (who, when, which
 * tasks, what was said), lands in the unit's notification centre and, when configured, its group robot.
 */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import { notify, unitPeople } from '../../channels/notify';
import type { Db } from '../../db/client';
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
    const sent = await notify(tx, {
      userIds: await unitPeople(tx, org.id),
      kind: 'SUPERVISION',
      titleKey: 'notifications.titles.supervision',
      params: { count: taskIds.length, message: input.message },
      link: '/reminders',
      dedupeKey: `notice:${notice.id}`,
      robotOrgIds: [org.id],
    });
    return { id: notice.id, deliveryIds: sent.deliveryIds };
  });
}
