/**
 * Editing articles of the draft. Every write checks the version is still a draft (published and
 * superseded versions are frozen) and carries the lockVersion the editor started from, so two
 * committee members cannot overwrite each other silently.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { searchWords } from '../rules';
import type { ZCreateArticle, ZDeleteArticle, ZMoveArticle, ZUpdateArticle } from '../schema';
import { assertDraft, handbookEdit } from './draft';
import { articleContent, type ArticleContent } from '../rules';

export function searchColumns(a: Omit<ArticleContent, 'orgTypes'>) {
  return {
    searchTitle: searchWords(`${a.title} ${a.tags.join(' ')}`).join(' '),
    searchBody: searchWords([a.what, a.who, a.how, a.when, a.standard].join('\n')).join(' '),
  };
}

async function loadArticle(tx: Tx, id: string) {
  const a = await tx.article.findUnique({ where: { id } });
  if (!a) throw new NotFoundError();
  return a;
}

export const updateArticle = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZUpdateArticle>) => {
    const before = await loadArticle(tx, input.id);
    await assertDraft(tx, before.versionId);
    const { id, lockVersion, ...fields } = input;
    const changed = await tx.article.updateMany({
      where: { id, lockVersion },
      data: { ...fields, ...searchColumns(fields), lockVersion: { increment: 1 } },
    });
    if (changed.count === 0) throw new UserError('handbook.errors.conflict');
    const after = await loadArticle(tx, id);
    const pick = (a: typeof before) => ({ number: a.number, ...articleContent(a) });
    await trace(tx, ctx.actor, 'handbook.article.update', 'Article', id, {
      before: pick(before),
      after: pick(after),
    });
    return { id, lockVersion: after.lockVersion };
  },
);

/** Articles are numbered 1..n across the parts in order; rewrite the numbers after a structural change. */
async function renumber(tx: Tx, versionId: string, orderedIds: string[]) {
  await tx.$executeRaw`UPDATE "Article" SET number = -number WHERE "versionId" = ${versionId}::uuid`;
  await tx.$executeRaw`
    UPDATE "Article" a SET number = o.n
    FROM unnest(${orderedIds}::uuid[]) WITH ORDINALITY AS o(id, n)
    WHERE a.id = o.id`;
}

async function orderedIds(tx: Tx, versionId: string) {
  const rows = await tx.article.findMany({
    where: { versionId },
    select: { id: true },
    orderBy: [{ part: { number: 'asc' } }, { number: 'asc' }],
  });
  return rows.map((r) => r.id);
}

export const createArticle = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZCreateArticle>) => {
    const part = await tx.handbookPart.findUnique({ where: { id: input.partId } });
    if (!part) throw new NotFoundError();
    await assertDraft(tx, part.versionId);
    const id = randomUUID();
    const last = await tx.article.aggregate({ where: { versionId: part.versionId }, _max: { number: true } });
    const fields = {
      title: input.title,
      what: '',
      who: '',
      how: '',
      when: '',
      standard: '',
      tags: [] as string[],
    };
    await tx.article.create({
      data: {
        id,
        key: randomUUID(),
        versionId: part.versionId,
        partId: part.id,
        number: (last._max.number ?? 0) + 1000,
        ...fields,
        ...searchColumns(fields),
        orgTypes: ['BRANCH'],
      },
    });
    // Its provisional number sorts it last in its part; renumbering closes the gap across parts.
    await renumber(tx, part.versionId, await orderedIds(tx, part.versionId));
    await trace(tx, ctx.actor, 'handbook.article.create', 'Article', id, {
      after: { title: input.title, part: part.number },
    });
    return { id };
  },
);

/** Moves an article one place up or down within its part. */
export const moveArticle = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZMoveArticle>) => {
    const a = await loadArticle(tx, input.id);
    await assertDraft(tx, a.versionId);
    const neighbour = await tx.article.findFirst({
      where: { partId: a.partId, number: input.direction === 'up' ? { lt: a.number } : { gt: a.number } },
      orderBy: { number: input.direction === 'up' ? 'desc' : 'asc' },
    });
    if (!neighbour) return { moved: false };
    const ids = await orderedIds(tx, a.versionId);
    const i = ids.indexOf(a.id);
    const j = ids.indexOf(neighbour.id);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await renumber(tx, a.versionId, ids);
    await trace(tx, ctx.actor, 'handbook.article.move', 'Article', a.id, {
      before: { number: a.number },
      after: { number: neighbour.number },
    });
    return { moved: true };
  },
);

export const deleteArticle = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZDeleteArticle>) => {
    const a = await loadArticle(tx, input.id);
    await assertDraft(tx, a.versionId);
    await tx.article.delete({ where: { id: a.id } });
    await renumber(tx, a.versionId, await orderedIds(tx, a.versionId));
    await trace(tx, ctx.actor, 'handbook.article.delete', 'Article', a.id, {
      before: { number: a.number, title: a.title },
    });
    return { id: a.id };
  },
);
