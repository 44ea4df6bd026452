/**
 * Submitting (SECRETARY only) freezes the sheet: every criterion assessed, the total computed by the
 * scoring rules, nothing edits it afterwards. Reopening is the committee's: the submitted sheet is
 * kept as it was (superseded) and a new revision, a copy, is opened as a draft.
 */
import type { z } from 'zod';
import { Prisma } from '../../generated/prisma/client';
import { trace } from '../../audit-log';
import { notify, unitPeople } from '../../channels/notify';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan } from '../../policy';
import { sheetScore, unassessed } from '../rules';
import { linesOf, loadSheet } from '../queries';
import type { ZReopenSheet, ZSubmitSheet } from '../schema';

export async function submitSheet(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZSubmitSheet>,
  now = new Date(),
) {
  const sheet = await loadSheet(client, input.sheetId);
  assertCan(ctx.user, 'selfCheck.submit', sheet.org);
  if (sheet.status === 'SUBMITTED') throw new UserError('selfCheck.errors.alreadySubmitted');
  if (sheet.supersededAt) throw new UserError('selfCheck.errors.frozen');
  const lines = linesOf(sheet.items);
  const missing = unassessed(lines);
  if (missing.length)
    throw new UserError('selfCheck.errors.incomplete', {
      codes: missing.slice(0, 10).join('、'),
      count: missing.length,
    });
  const score = sheetScore(lines, sheet.standard.bonusCap);
  const total = score.percent;
  return client.$transaction(async (tx) => {
    const r = await tx.selfCheckSheet.updateMany({
      where: { id: sheet.id, lockVersion: input.lockVersion, status: 'DRAFT' },
      data: {
        status: 'SUBMITTED',
        submittedAt: now,
        submittedById: ctx.user.id,
        total,
        rawPoints: score.total,
        applicableMax: score.applicableMax,
        vetoBand: score.vetoBand,
        lockVersion: { increment: 1 },
      },
    });
    if (r.count === 0) {
      const fresh = await tx.selfCheckSheet.findUniqueOrThrow({
        where: { id: sheet.id },
        select: { status: true },
      });
      throw new UserError(
        fresh.status === 'SUBMITTED' ? 'selfCheck.errors.alreadySubmitted' : 'selfCheck.errors.stale',
      );
    }
    await trace(tx, ctx.actor, 'selfCheck.submit', 'SelfCheckSheet', sheet.id, {
      orgPath: sheet.org.path,
      before: { status: 'DRAFT' },
      after: { status: 'SUBMITTED', total },
    });
    return { id: sheet.id, total };
  });
}

export async function reopenSheet(
  client: Db,
  ctx: ActionContext,
  input: z.output<typeof ZReopenSheet>,
  now = new Date(),
) {
  const sheet = await loadSheet(client, input.sheetId);
  assertCan(ctx.user, 'selfCheck.reopen', sheet.org);
  if (sheet.status !== 'SUBMITTED' || sheet.supersededAt)
    throw new UserError('selfCheck.errors.notReopenable');
  return client.$transaction(async (tx) => {
    const r = await tx.selfCheckSheet.updateMany({
      where: { id: sheet.id, supersededAt: null },
      data: { supersededAt: now },
    });
    if (r.count === 0) throw new UserError('selfCheck.errors.notReopenable');
    const next = await tx.selfCheckSheet.create({
      data: {
        orgId: sheet.orgId,
        periodKey: sheet.periodKey,
        revision: sheet.revision + 1,
        standardId: sheet.standardId,
        createdById: ctx.user.id,
        total: sheet.total,
        rawPoints: sheet.rawPoints,
        applicableMax: sheet.applicableMax,
        vetoBand: sheet.vetoBand,
        reopenReason: input.reason,
        items: {
          create: sheet.items.map((i) => ({
            criterionId: i.criterionId,
            count: i.count,
            deduction: i.deduction,
            reason: i.reason,
            taskIds: i.taskIds,
            // What the records showed stays with the line: claiming less still needs its reason.
            suggested: i.suggested,
            suggestedRefs: i.suggestedRefs ?? Prisma.DbNull,
          })),
        },
      },
      select: { id: true, revision: true },
    });
    await trace(tx, ctx.actor, 'selfCheck.reopen', 'SelfCheckSheet', next.id, {
      orgPath: sheet.org.path,
      before: { id: sheet.id, revision: sheet.revision, status: 'SUBMITTED', total: sheet.total },
      after: { id: next.id, revision: next.revision, status: 'DRAFT', reason: input.reason },
    });
    const sent = await notify(tx, {
      userIds: await unitPeople(tx, sheet.orgId),
      kind: 'SELF_CHECK',
      titleKey: 'notifications.titles.selfCheckReopened',
      params: { period: sheet.periodKey, reason: input.reason },
      link: `/self-checks/${next.id}`,
      dedupeKey: `sheetReopen:${next.id}`,
    });
    return { id: next.id, deliveryIds: sent.deliveryIds };
  });
}
