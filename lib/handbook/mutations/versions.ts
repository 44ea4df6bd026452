/**
 * Handbook versions: a draft is copied from the published version (same article/action/criterion
 * keys, so versions can be compared); publishing checks completeness and the 100-point total, freezes
 * the draft and supersedes the old version, which stays readable.
 */
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client';
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { missingAnswers, sumDifference } from '../rules';
import type { ZCreateDraft, ZPublishVersion } from '../schema';
import { editHandbook, handbookEdit } from './draft';

export async function createDraft(client: Db, ctx: ActionContext, input: z.output<typeof ZCreateDraft>) {
  return editHandbook(
    client,
    ctx,
    async (tx) => {
      if (await tx.handbookVersion.findFirst({ where: { status: 'DRAFT' }, select: { id: true } })) {
        throw new UserError('handbook.errors.draftExists');
      }
      const published = await tx.handbookVersion.findFirst({
        where: { status: 'PUBLISHED' },
        select: { id: true },
      });
      const draft = await tx.handbookVersion.create({
        data: { label: input.label, basedOnId: published?.id ?? null },
      });
      if (published) await copyContent(tx, published.id, draft.id);
      await trace(tx, ctx.actor, 'handbook.draft.create', 'HandbookVersion', draft.id, {
        after: { label: draft.label, basedOnId: draft.basedOnId },
      });
      return draft;
    },
    { timeout: 60_000 },
  );
}

/** Copies parts, articles, attachments, prescribed actions and the scoring standard, keeping keys. */
export async function copyContent(tx: Tx, fromId: string, toId: string) {
  const parts = await tx.handbookPart.findMany({ where: { versionId: fromId } });
  const partIds = new Map(parts.map((p) => [p.id, randomUUID()]));
  await tx.handbookPart.createMany({
    data: parts.map((p) => ({ ...p, id: partIds.get(p.id)!, versionId: toId })),
  });

  const articles = await tx.article.findMany({
    where: { versionId: fromId },
    include: { attachments: true },
  });
  const articleIds = new Map(articles.map((a) => [a.id, randomUUID()]));
  await tx.article.createMany({
    data: articles.map(({ attachments: _a, updatedAt: _u, ...a }) => ({
      ...a,
      id: articleIds.get(a.id)!,
      versionId: toId,
      partId: partIds.get(a.partId)!,
      lockVersion: 0,
    })),
  });
  await tx.articleAttachment.createMany({
    data: articles.flatMap((a) =>
      a.attachments.map((f) => ({ ...f, id: randomUUID(), articleId: articleIds.get(a.id)! })),
    ),
  });

  const actions = await tx.prescribedAction.findMany({ where: { versionId: fromId } });
  await tx.prescribedAction.createMany({
    data: actions.map((x) => ({
      ...x,
      id: randomUUID(),
      versionId: toId,
      articleId: articleIds.get(x.articleId)!,
      dueRule: x.dueRule as object,
    })),
  });

  const standard = await tx.scoringStandard.findUnique({
    where: { versionId: fromId },
    include: { categories: { include: { criteria: { include: { articles: true } } } } },
  });
  if (!standard) return;
  const newStandard = await tx.scoringStandard.create({
    data: {
      versionId: toId,
      title: standard.title,
      totalPoints: standard.totalPoints,
      bonusCap: standard.bonusCap,
    },
  });
  for (const c of standard.categories) {
    const cat = await tx.scoringCategory.create({
      data: { standardId: newStandard.id, code: c.code, title: c.title, sortOrder: c.sortOrder },
    });
    const ids = c.criteria.map(() => randomUUID());
    await tx.scoringCriterion.createMany({
      data: c.criteria.map(({ articles: _l, levels, ruleParams, ...k }, i) => ({
        ...k,
        levels: levels ?? Prisma.DbNull,
        ruleParams: ruleParams ?? Prisma.DbNull,
        id: ids[i]!,
        categoryId: cat.id,
      })),
    });
    await tx.criterionArticle.createMany({
      data: c.criteria.flatMap((k, i) =>
        k.articles.map((l) => ({ criterionId: ids[i]!, articleId: articleIds.get(l.articleId)! })),
      ),
    });
  }
}

export type PublishProblems = {
  noArticles: boolean;
  incomplete: { number: number; title: string; missing: string[] }[];
  standard: { missing: boolean; sum: number; total: number; difference: number };
};

/** What stands between a draft and publication (empty lists and difference 0 when nothing). */
export async function publishProblems(client: Db | Tx, versionId: string): Promise<PublishProblems> {
  const articles = await client.article.findMany({
    where: { versionId },
    select: { number: true, title: true, what: true, who: true, how: true, when: true, standard: true },
    orderBy: { number: 'asc' },
  });
  const standard = await client.scoringStandard.findUnique({
    where: { versionId },
    select: { totalPoints: true, categories: { select: { criteria: { select: { maxPoints: true } } } } },
  });
  const points = standard?.categories.flatMap((c) => c.criteria.map((k) => k.maxPoints)) ?? [];
  const total = standard?.totalPoints ?? 100;
  return {
    noArticles: articles.length === 0,
    incomplete: articles
      .map((a) => ({ number: a.number, title: a.title, missing: missingAnswers(a) }))
      .filter((a) => a.missing.length > 0),
    standard: {
      missing: !standard,
      sum: points.reduce((s, x) => s + x, 0),
      total,
      difference: sumDifference(points, total),
    },
  };
}

export function isPublishable(p: PublishProblems): boolean {
  return !p.noArticles && p.incomplete.length === 0 && !p.standard.missing && p.standard.difference === 0;
}

export const publishVersion = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZPublishVersion>) => {
    const draft = await tx.handbookVersion.findUnique({ where: { id: input.versionId } });
    if (!draft) throw new NotFoundError();
    if (draft.status !== 'DRAFT') throw new UserError('handbook.errors.frozen', { label: draft.label });
    const p = await publishProblems(tx, draft.id);
    if (p.noArticles) throw new UserError('handbook.errors.noArticles');
    if (p.incomplete.length) {
      throw new UserError('handbook.errors.incomplete', {
        count: p.incomplete.length,
        numbers: p.incomplete.map((a) => a.number).join('、'),
      });
    }
    if (p.standard.missing) throw new UserError('handbook.errors.noStandard');
    if (p.standard.difference !== 0) {
      throw new UserError('handbook.errors.sumMismatch', {
        sum: p.standard.sum,
        total: p.standard.total,
        difference: p.standard.difference,
      });
    }
    const old = await tx.handbookVersion.findFirst({ where: { status: 'PUBLISHED' } });
    if (old) await tx.handbookVersion.update({ where: { id: old.id }, data: { status: 'SUPERSEDED' } });
    const published = await tx.handbookVersion.update({
      where: { id: draft.id },
      data: {
        status: 'PUBLISHED',
        publishedAt: new Date(),
        changeSummary: input.changeSummary ?? draft.changeSummary,
        effectiveDate: input.effectiveDate
          ? new Date(`${input.effectiveDate}T00:00:00Z`)
          : new Date(new Date().toISOString().slice(0, 10)),
      },
    });
    await trace(tx, ctx.actor, 'handbook.publish', 'HandbookVersion', draft.id, {
      before: { status: 'DRAFT', supersedes: old?.label ?? null },
      after: { status: 'PUBLISHED', label: published.label, effectiveDate: published.effectiveDate },
    });
    return published;
  },
);
