/**
 * The rectification state machine (整改):
 *   OPEN / RETURNED --(unit: plan, notes, evidence; submit)--> SUBMITTED --(team: accept)--> ACCEPTED
 *                                                                        \--(team: return with reason)--> RETURNED
 * The unit (SECRETARY) writes and submits; a member of the audit's team verifies, never the person
 * who submitted it. Accepted items are closed; "on time" means submitted by the deadline.
 */
import type { ActionContext } from '../../action-context';
import { type TraceInput, trace } from '../../audit-log';
import { loadAudit } from '../../audits/queries/load';
import { cstDay } from '../../calendar';
import { notify, unitPeople } from '../../channels/notify';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import { checkUploads, storeChecked, traceFiles, type Upload } from '../../files/uploads';
import { assertCan, assertCanOnAudit, assertNotInsider } from '../../policy';

const EDITABLE = ['OPEN', 'RETURNED'];

async function loadItem(db: Db, id: string) {
  const item = await db.rectificationItem.findUnique({
    where: { id },
    include: { org: { select: { id: true, path: true, name: true } } },
  });
  if (!item) throw new NotFoundError();
  return item;
}

/** Traces an act on an item, under its unit's path. */
function traceItem(
  tx: Tx,
  ctx: ActionContext,
  item: Awaited<ReturnType<typeof loadItem>>,
  action: string,
  change: Pick<TraceInput, 'before' | 'after'>,
) {
  return trace(tx, ctx.actor, action, 'RectificationItem', item.id, {
    orgPath: item.org.path,
    ...change,
  });
}

async function unitItem(db: Db, ctx: ActionContext, id: string) {
  const item = await loadItem(db, id);
  assertCan(ctx.user, 'rectification.answer', item.org);
  if (!EDITABLE.includes(item.status)) throw new UserError('feedback.errors.notEditable');
  return item;
}

export async function savePlan(db: Db, ctx: ActionContext, itemId: string, plan: string) {
  const item = await unitItem(db, ctx, itemId);
  return db.$transaction(async (tx) => {
    await tx.rectificationItem.update({
      where: { id: item.id },
      data: { plan, lockVersion: { increment: 1 } },
    });
    await traceItem(tx, ctx, item, 'rectification.plan', {
      before: { plan: item.plan },
      after: { plan },
    });
    return { id: item.id };
  });
}

export async function addNote(db: Db, ctx: ActionContext, itemId: string, text: string) {
  const item = await unitItem(db, ctx, itemId);
  return db.$transaction(async (tx) => {
    const n = await tx.rectificationNote.create({ data: { itemId: item.id, text, authorId: ctx.user.id } });
    await traceItem(tx, ctx, item, 'rectification.note', { after: { text } });
    return { id: n.id };
  });
}

export async function addEvidence(db: Db, ctx: ActionContext, itemId: string, files: Upload[]) {
  const item = await unitItem(db, ctx, itemId);
  const checked = checkUploads(files, { area: 'feedback', maxFiles: 10, maxBytes: 20 * 1024 * 1024 });
  const stored = await storeChecked(checked);
  return db.$transaction(async (tx) => {
    await tx.rectificationEvidence.createMany({
      data: stored.map((f) => ({ ...f, itemId: item.id, uploadedById: ctx.user.id })),
    });
    await traceItem(tx, ctx, item, 'rectification.evidence', { after: { files: traceFiles(stored) } });
    return { count: stored.length };
  });
}

export async function submitItem(db: Db, ctx: ActionContext, itemId: string, now = new Date()) {
  const item = await unitItem(db, ctx, itemId);
  if (!item.plan.trim()) throw new UserError('feedback.errors.planRequired');
  return db.$transaction(async (tx) => {
    const r = await tx.rectificationItem.updateMany({
      where: { id: item.id, status: { in: ['OPEN', 'RETURNED'] } },
      data: { status: 'SUBMITTED', submittedAt: now, submittedById: ctx.user.id },
    });
    if (!r.count) throw new UserError('feedback.errors.notEditable');
    await traceItem(tx, ctx, item, 'rectification.submit', {
      before: { status: item.status },
      after: { status: 'SUBMITTED' },
    });
    return { id: item.id };
  });
}

export async function verifyItem(
  db: Db,
  ctx: ActionContext,
  input: { itemId: string; accept: boolean; reason?: string },
  now = new Date(),
) {
  const item = await loadItem(db, input.itemId);
  const audit = await loadAudit(db, item.auditId);
  assertCanOnAudit(ctx.user, 'rectification.verify', audit.ref);
  await assertNotInsider(db, ctx.user, audit.ref.org);
  if (item.status !== 'SUBMITTED') throw new UserError('feedback.errors.notSubmitted');
  if (item.submittedById === ctx.user.id) throw new UserError('feedback.errors.ownWork');
  const onTime = !!item.submittedAt && cstDay(item.submittedAt) <= item.deadline.toISOString().slice(0, 10);
  return db.$transaction(async (tx) => {
    const r = await tx.rectificationItem.updateMany({
      where: { id: item.id, status: 'SUBMITTED' },
      data: input.accept
        ? {
            status: 'ACCEPTED',
            verifiedAt: now,
            verifiedById: ctx.user.id,
            closedOnTime: onTime,
            returnReason: null,
          }
        : {
            status: 'RETURNED',
            verifiedAt: now,
            verifiedById: ctx.user.id,
            returnReason: input.reason ?? '',
          },
    });
    if (!r.count) throw new UserError('feedback.errors.notSubmitted');
    await traceItem(tx, ctx, item, input.accept ? 'rectification.accept' : 'rectification.return', {
      before: { status: 'SUBMITTED' },
      after: {
        status: input.accept ? 'ACCEPTED' : 'RETURNED',
        reason: input.reason,
        closedOnTime: input.accept ? onTime : undefined,
      },
    });
    const sent = await notify(tx, {
      userIds: await unitPeople(tx, item.orgId),
      kind: 'RECTIFICATION',
      titleKey: input.accept
        ? 'notifications.titles.rectificationAccepted'
        : 'notifications.titles.rectificationReturned',
      params: { problem: item.problem.slice(0, 40), reason: input.reason ?? '' },
      link: '/rectifications',
      dedupeKey: `rect:${item.id}:${now.getTime()}`,
    });
    return { id: item.id, deliveryIds: sent.deliveryIds };
  });
}
