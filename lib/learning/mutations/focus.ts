/**
 * 重点学习内容 from common problems: the committee picks the articles behind the criteria that lost the
 * most points last quarter; the focus is stored for the next quarter (article keys, so a new handbook
 * version keeps it), optionally marked as the next exams' focus, and published to the whole company as
 * an announcement with read receipts.
 */
import { z } from 'zod';
import type { ActionContext } from '../../action-context';
import { publishAnnouncement } from '../../announcements/mutations';
import { trace } from '../../audit-log';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import { assertCanCompanyWide } from '../../policy';
import { ZCreateFocus } from '../schema';

export async function createLearningFocus(db: Db, ctx: ActionContext, input: z.output<typeof ZCreateFocus>) {
  const root = await assertCanCompanyWide(db, ctx.user, 'learning.manage');
  const articles = await db.article.findMany({
    where: { id: { in: input.articleIds }, version: { status: 'PUBLISHED' } },
    select: { key: true, number: true, title: true },
  });
  if (articles.length !== new Set(input.articleIds).size) throw new UserError('learning.errors.notPublished');
  const announcement = input.publish
    ? await publishAnnouncement(
        db,
        ctx,
        {
          title: input.title,
          body: `${input.body}\n\n${articles.map((a) => `第${a.number}条 ${a.title}`).join('\n')}`,
          targetOrgIds: [root.id],
        },
        [],
      )
    : null;
  return db.$transaction(async (tx) => {
    const f = await tx.learningFocus.create({
      data: {
        periodKey: input.periodKey,
        sourceQuarter: input.sourceQuarter ?? null,
        title: input.title,
        body: input.body,
        articleKeys: articles.map((a) => a.key),
        examFocus: input.examFocus,
        announcementId: announcement?.id ?? null,
        createdById: ctx.user.id,
      },
    });
    await trace(tx, ctx.actor, 'learning.focus', 'LearningFocus', f.id, {
      orgPath: root.path,
      after: {
        periodKey: input.periodKey,
        articles: articles.map((a) => a.number),
        examFocus: input.examFocus,
        announcementId: announcement?.id,
      },
    });
    return {
      id: f.id,
      announcementId: announcement?.id ?? null,
      deliveryIds: announcement?.deliveryIds ?? [],
    };
  });
}

/** The focus articles (by key) of a quarter, marked as exam focus — what the exams issue draws on. */
export async function examFocusKeys(db: Db, periodKey: string): Promise<string[]> {
  const rows = await db.learningFocus.findMany({
    where: { periodKey, examFocus: true },
    select: { articleKeys: true },
  });
  return [...new Set(rows.flatMap((r) => r.articleKeys))];
}
