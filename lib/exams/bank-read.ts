// The question bank as the committee reads it: a filtered page of current questions, one question
// to edit (with whether an attempt has used it), and the articles questions can be tied to.
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { assertCanCompanyWide, type Subject } from '../policy';
import { publishedArticles } from './bank-import';
import type { QuestionType } from './rules';

export const BANK_PAGE = 30;
export type BankFilter = { type?: QuestionType; article: string; tag: string; q: string };

async function assertManages(db: Db, user: Subject) {
  await assertCanCompanyWide(db, user, 'learning.manage');
}

export async function bankArticles(db: Db, user: Subject) {
  await assertManages(db, user);
  return publishedArticles(db);
}

export async function bankPage(db: Db, user: Subject, filter: BankFilter, page: number) {
  const articles = await bankArticles(db, user);
  const articleKey = articles.find((a) => String(a.number) === filter.article)?.key;
  const where = {
    current: true,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.article ? (articleKey ? { articleKeys: { has: articleKey } } : { id: { in: [] } }) : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.q ? { stem: { contains: filter.q, mode: 'insensitive' as const } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.question.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * BANK_PAGE,
      take: BANK_PAGE,
    }),
    db.question.count({ where }),
  ]);
  return { rows, total, articles };
}

/** Only the current version is edited. */
export async function questionForEdit(db: Db, user: Subject, id: string) {
  const articles = await bankArticles(db, user);
  const q = await db.question.findUnique({ where: { id } });
  if (!q || !q.current) throw new NotFoundError();
  return { q, articles, used: await db.examAttempt.count({ where: { questionIds: { has: id } } }) };
}
