/**
 * The draft's scoring standard: categories and criteria with their deduction rules and the articles
 * they cite. Totals may be off while editing; publishing refuses a standard that is not exactly 100.
 */
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client';
import { paramsFromText, parseRule } from '../../ledger/rules';
import type { z } from 'zod';
import { trace } from '../../audit-log';
import type { Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import type {
  ZCreateCategory,
  ZCreateCriterion,
  ZDeleteCategory,
  ZDeleteCriterion,
  ZSetBonusCap,
  ZUpdateCriterion,
} from '../schema';
import { levelsFromText } from '../schema';
import { assertDraft, handbookEdit } from './draft';

export function parseArticleNumbers(s: string): number[] {
  return [
    ...new Set(
      s
        .split(/[，,、\s]+/)
        .filter(Boolean)
        .map(Number),
    ),
  ].sort((a, b) => a - b);
}

/** Article ids of `versionId` for the cited numbers; unknown numbers are refused by name. */
async function articleIds(tx: Tx, versionId: string, cited: string) {
  const numbers = parseArticleNumbers(cited);
  const rows = await tx.article.findMany({
    where: { versionId, number: { in: numbers } },
    select: { id: true, number: true },
  });
  const missing = numbers.filter((n) => !rows.some((r) => r.number === n));
  if (missing.length)
    throw new UserError('handbook.errors.unknownArticles', { numbers: missing.join('、') }, 'articleNumbers');
  return rows.map((r) => r.id);
}

async function categoryWithVersion(tx: Tx, categoryId: string) {
  const c = await tx.scoringCategory.findUnique({
    where: { id: categoryId },
    include: { standard: { select: { versionId: true } } },
  });
  if (!c) throw new NotFoundError();
  return c;
}

async function assertCodeFree(tx: Tx, versionId: string, code: string, exceptId?: string) {
  const clash = await tx.scoringCriterion.findFirst({
    where: { code, category: { standard: { versionId } }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new UserError('handbook.errors.codeTaken', { code }, 'code');
}

/** The form's fields as columns: levels and rule parameters parsed, what the kind does not use left empty. */
const fields = (f: Omit<z.output<typeof ZCreateCriterion>, 'categoryId' | 'articleNumbers'>) => {
  const levels = f.kind === 'GRADE' || f.kind === 'BONUS' ? levelsFromText(f.levels) : null;
  const rule = f.kind === 'COMPUTED' ? parseRule(f.ruleKey, paramsFromText(f.ruleParams)) : null;
  return {
    ...f,
    cap: f.cap ?? null,
    levels: levels ?? Prisma.DbNull,
    vetoBand: f.kind === 'VETO' ? (f.vetoBand ?? null) : null,
    ruleKey: rule?.ok ? rule.key : null,
    ruleParams: rule?.ok ? (rule.params as Prisma.InputJsonObject) : Prisma.DbNull,
  };
};

export const createCategory = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZCreateCategory>) => {
    await assertDraft(tx, input.versionId);
    const standard =
      (await tx.scoringStandard.findUnique({ where: { versionId: input.versionId } })) ??
      (await tx.scoringStandard.create({
        data: { versionId: input.versionId, title: '基层党建工作标准化考核标准', totalPoints: 100 },
      }));
    if (await tx.scoringCategory.findFirst({ where: { standardId: standard.id, code: input.code } }))
      throw new UserError('handbook.errors.codeTaken', { code: input.code }, 'code');
    const count = await tx.scoringCategory.count({ where: { standardId: standard.id } });
    const row = await tx.scoringCategory.create({
      data: { standardId: standard.id, code: input.code, title: input.title, sortOrder: count },
    });
    await trace(tx, ctx.actor, 'handbook.category.create', 'ScoringCategory', row.id, {
      after: row,
    });
    return { id: row.id };
  },
);

export const deleteCategory = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZDeleteCategory>) => {
    const c = await categoryWithVersion(tx, input.id);
    await assertDraft(tx, c.standard.versionId);
    if (await tx.scoringCriterion.count({ where: { categoryId: c.id } }))
      throw new UserError('handbook.errors.categoryNotEmpty');
    await tx.scoringCategory.delete({ where: { id: c.id } });
    await trace(tx, ctx.actor, 'handbook.category.delete', 'ScoringCategory', c.id, {
      before: { code: c.code, title: c.title },
    });
    return { id: c.id };
  },
);

