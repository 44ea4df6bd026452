/** Prescribed actions (规定动作) of draft articles: what reminders will later be generated from. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import type { ZCreateAction, ZDeleteAction, ZUpdateAction } from '../schema';
import { assertDraft, handbookEdit } from './draft';

type Fields = Omit<z.output<typeof ZCreateAction>, 'articleId'>;
const data = ({ dueKind, dueN, evidence, ...f }: Fields) => ({
  ...f,
  evidence: evidence ?? '',
  dueRule: { kind: dueKind, n: dueN },
});

async function assertCodeFree(tx: Tx, versionId: string, code: string, exceptId?: string) {
  const clash = await tx.prescribedAction.findFirst({
    where: { versionId, code, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new UserError('handbook.errors.codeTaken', { code }, 'code');
}

export const createAction = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZCreateAction>) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { id: true, versionId: true },
    });
    if (!article) throw new NotFoundError();
    await assertDraft(tx, article.versionId);
    const { articleId: _a, ...fields } = input;
    await assertCodeFree(tx, article.versionId, fields.code);
    const count = await tx.prescribedAction.count({ where: { articleId: article.id } });
    const row = await tx.prescribedAction.create({
      data: {
        ...data(fields),
        versionId: article.versionId,
        articleId: article.id,
        key: randomUUID(),
        sortOrder: count,
      },
    });
    await trace(tx, ctx.actor, 'handbook.action.create', 'PrescribedAction', row.id, {
      after: row,
    });
    return { id: row.id };
  },
);

export const updateAction = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZUpdateAction>) => {
    const before = await tx.prescribedAction.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError();
    await assertDraft(tx, before.versionId);
    const { id, ...fields } = input;
    await assertCodeFree(tx, before.versionId, fields.code, id);
    const after = await tx.prescribedAction.update({ where: { id }, data: data(fields) });
    await trace(tx, ctx.actor, 'handbook.action.update', 'PrescribedAction', id, {
      before,
      after,
    });
    return { id };
  },
);

export const deleteAction = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZDeleteAction>) => {
    const before = await tx.prescribedAction.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError();
    await assertDraft(tx, before.versionId);
    await tx.prescribedAction.delete({ where: { id: before.id } });
    await trace(tx, ctx.actor, 'handbook.action.delete', 'PrescribedAction', before.id, {
      before,
    });
    return { id: before.id };
  },
);
