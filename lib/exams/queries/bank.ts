// The question bank as the committee reads it: a filtered page of current questions, one question
// to edit (with whether an attempt has used it), and the articles questions can be tied to.
import type { Db } from '../../db/client';
import { NotFoundError } from '../../errors';
import { assertCanCompanyWide, type Subject } from '../../policy';
import { publishedArticles } from '../mutations/bank-import';
import type { QuestionType } from '../rules';
import { db } from '../../db';

export const BANK_PAGE = 30;
export type BankFilter = { type?: QuestionType; article: string; tag: string; q: string };

async function assertManages(db: Db, user: Subject) {
  await assertCanCompanyWide(db, user, 'learning.manage');
}

export async function bankArticlesFor(user: Subject, client: Db = db) {
  await assertManages(client, user);
  return publishedArticles(client);
}

export async function bankPageFor(user: Subject, filter: BankFilter, page: number, client: Db = db) {
  const articles = await bankArticlesFor(user);
  const articleKey = articles.find((a) => String(a.number) === filter.article)?.key;
  const where = {
    current: true,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.article ? (articleKey ? { articleKeys: { has: articleKey } } : { id: { in: [] } }) : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.q ? { stem: { contains: filter.q, mode: 'insensitive' as const } } : {}),
  };
  const [rows, total] = await Promise.all([
    client.question.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * BANK_PAGE,
      take: BANK_PAGE,
    }),
    client.question.count({ where }),
  ]);
  return { rows, total, articles };
}

/** Only the current version is edited. */
export async function questionForEditFor(user: Subject, id: string, client: Db = db) {
  const articles = await bankArticlesFor(user);
  const q = await client.question.findUnique({ where: { id } });
  if (!q || !q.current) throw new NotFoundError();
  return { q, articles, used: await client.examAttempt.count({ where: { questionIds: { has: id } } }) };
}

/** How many current questions of each type the bank holds (for the exam form). */
export async function bankCountsNow(client: Db = db) {
  const rows = await client.question.groupBy({
    by: ['type'],
    where: { current: true },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.type, r._count._all])) as Record<string, number>;
}
