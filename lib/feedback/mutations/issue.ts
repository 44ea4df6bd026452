/**
 * Issuing the 检查调研情况反馈单 from a scored audit (team leader only). In one transaction: the sheet
 * with the deductions as they stand, one rectification item per problem (owned by the unit, due by the
 * deadline), one coordination task per difficulty (to the department chosen), the audit frozen
 * (FEEDBACK_ISSUED), the trace, and the unit told.
 */
import { trace } from '../../audit-log';
import { loadAudit } from '../../audits/queries/load';
import { notify, unitPeople } from '../../channels/notify';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import { gradeWithVeto } from '../../handbook/scoring';
import type { ActionContext } from '../../action-context';
import { assertCanOnAudit } from '../../policy';
import { cstDay } from '../../calendar';
import type { TIssueFeedback } from '../schema';

export async function issueFeedback(db: Db, ctx: ActionContext, input: TIssueFeedback, now = new Date()) {
  const a = await loadAudit(db, input.auditId);
  assertCanOnAudit(ctx.user, 'feedback.issue', a.ref);
  if (a.status === 'FEEDBACK_ISSUED') throw new UserError('feedback.errors.alreadyIssued');
  if (a.status !== 'SCORED' || a.total === null) throw new UserError('feedback.errors.notScored');
  if (input.deadline <= cstDay(now)) throw new UserError('feedback.errors.deadlinePast', {}, 'deadline');
  const depts = [...new Set(input.coordination.map((c) => c.departmentId))];
  if (
    depts.length &&
    (await db.organization.count({ where: { id: { in: depts }, type: 'DEPARTMENT' } })) !== depts.length
  )
    throw new UserError('feedback.errors.notDepartment');
  // Deductions, and the computed criteria the team scored other than the records gave (overrides, shown as such).
  const scores = (
    await db.auditScore.findMany({
      where: { auditId: a.id, OR: [{ deduction: { gt: 0 } }, { suggested: { not: null } }] },
      include: { criterion: { select: { code: true, title: true, sortOrder: true } } },
      orderBy: { criterion: { sortOrder: 'asc' } },
    })
  ).filter((s) => s.deduction > 0 || s.suggested !== s.count);
  const deductions = scores.map((s) => ({
    code: s.criterion.code,
    title: s.criterion.title,
    count: s.count,
    deduction: s.deduction,
    reason: s.reason,
    ...(s.suggested !== null ? { suggested: s.suggested } : {}),
  }));
  const bands = await db.gradeBand.findMany();
  const grade = gradeWithVeto(a.total, a.vetoBand, bands.length ? bands : undefined);
  const deadline = new Date(`${input.deadline}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    // Still scored and unissued under the lock: two leaders' clicks issue one sheet.
    const locked = await tx.audit.updateMany({
      where: { id: a.id, status: 'SCORED' },
      data: { status: 'FEEDBACK_ISSUED' },
    });
    if (!locked.count) throw new UserError('feedback.errors.alreadyIssued');
    const seq =
      (await tx.feedbackSheet.count({ where: { audit: { plan: { periodKey: a.plan.periodKey } } } })) + 1;
    const sheet = await tx.feedbackSheet.create({
      data: {
        auditId: a.id,
        number: `FK-${a.plan.periodKey}-${String(seq).padStart(3, '0')}`,
        summary: input.summary,
        deductions,
        total: a.total!,
        grade,
        deadline,
        issuedAt: now,
        issuedById: ctx.user.id,
        items: {
          create: input.items.map((it, i) => ({
            findingId: it.findingId ?? null,
            criterionId: it.criterionId ?? null,
            problem: it.problem,
            suggestion: it.suggestion,
            sortOrder: i + 1,
          })),
        },
      },
      include: { items: true },
    });
    await tx.rectificationItem.createMany({
      data: sheet.items.map((it) => ({
        feedbackItemId: it.id,
        orgId: a.orgId,
        auditId: a.id,
        criterionId: it.criterionId,
        problem: it.problem,
        suggestion: it.suggestion,
        deadline,
      })),
    });
    await tx.coordinationTask.createMany({
      data: input.coordination.map((c) => ({
        auditId: a.id,
        findingId: c.findingId ?? null,
        unitId: a.orgId,
        departmentId: c.departmentId,
        text: c.text,
        createdById: ctx.user.id,
      })),
    });
    await trace(tx, ctx.actor, 'feedback.issue', 'FeedbackSheet', sheet.id, {
      orgPath: a.org.path,
      before: { auditStatus: 'SCORED' },
      after: {
        number: sheet.number,
        total: a.total,
        grade,
        deadline: input.deadline,
        problems: input.items.length,
        coordination: input.coordination.length,
      },
    });
    const sent = await notify(tx, {
      userIds: await unitPeople(tx, a.orgId),
      kind: 'FEEDBACK',
      titleKey: 'notifications.titles.feedback',
      params: { number: sheet.number, count: input.items.length, deadline: input.deadline },
      link: `/feedback/${sheet.id}`,
      dedupeKey: `feedback:${sheet.id}`,
      robotOrgIds: [a.orgId],
    });
    return { id: sheet.id, number: sheet.number, deliveryIds: sent.deliveryIds };
  });
}