export const createCriterion = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZCreateCriterion>) => {
    const c = await categoryWithVersion(tx, input.categoryId);
    await assertDraft(tx, c.standard.versionId);
    const { categoryId: _c, articleNumbers, ...rest } = input;
    await assertCodeFree(tx, c.standard.versionId, rest.code);
    const ids = await articleIds(tx, c.standard.versionId, articleNumbers);
    const count = await tx.scoringCriterion.count({ where: { categoryId: c.id } });
    const row = await tx.scoringCriterion.create({
      data: { ...fields(rest), categoryId: c.id, key: randomUUID(), sortOrder: count },
    });
    await tx.criterionArticle.createMany({
      data: ids.map((articleId) => ({ criterionId: row.id, articleId })),
    });
    await trace(tx, ctx.actor, 'handbook.criterion.create', 'ScoringCriterion', row.id, {
      after: { ...row, articleNumbers },
    });
    return { id: row.id };
  },
);

export const updateCriterion = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZUpdateCriterion>) => {
    const before = await tx.scoringCriterion.findUnique({
      where: { id: input.id },
      include: {
        category: { include: { standard: { select: { versionId: true } } } },
        articles: { include: { article: { select: { number: true } } } },
      },
    });
    if (!before) throw new NotFoundError();
    const versionId = before.category.standard.versionId;
    await assertDraft(tx, versionId);
    const { id, articleNumbers, ...rest } = input;
    await assertCodeFree(tx, versionId, rest.code, id);
    const ids = await articleIds(tx, versionId, articleNumbers);
    const after = await tx.scoringCriterion.update({ where: { id }, data: fields(rest) });
    await tx.criterionArticle.deleteMany({ where: { criterionId: id } });
    await tx.criterionArticle.createMany({ data: ids.map((articleId) => ({ criterionId: id, articleId })) });
    const { category: _c, articles, ...plain } = before;
    await trace(tx, ctx.actor, 'handbook.criterion.update', 'ScoringCriterion', id, {
      before: { ...plain, articleNumbers: articles.map((l) => l.article.number).join(',') },
      after: { ...after, articleNumbers },
    });
    return { id };
  },
);

export const deleteCriterion = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZDeleteCriterion>) => {
    const k = await tx.scoringCriterion.findUnique({
      where: { id: input.id },
      include: { category: { include: { standard: { select: { versionId: true } } } } },
    });
    if (!k) throw new NotFoundError();
    await assertDraft(tx, k.category.standard.versionId);
    await tx.scoringCriterion.delete({ where: { id: k.id } });
    await trace(tx, ctx.actor, 'handbook.criterion.delete', 'ScoringCriterion', k.id, {
      before: { code: k.code, title: k.title, maxPoints: k.maxPoints },
    });
    return { id: k.id };
  },
);

/** The draft standard's bonus cap. */
export const setBonusCap = handbookEdit(
  async (tx, ctx: ActionContext, input: z.output<typeof ZSetBonusCap>) => {
    await assertDraft(tx, input.versionId);
    const before = await tx.scoringStandard.findUnique({ where: { versionId: input.versionId } });
    if (!before) throw new NotFoundError();
    await tx.scoringStandard.update({ where: { id: before.id }, data: { bonusCap: input.bonusCap } });
    await trace(tx, ctx.actor, 'handbook.bonusCap', 'ScoringStandard', before.id, {
      before: { bonusCap: before.bonusCap },
      after: { bonusCap: input.bonusCap },
    });
    return { id: before.id };
  },
);
