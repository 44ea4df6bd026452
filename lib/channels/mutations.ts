/**
 * Group robots (企业微信/钉钉/飞书) configured per organization by the committee. The secret is kept
 * for signing but never shown again nor written to the trace (only whether one is set).
 */
import { z } from 'zod';
import type { ActionContext } from '../action-context';
import { trace } from '../audit-log';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { assertCan } from '../policy';
import { ZAddRobot } from './schema';

export async function addRobot(db: Db, ctx: ActionContext, input: z.output<typeof ZAddRobot>) {
  const org = await db.organization.findUnique({
    where: { id: input.orgId },
    select: { id: true, path: true },
  });
  if (!org) throw new NotFoundError();
  assertCan(ctx.user, 'robot.manage', org);
  return db.$transaction(async (tx) => {
    const r = await tx.robotHook.create({
      data: { orgId: org.id, kind: input.kind, url: input.url, secret: input.secret },
    });
    await trace(tx, ctx.actor, 'robots.add', 'RobotHook', r.id, {
      orgPath: org.path,
      after: { kind: input.kind, host: new URL(input.url).host, signed: !!input.secret },
    });
    return { id: r.id };
  });
}

export async function removeRobot(db: Db, ctx: ActionContext, id: string) {
  const r = await db.robotHook.findUnique({
    where: { id },
    include: { org: { select: { id: true, path: true } } },
  });
  if (!r) throw new NotFoundError();
  assertCan(ctx.user, 'robot.manage', r.org);
  return db.$transaction(async (tx) => {
    // Deactivated, not deleted: pending deliveries and the trace still name it.
    await tx.robotHook.update({ where: { id }, data: { active: false } });
    await trace(tx, ctx.actor, 'robots.remove', 'RobotHook', id, {
      orgPath: r.org.path,
      before: { kind: r.kind, active: r.active },
      after: { active: false },
    });
    return { id };
  });
}
