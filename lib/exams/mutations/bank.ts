/**
 * The question bank (COMMITTEE). Questions are versioned by key: editing one that an attempt has
 * used retires that row (current = false) and adds the next version, so past attempts keep what was
 * asked; an unused question is edited in place.
 */
import { randomUUID } from 'node:crypto';
import { trace } from '../../audit-log';
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { assertCanCompanyWide } from '../../policy';
import { questionProblem } from '../rules';
import type { TQuestion } from '../schema';

/** Two questions are the same when type and stem match after width-folding and collapsing whitespace. */
export const stemKey = (type: string, stem: string) =>
  `${type}\u0000${stem.normalize('NFKC').trim().replace(/\s+/g, ' ')}`;

async function assertNoTwin(db: Db, q: TQuestion, exceptKey?: string) {
  const same = await db.question.findMany({
    where: { current: true, type: q.type, ...(exceptKey ? { key: { not: exceptKey } } : {}) },
    select: { stem: true },
  });
  const k = stemKey(q.type, q.stem);
  if (same.some((x) => stemKey(q.type, x.stem) === k))
    throw new UserError('exams.errors.duplicate', {}, 'stem');
}

function check(q: TQuestion) {
  const p = questionProblem({ type: q.type, options: q.options, answer: q.answer as unknown[] });
  if (p) throw new UserError(p);
}

/** A new question with a key of its own, traced as exams.question.create; `mark`: how it came (an import). */
export async function insertQuestion(
  tx: Tx,
  ctx: ActionContext,
  orgPath: string,
  q: TQuestion,
  mark: { via?: 'import' } = {},
) {
  const row = await tx.question.create({ data: { ...q, key: randomUUID() } });
  await trace(tx, ctx.actor, 'exams.question.create', 'Question', row.id, {
    orgPath,
    after: { ...q, ...mark },
  });
  return row;
}

/**
 * The trace of an edit: what the question said before, and the row (`rowId`, at `version`) that now holds `q`;
 * `mark`: how it came (an import).
 */
export async function traceQuestionEdit(
  tx: Tx,
  ctx: ActionContext,
  orgPath: string,
  edited: { before: { stem: string; answer: unknown; version: number }; rowId: string; version: number },
  q: TQuestion,
  mark: { via?: 'import' } = {},
) {
  const { before, rowId, version } = edited;
  await trace(tx, ctx.actor, 'exams.question.edit', 'Question', rowId, {
    orgPath,
    before: { stem: before.stem, answer: before.answer, version: before.version },
    after: { ...q, version, ...mark },
  });
}

export async function createQuestion(db: Db, ctx: ActionContext, q: TQuestion) {
  const r = await assertCanCompanyWide(db, ctx.user, 'learning.manage');
  check(q);
  await assertNoTwin(db, q);
  return db.$transaction(async (tx) => {
    const row = await insertQuestion(tx, ctx, r.path, q);
    return { id: row.id, key: row.key };
  });
}

export async function editQuestion(db: Db, ctx: ActionContext, id: string, q: TQuestion) {
  const r = await assertCanCompanyWide(db, ctx.user, 'learning.manage');
  check(q);
  const before = await db.question.findUnique({ where: { id } });
  if (!before || !before.current) throw new NotFoundError();
  await assertNoTwin(db, q, before.key);
  const used = await db.examAttempt.count({ where: { questionIds: { has: id } } });
  return db.$transaction(async (tx) => {
    let rowId = id;
    if (used) {
      await tx.question.update({ where: { id }, data: { current: false } });
      rowId = (await tx.question.create({ data: { ...q, key: before.key, version: before.version + 1 } })).id;
    } else {
      await tx.question.update({ where: { id }, data: q });
    }
    const version = used ? before.version + 1 : before.version;
    await traceQuestionEdit(tx, ctx, r.path, { before, rowId, version }, q);
    return { id: rowId, newVersion: used > 0 };
  });
}
