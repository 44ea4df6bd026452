/**
 * Importing a workbook into the draft: all or nothing. The workbook replaces the draft's parts,
 * articles, prescribed actions and scoring standard. Articles keep their keys (so version diffs stay
 * meaningful) where their number already existed, actions and criteria where their code did; the
 * templates of a kept article stay attached.
 */
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { searchColumns } from './articles';
import { parseWorkbook, type SheetError } from '../excel';
import { assertCanCompanyWide } from '../../policy';
import { editHandbook } from './draft';

export type HandbookImportReport =
  { ok: true; articles: number; actions: number; criteria: number } | { ok: false; errors: SheetError[] };

export async function importIntoDraft(
  client: Db,
  ctx: ActionContext,
  buffer: Buffer,
): Promise<HandbookImportReport> {
  await assertCanCompanyWide(client, ctx.user, 'handbook.edit');
  const draft = await client.handbookVersion.findFirst({ where: { status: 'DRAFT' } });
  if (!draft) throw new UserError('handbookImport.errors.noDraft');
  const { data, errors } = await parseWorkbook(buffer);
  if (!data) return { ok: false, errors };

  return editHandbook(
    client,
    ctx,
    async (tx) => {
      const current = await tx.handbookVersion.findUnique({
        where: { id: draft.id },
        select: { status: true },
      });
      if (current?.status !== 'DRAFT') throw new UserError('handbook.errors.frozen', { label: draft.label });
      const oldArticles = await tx.article.findMany({
        where: { versionId: draft.id },
        include: { attachments: true },
      });
      const oldActions = await tx.prescribedAction.findMany({
        where: { versionId: draft.id },
        select: { code: true, key: true },
      });
      const oldCriteria = await tx.scoringCriterion.findMany({
        where: { category: { standard: { versionId: draft.id } } },
        select: { code: true, key: true },
      });
      const keep = new Map(oldArticles.map((a) => [a.number, a]));
      // The workbook holds criteria, not the standard's settings: the bonus cap stays as the draft had it.
      const oldBonusCap =
        (await tx.scoringStandard.findUnique({ where: { versionId: draft.id }, select: { bonusCap: true } }))
          ?.bonusCap ?? 0;

      await tx.handbookPart.deleteMany({ where: { versionId: draft.id } });
      await tx.scoringStandard.deleteMany({ where: { versionId: draft.id } });

      const parts = new Map<number, string>();
      for (const a of data.articles) {
        if (!parts.has(a.partNumber))
          parts.set(
            a.partNumber,
            (
              await tx.handbookPart.create({
                data: { versionId: draft.id, number: a.partNumber, title: a.partTitle },
              })
            ).id,
          );
      }
      const articleIds = new Map<number, string>();
      await tx.article.createMany({
        data: data.articles.map(({ partNumber, partTitle: _t, ...a }) => {
          const id = randomUUID();
          articleIds.set(a.number, id);
          return {
            ...a,
            id,
            versionId: draft.id,
            partId: parts.get(partNumber)!,
            key: keep.get(a.number)?.key ?? randomUUID(),
            ...searchColumns(a),
          };
        }),
      });
      await tx.articleAttachment.createMany({
        data: data.articles.flatMap((a) =>
          (keep.get(a.number)?.attachments ?? []).map(({ id: _i, articleId: _a, createdAt: _c, ...f }) => ({
            ...f,
            articleId: articleIds.get(a.number)!,
          })),
        ),
      });
      const actionKey = new Map(oldActions.map((x) => [x.code, x.key]));
      await tx.prescribedAction.createMany({
        data: data.actions.map(({ articleNumber, dueKind, dueN, ...x }, i) => ({
          ...x,
          versionId: draft.id,
          articleId: articleIds.get(articleNumber)!,
          key: actionKey.get(x.code) ?? randomUUID(),
          dueRule: { kind: dueKind, n: dueN },
          sortOrder: i,
        })),
      });
      const standard = await tx.scoringStandard.create({
        data: {
          versionId: draft.id,
          title: '基层党建工作标准化考核标准',
          totalPoints: 100,
          bonusCap: oldBonusCap,
        },
      });
      const criterionKey = new Map(oldCriteria.map((k) => [k.code, k.key]));
      const categories = new Map<string, string>();
      for (const [i, k] of data.criteria.entries()) {
        if (!categories.has(k.categoryCode)) {
          categories.set(
            k.categoryCode,
            (
              await tx.scoringCategory.create({
                data: {
                  standardId: standard.id,
                  code: k.categoryCode,
                  title: k.categoryTitle,
                  sortOrder: categories.size,
                },
              })
            ).id,
          );
        }
        const { categoryCode: _c, categoryTitle: _t, articleNumbers, levels, ruleParams, ...fields } = k;
        const row = await tx.scoringCriterion.create({
          data: {
            ...fields,
            levels: levels ?? Prisma.DbNull,
            ruleParams: (ruleParams as Prisma.InputJsonObject | null) ?? Prisma.DbNull,
            categoryId: categories.get(k.categoryCode)!,
            key: criterionKey.get(k.code) ?? randomUUID(),
            sortOrder: i,
          },
        });
        await tx.criterionArticle.createMany({
          data: [...new Set(articleNumbers)].map((n) => ({
            criterionId: row.id,
            articleId: articleIds.get(n)!,
          })),
        });
      }
      const counts = {
        articles: data.articles.length,
        actions: data.actions.length,
        criteria: data.criteria.length,
      };
      await trace(tx, ctx.actor, 'handbook.import', 'HandbookVersion', draft.id, {
        before: { articles: oldArticles.length },
        after: counts,
      });
      return { ok: true as const, ...counts };
    },
    { timeout: 120_000 },
  );
}
