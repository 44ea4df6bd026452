/**
 * 协调: a difficulty sent to a functional department. Its people (members of the department, or the
 * committee over it) answer; the committee closes it once solved. The unit and the committee see it.
 */
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan } from '../../policy';

async function load(db: Db, id: string) {
  const t = await db.coordinationTask.findUnique({
    where: { id },
    include: { department: { select: { id: true, path: true } }, unit: { select: { id: true, path: true } } },
  });
  if (!t) throw new NotFoundError();
  return t;
}

export async function answerCoordination(
  db: Db,
  ctx: ActionContext,
  id: string,
  answer: string,
  now = new Date(),
) {
  const t = await load(db, id);
  assertCan(ctx.user, 'coordination.answer', t.department);
  if (t.status === 'CLOSED') throw new UserError('feedback.errors.coordinationClosed');
  return db.$transaction(async (tx) => {
    await tx.coordinationTask.update({
      where: { id },
      data: { status: 'ANSWERED', answer, answeredById: ctx.user.id, answeredAt: now },
    });
    await trace(tx, ctx.actor, 'coordination.answer', 'CoordinationTask', id, {
      orgPath: t.unit.path,
      before: { status: t.status, answer: t.answer },
      after: { status: 'ANSWERED', answer },
    });
    return { id };
  });
}

export async function closeCoordination(db: Db, ctx: ActionContext, id: string, now = new Date()) {
  const t = await load(db, id);
  assertCan(ctx.user, 'auditPlan.manage', t.unit);
  if (t.status !== 'ANSWERED') throw new UserError('feedback.errors.coordinationNotAnswered');
  return db.$transaction(async (tx) => {
    await tx.coordinationTask.update({ where: { id }, data: { status: 'CLOSED', closedAt: now } });
    await trace(tx, ctx.actor, 'coordination.close', 'CoordinationTask', id, {
      orgPath: t.unit.path,
      before: { status: t.status },
      after: { status: 'CLOSED' },
    });
    return { id };
  });
}
