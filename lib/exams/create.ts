// Setting an exam (COMMITTEE): rules for the paper, window, time limit, pass mark, audience.
import { appendTrace } from '../audit-log';
import type { Db } from '../db/client';
import { UserError } from '../errors';
import type { WriteCtx } from '../orgs/mutations';
import { companyRoot } from '../orgs/company-root';
import { assertCan } from '../policy';
import type { TCreateExam } from './schema';

export async function createExam(db: Db, ctx: WriteCtx, input: TCreateExam & { auditId?: string }) {
  const root = await companyRoot(db);
  assertCan(ctx.user, 'learning.manage', root);
  for (const p of input.parts) {
    const n = await db.question.count({ where: { current: true, type: p.type, ...(p.difficulty ? { difficulty: p.difficulty } : {}) } });
    if (n < p.count) throw new UserError('exams.errors.bankTooSmall', { type: p.type, have: n, want: p.count });
  }
  return db.$transaction(async (tx) => {
    const e = await tx.exam.create({
      data: {
        title: input.title, rules: { parts: input.parts, retakes: input.retakes }, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt), durationMin: input.durationMin,
        passMark: input.passMark, orgIds: input.orgIds, roles: input.roles, auditId: input.auditId ?? null, orgPath: root.path, createdById: ctx.user.id,
      },
    });
    await appendTrace(tx, ctx.actor, { action: 'exams.create', entityType: 'Exam', entityId: e.id, orgPath: root.path, after: input });
    return { id: e.id };
  });
}
