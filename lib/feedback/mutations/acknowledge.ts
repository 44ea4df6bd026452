/** The unit's secretary acknowledges receipt of a feedback sheet; the first acknowledgement is kept. */
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { NotFoundError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan } from '../../policy';

export async function acknowledgeSheet(db: Db, ctx: ActionContext, sheetId: string, now = new Date()) {
  const sheet = await db.feedbackSheet.findUnique({
    where: { id: sheetId },
    include: { audit: { select: { org: { select: { id: true, path: true } } } } },
  });
  if (!sheet) throw new NotFoundError();
  assertCan(ctx.user, 'feedback.acknowledge', sheet.audit.org);
  if (sheet.acknowledgedAt) return { acknowledgedAt: sheet.acknowledgedAt };
  return db.$transaction(async (tx) => {
    const r = await tx.feedbackSheet.updateMany({
      where: { id: sheet.id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: ctx.user.id },
    });
    if (r.count)
      await trace(tx, ctx.actor, 'feedback.acknowledge', 'FeedbackSheet', sheet.id, {
        orgPath: sheet.audit.org.path,
        after: { acknowledgedAt: now.toISOString() },
      });
    return { acknowledgedAt: now };
  });
}
