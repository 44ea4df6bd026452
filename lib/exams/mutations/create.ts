/**
 * Setting an exam (COMMITTEE): rules for the paper (how many of which type and difficulty, within
 * chosen articles and/or tags), window, time limit, pass mark, and the audience — units and roles,
 * a training class's invitees, or (the written part of an audit) the audited unit's people.
 */
import { trace } from '../../audit-log';
import { loadAudit } from '../../audits/queries/load';
import type { Db } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCan, assertCanCompanyWide } from '../../policy';
import type { TAuditExam, TCreateExam } from '../schema';

type ExamInput = Omit<TCreateExam, 'articleIds' | 'tags' | 'trainingId'> & {
  articleIds?: string[];
  tags?: string[];
  trainingId?: string | null;
  auditId?: string;
};

export async function createExam(db: Db, ctx: ActionContext, input: ExamInput) {
  const root = await assertCanCompanyWide(db, ctx.user, 'learning.manage');
  const articleIds = [...new Set(input.articleIds ?? [])];
  const arts = await db.article.findMany({
    where: { id: { in: articleIds }, version: { status: 'PUBLISHED' } },
    select: { key: true },
  });
  if (arts.length !== articleIds.length) throw new UserError('exams.errors.notPublished');
  const articleKeys = arts.map((a) => a.key);
  const tags = input.tags ?? [];
  if (
    input.trainingId &&
    !(await db.trainingSession.findUnique({ where: { id: input.trainingId }, select: { id: true } }))
  )
    throw new NotFoundError();
  for (const p of input.parts) {
    const n = await db.question.count({
      where: {
        current: true,
        type: p.type,
        ...(p.difficulty ? { difficulty: p.difficulty } : {}),
        ...(articleKeys.length ? { articleKeys: { hasSome: articleKeys } } : {}),
        ...(tags.length ? { tags: { hasSome: tags } } : {}),
      },
    });
    if (n < p.count)
      throw new UserError('exams.errors.bankTooSmall', { type: p.type, have: n, want: p.count });
  }
  const rules = {
    parts: input.parts,
    retakes: input.retakes,
    ...(articleKeys.length ? { articleKeys } : {}),
    ...(tags.length ? { tags } : {}),
  };
  return db.$transaction(async (tx) => {
    const e = await tx.exam.create({
      data: {
        title: input.title,
        rules,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        durationMin: input.durationMin,
        passMark: input.passMark,
        orgIds: input.trainingId || input.auditId ? [] : input.orgIds,
        roles: input.roles,
        auditId: input.auditId ?? null,
        trainingId: input.trainingId ?? null,
        orgPath: root.path,
        createdById: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'exams.create', 'Exam', e.id, {
      orgPath: root.path,
      after: { ...input, rules },
    });
    return { id: e.id };
  });
}

/** The written part of an audit: one exam per audit, for the audited unit's people, set by the committee that plans audits. */
export async function createAuditExam(db: Db, ctx: ActionContext, input: TAuditExam) {
  const audit = await loadAudit(db, input.auditId);
  assertCan(ctx.user, 'auditPlan.manage', audit.org);
  if (await db.exam.findFirst({ where: { auditId: audit.id }, select: { id: true } }))
    throw new UserError('exams.errors.auditHasExam');
  return createExam(db, ctx, {
    title: `${audit.org.name} · ${audit.plan.title} · 应知应会测试`.slice(0, 120),
    parts: input.parts,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    durationMin: input.durationMin,
    passMark: input.passMark,
    orgIds: [],
    roles: [],
    retakes: 0,
    auditId: audit.id,
  });
}
