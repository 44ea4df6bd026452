/**
 * Saving a draft sheet (CLERK or SECRETARY). Optimistic locking: the save names the version it was
 * based on; if someone saved in between, it is refused with a message and nothing is overwritten.
 * Linked tasks must be completed tasks of the same unit.
 */
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { inputProblem } from '../../handbook/scoring';
import { assertCan } from '../../policy';
import { belowRecords, lineDeduction, sheetScore } from '../rules';
import { linesOf, loadSheet } from '../queries';
import type { ZSaveSheet } from '../schema';

export async function saveSheet(client: Db, ctx: ActionContext, input: z.output<typeof ZSaveSheet>) {
  const sheet = await loadSheet(client, input.sheetId);
  assertCan(ctx.user, 'selfCheck.draft', sheet.org);
  if (sheet.status !== 'DRAFT' || sheet.supersededAt) throw new UserError('selfCheck.errors.frozen');
  const byCriterion = new Map(sheet.items.map((i) => [i.criterionId, i]));
  for (const it of input.items) {
    const line = byCriterion.get(it.criterionId);
    if (!line) throw new UserError('selfCheck.errors.unknownCriterion');
    const bad = it.count === null ? null : inputProblem(linesOf([line])[0]!.criterion, it.count);
    if (bad) throw new UserError(bad, { code: line.criterion.code, min: 0 }, 'items');
    // Claiming fewer shortfalls than the unit's own records show needs the reason (the committee sees it flagged).
    if (belowRecords({ ...line, count: it.count }) && !it.reason.trim())
      throw new UserError(
        'selfCheck.errors.belowRecords',
        { code: line.criterion.code, suggested: line.suggested! },
        'items',
      );
  }
  const taskIds = [...new Set(input.items.flatMap((i) => i.taskIds))];
  if (taskIds.length) {
    const ok = await client.reminderTask.count({
      where: { id: { in: taskIds }, orgId: sheet.orgId, status: 'DONE' },
    });
    if (ok !== taskIds.length) throw new UserError('selfCheck.errors.badTask');
  }
  const changed = new Map(input.items.map((i) => [i.criterionId, i]));
  const merged = sheet.items.map((i) => ({ ...i, ...(changed.get(i.criterionId) ?? {}) }));
  const score = sheetScore(linesOf(merged), sheet.standard.bonusCap);
  const total = score.percent;
  return client.$transaction(async (tx) => {
    const bumped = await tx.selfCheckSheet.updateMany({
      where: { id: sheet.id, lockVersion: input.lockVersion, status: 'DRAFT' },
      data: {
        lockVersion: { increment: 1 },
        total,
        rawPoints: score.total,
        applicableMax: score.applicableMax,
        vetoBand: score.vetoBand,
      },
    });
    if (bumped.count === 0) throw new UserError('selfCheck.errors.stale');
    for (const it of input.items) {
      const line = byCriterion.get(it.criterionId)!;
      const d = lineDeduction(linesOf([{ ...line, count: it.count }])[0]!);
      await tx.selfCheckItem.update({
        where: { id: line.id },
        data: { count: it.count, reason: it.reason, taskIds: it.taskIds, deduction: d },
      });
    }
    await trace(tx, ctx.actor, 'selfCheck.save', 'SelfCheckSheet', sheet.id, {
      orgPath: sheet.org.path,
      before: {
        total: sheet.total,
        items: input.items.map((i) => {
          const l = byCriterion.get(i.criterionId)!;
          return { code: l.criterion.code, count: l.count, reason: l.reason };
        }),
      },
      after: {
        total,
        items: input.items.map((i) => ({
          code: byCriterion.get(i.criterionId)!.criterion.code,
          count: i.count,
          reason: i.reason,
          taskIds: i.taskIds,
        })),
      },
    });
    return { id: sheet.id, lockVersion: input.lockVersion + 1, total };
  });
}
