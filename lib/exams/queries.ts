import 'server-only';
import { db } from '../db';
import type { Subject } from '../policy';
import { bankArticles, bankPage, questionForEdit, type BankFilter } from './bank-read';
import { attemptView, auditExam, examResults, examsForUser } from './read';

export const examsFor = (user: Subject) => examsForUser(db, user);
export const attemptViewFor = (user: Subject, id: string) => attemptView(db, user, id);
export const examResultsFor = (user: Subject, id: string) => examResults(db, user, id);
export const auditExamFor = (user: Subject, auditId: string) => auditExam(db, user, auditId);

/** How many current questions of each type the bank holds (for the exam form). */
export async function bankCountsNow() {
  const rows = await db.question.groupBy({ by: ['type'], where: { current: true }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.type, r._count._all])) as Record<string, number>;
}
export const bankPageFor = (user: Subject, filter: BankFilter, page: number) =>
  bankPage(db, user, filter, page);
export const bankArticlesFor = (user: Subject) => bankArticles(db, user);
export const questionForEditFor = (user: Subject, id: string) => questionForEdit(db, user, id);
