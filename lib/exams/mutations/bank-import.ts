/**
 * The question bank's sheet against the database: the export, and the import (COMMITTEE).
 *
 * The import is all or nothing. Every row is checked first — its fields (ZQuestion and
 * questionProblem, in parseBank), its article numbers against the published handbook, its key,
 * duplicates — and any problem yields a row-by-row report with nothing written; otherwise all rows
 * are written in one transaction, each with its own trace under the same actions as the form
 * (exams.question.create / .edit, marked via: 'import'), so a question's history reads the same
 * whichever way it came.
 *
 * 题目编号 (the key): empty → a new question. The key of a question in the bank → that question is
 * updated by the bank's versioning rule (used by an attempt: the row is retired and version+1 added,
 * so past attempts keep what was asked; unused: edited in place), and a row identical to the current
 * version changes nothing. So an export edited in Excel and imported again updates the bank instead
 * of doubling it. An unknown key, or one key on two rows, is refused.
 *
 * Duplicates: the same type and stem (trimmed, whitespace collapsed, NFKC) on two rows of the file,
 * or as a current question of the bank with another key, is refused.
 */
import { canonicalJson } from '../../audit-log';
import type { Db } from '../../db/client';
import { UserError } from '../../errors';
import type { Question } from '../../generated/prisma/client';
import { msg } from '../../i18n/message';
import type { ActionContext } from '../../action-context';
import { assertCanCompanyWide } from '../../policy';
import { insertQuestion, stemKey, traceQuestionEdit } from './bank';
import { exportBank, parseBank, type BankRow } from '../bank-excel';
import type { TQuestion } from '../schema';

export type BankImportReport =
  | { ok: true; created: number; updated: number; unchanged: number }
  | {
      ok: false;
      total: number;
      fileError?: string;
      rows: { row: number; stem: string; messages: string[] }[];
    };

/** What a question says, without its key or version: what a re-import compares. */
export const questionContent = (q: TQuestion | Question) => ({
  type: q.type,
  stem: q.stem,
  options: q.options,
  answer: q.answer,
  points: q.points,
  difficulty: q.difficulty,
  articleKeys: q.articleKeys,
  tags: q.tags,
});

const content = (q: TQuestion | Question) => canonicalJson(questionContent(q));

/** The published handbook's articles (stable key, number, title) in order; empty while none is published. */
export function publishedArticles(db: Db) {
  return db.article.findMany({
    where: { version: { status: 'PUBLISHED' } },
    select: { key: true, number: true, title: true },
    orderBy: { number: 'asc' },
  });
}

/** The current questions as the sheet the import reads; links to articles no longer in the handbook are left out. */
export async function exportCurrentBank(db: Db): Promise<Buffer> {
  const [questions, articles] = await Promise.all([
    db.question.findMany({ where: { current: true }, orderBy: [{ type: 'asc' }, { createdAt: 'asc' }] }),
    publishedArticles(db),
  ]);
  const numberOf = new Map(articles.map((a) => [a.key, a.number]));
  return exportBank(
    questions.map((q) => ({
      ...q,
      options: q.options as BankRow['options'],
      answer: q.answer as BankRow['answer'],
      articleNumbers: q.articleKeys.flatMap((k) => numberOf.get(k) ?? []),
    })),
  );
}

export async function importQuestions(
  db: Db,
  ctx: ActionContext,
  buffer: Buffer | ArrayBuffer,
): Promise<BankImportReport> {
  const root = await assertCanCompanyWide(db, ctx.user, 'learning.manage');
  const { rows, fileError } = await parseBank(buffer);
  if (fileError) return { ok: false, total: 0, fileError, rows: [] };

  const keyOfNumber = new Map((await publishedArticles(db)).map((a) => [a.number, a.key]));
  const bank = await db.question.findMany({ where: { current: true } });
  const byKey = new Map(bank.map((q) => [q.key, q]));
  const keysByStem = new Map<string, string[]>();
  for (const q of bank)
    keysByStem.set(stemKey(q.type, q.stem), [...(keysByStem.get(stemKey(q.type, q.stem)) ?? []), q.key]);

  const rowOfStem = new Map<string, number>();
  const rowOfKey = new Map<string, number>();
  const plan: { q: TQuestion; current?: Question }[] = [];
  for (const r of rows) {
    if (!r.data) continue;
    const { key, articleNumbers, ...fields } = r.data;
    const articleKeys = articleNumbers.map((n) => keyOfNumber.get(n));
    articleNumbers.forEach((n, i) => {
      if (!articleKeys[i]) r.errors.push(msg('bank.import.errors.unknownArticle', { number: n }));
    });
    const current = key ? byKey.get(key) : undefined;
    if (key) {
      if (!current) r.errors.push(msg('bank.import.errors.unknownKey', { key }));
      if (rowOfKey.has(key))
        r.errors.push(msg('bank.import.errors.duplicateKey', { other: rowOfKey.get(key)! }));
      else rowOfKey.set(key, r.row);
    }
    const sk = stemKey(fields.type, fields.stem);
    if (rowOfStem.has(sk))
      r.errors.push(msg('bank.import.errors.duplicateInFile', { other: rowOfStem.get(sk)! }));
    else rowOfStem.set(sk, r.row);
    if ((keysByStem.get(sk) ?? []).some((k) => k !== key))
      r.errors.push(msg('bank.import.errors.duplicateInBank'));
    plan.push({ q: { ...fields, articleKeys: articleKeys.filter((k): k is string => !!k) }, current });
  }
  const bad = rows.filter((r) => r.errors.length > 0);
  if (bad.length)
    return {
      ok: false,
      total: rows.length,
      rows: bad.map((r) => ({ row: r.row, stem: r.stem.slice(0, 40), messages: r.errors })),
    };

  const changed = plan.filter((p) => !p.current || content(p.current) !== content(p.q));
  const edits = changed.flatMap((p) => (p.current ? [p.current.id] : []));
  await db.$transaction(
    async (tx) => {
      const used = new Set(
        edits.length
          ? (
              await tx.examAttempt.findMany({
                where: { questionIds: { hasSome: edits } },
                select: { questionIds: true },
              })
            ).flatMap((a) => a.questionIds)
          : [],
      );
      for (const { q, current } of changed) {
        if (!current) {
          await insertQuestion(tx, ctx, root.path, q, { via: 'import' });
          continue;
        }
        const retire = used.has(current.id);
        // Checked above already; an edit made meanwhile may have retired the row: refuse the whole import.
        const n = await tx.question.updateMany({
          where: { id: current.id, current: true },
          data: retire ? { current: false } : q,
        });
        if (n.count === 0) throw new UserError('bank.import.errors.changedMeanwhile');
        const version = retire ? current.version + 1 : current.version;
        const rowId = retire
          ? (await tx.question.create({ data: { ...q, key: current.key, version } })).id
          : current.id;
        await traceQuestionEdit(tx, ctx, root.path, { before: current, rowId, version }, q, {
          via: 'import',
        });
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return {
    ok: true,
    created: changed.length - edits.length,
    updated: edits.length,
    unchanged: plan.length - changed.length,
  };
}
