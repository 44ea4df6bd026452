/**
 * The attempt lifecycle. The server keeps the clock: an attempt's deadline is fixed when it starts
 * (duration, capped by the exam's close); a save after it is refused and the attempt submitted as it
 * stands; reads finalize expired attempts. Answers are merged into the row one by one (jsonb), so
 * saves from two tabs never lose each other. Submission flips IN_PROGRESS → SUBMITTED under a
 * conditional update: of two submissions of one attempt exactly one grades it.
 */
import pg from 'pg';
import { trace, tracedStatement } from '../../audit-log';
import type { Db, Tx } from '../../db/client';
import { ForbiddenError, NotFoundError, UserError } from '../../errors';
import type { ActionContext } from '../../action-context';
import { canTakeExam, isOwner, type Subject } from '../../policy';
import { examFocusKeys } from '../../learning/mutations/focus';
import { audienceOf } from '../../training/mutations';
import { periodOf, cstDay } from '../../calendar';
import { drawPaper, grade, shuffledOptions, type PaperRules, type QuestionType } from '../rules';

/** Who may take an exam: a training class's invitees, an audited unit's people, or its own units and roles. */
export async function examAudience(
  db: Db,
  exam: { orgIds: string[]; roles: string[]; trainingId?: string | null; auditId?: string | null },
) {
  if (exam.trainingId) {
    const s = await db.trainingSession.findUnique({
      where: { id: exam.trainingId },
      select: { invitedOrgIds: true, invitedUserIds: true },
    });
    return { ...(s ? await audienceOf(db, s) : { targetPaths: [], userIds: [] }), roles: exam.roles };
  }
  if (exam.auditId) {
    const a = await db.audit.findUnique({
      where: { id: exam.auditId },
      select: { org: { select: { path: true } } },
    });
    // An audit that vanished leaves an audience nobody is in (a path no unit has), never everyone.
    return { targetPaths: [a?.org.path ?? '/none/'], roles: exam.roles };
  }
  const orgs = await db.organization.findMany({ where: { id: { in: exam.orgIds } }, select: { path: true } });
  return { targetPaths: orgs.map((o) => o.path), roles: exam.roles };
}

async function memberPath(db: Db, userId: string) {
  return (
    (
      await db.user.findUnique({
        where: { id: userId },
        select: { org: { select: { id: true, path: true } } },
      })
    )?.org ?? null
  );
}

export async function startAttempt(db: Db, ctx: ActionContext, examId: string, now = new Date()) {
  const exam = await db.exam.findUnique({ where: { id: examId } });
  if (!exam) throw new NotFoundError();
  const org = await memberPath(db, ctx.user.id);
  if (!canTakeExam(ctx.user, await examAudience(db, exam), org?.path)) throw new ForbiddenError();
  if (now < exam.opensAt) throw new UserError('exams.errors.notOpen');
  if (now > exam.closesAt) throw new UserError('exams.errors.closed');
  const previous = await db.examAttempt.findMany({
    where: { examId, userId: ctx.user.id },
    orderBy: { attemptNo: 'desc' },
  });
  const open = previous.find((a) => a.status === 'IN_PROGRESS');
  if (open) return { id: open.id };
  const retakes = (exam.rules as { retakes?: number }).retakes ?? 0;
  if (previous.length > retakes) throw new UserError('exams.errors.alreadyTaken');
  const attemptNo = (previous[0]?.attemptNo ?? 0) + 1;
  const bank = await db.question.findMany({
    where: { current: true },
    select: {
      id: true,
      key: true,
      type: true,
      difficulty: true,
      articleKeys: true,
      tags: true,
      points: true,
    },
    orderBy: { key: 'asc' },
  });
  const focus = await examFocusKeys(db, periodOf('QUARTER', cstDay(now)).key);
  const seed = `${examId}:${ctx.user.id}:${attemptNo}`;
  const questionIds = drawPaper(
    bank.map((q) => ({ ...q, type: q.type as QuestionType })),
    exam.rules as PaperRules,
    focus,
    seed,
  );
  if (!questionIds.length) throw new UserError('exams.errors.emptyPaper');
  const drawn = await db.question.findMany({
    where: { id: { in: questionIds } },
    select: { id: true, options: true },
  });
  const maxScore = questionIds.reduce((s, id) => s + bank.find((q) => q.id === id)!.points, 0);
  const deadline = new Date(Math.min(now.getTime() + exam.durationMin * 60_000, exam.closesAt.getTime()));
  const a = await db.$transaction(async (tx) => {
    const created = await tx.examAttempt.create({
      data: {
        examId,
        userId: ctx.user.id,
        orgId: org?.id ?? null,
        attemptNo,
        seed,
        questionIds,
        // Each choice question's options in an order of this candidate's own, fixed for the attempt.
        optionOrders: Object.fromEntries(
          drawn.flatMap((q) => {
            const ids = (q.options as { id: string }[]).map((o) => o.id);
            return ids.length > 1 ? [[q.id, shuffledOptions(ids, `${seed}:${q.id}`)]] : [];
          }),
        ),
        deadline,
        maxScore,
        startedAt: now,
      },
    });
    await trace(tx, ctx.actor, 'exams.start', 'ExamAttempt', created.id, {
      orgPath: exam.orgPath,
      after: { exam: examId, attemptNo, questions: questionIds.length, deadline },
    });
    return created;
  });
  return { id: a.id };
}

async function ownAttempt(db: Db | Tx, user: Subject, id: string) {
  const a = await db.examAttempt.findUnique({ where: { id } });
  if (!a || !isOwner(user, a.userId)) throw new NotFoundError();
  return a;
}

export async function saveAnswer(
  db: Db,
  user: Subject,
  input: { attemptId: string; questionId: string; answer: unknown },
  now = new Date(),
  actor?: ActionContext['actor'],
) {
  const a = await ownAttempt(db, user, input.attemptId);
  if (!a.questionIds.includes(input.questionId)) throw new UserError('validation.invalid');
  if (a.status !== 'IN_PROGRESS') throw new UserError('exams.errors.submitted');
  if (now > a.deadline) {
    await submitAttempt(db, { user, actor: { id: user.id, name: null } }, a.id, now, true);
    throw new UserError('exams.errors.timeUp');
  }
  // Every answer given is traced with the save (who answered what, when): an exam's record is the person's own. The
  // save and its trace commit together in two round trips (lib/audit-log.ts tracedStatement): 50 candidates saving at once
  // otherwise queued on the trace chain's lock.
  const lit = pg.escapeLiteral;
  const changed = await tracedStatement(
    db,
    `UPDATE "ExamAttempt" SET answers = answers || jsonb_build_object(${lit(input.questionId)}::text, ${lit(JSON.stringify(input.answer ?? null))}::jsonb)
      WHERE id = ${lit(a.id)}::uuid AND status = 'IN_PROGRESS' AND deadline >= ${lit(now.toISOString())}::timestamptz`,
    actor ?? { id: user.id, name: null },
    {
      action: 'exams.answer',
      entityType: 'ExamAttempt',
      entityId: a.id,
      after: { question: input.questionId, answer: input.answer ?? null },
    },
  );
  if (!changed) throw new UserError('exams.errors.submitted');
  return { saved: true };
}

/** Submits and grades once. `auto` marks a time-out submission (by the server, not the person). */
export async function submitAttempt(
  db: Db,
  ctx: ActionContext,
  attemptId: string,
  now = new Date(),
  auto = false,
) {
  const a = await ownAttempt(db, ctx.user, attemptId);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ answers: Record<string, unknown> }[]>`
      UPDATE "ExamAttempt" SET status = 'SUBMITTED', "submittedAt" = LEAST(${now}, deadline) WHERE id = ${a.id}::uuid AND status = 'IN_PROGRESS' RETURNING answers`;
    if (!row) throw new UserError('exams.errors.submitted');
    const questions = await tx.question.findMany({ where: { id: { in: a.questionIds } } });
    const marks: Record<string, number | null> = {};
    for (const q of questions)
      marks[q.id] = grade(
        { type: q.type as QuestionType, answer: q.answer, points: q.points },
        row.answers[q.id],
      );
    const pending = Object.values(marks).filter((m) => m === null).length;
    const score = Math.round(Object.values(marks).reduce<number>((s, m) => s + (m ?? 0), 0) * 10) / 10;
    const exam = await tx.exam.findUniqueOrThrow({
      where: { id: a.examId },
      select: { passMark: true, orgPath: true },
    });
    const done = pending === 0;
    await tx.examAttempt.update({
      where: { id: a.id },
      data: {
        marks,
        pendingManual: pending,
        ...(done
          ? { status: 'GRADED', score, passed: (100 * score) / a.maxScore >= exam.passMark }
          : { score }),
      },
    });
    await trace(tx, ctx.actor, auto ? 'exams.timeout' : 'exams.submit', 'ExamAttempt', a.id, {
      orgPath: exam.orgPath,
      after: { score, pending, answered: Object.keys(row.answers).length },
    });
    return {
      score,
      maxScore: a.maxScore,
      pending,
      passed: done ? (100 * score) / a.maxScore >= exam.passMark : null,
    };
  });
}

/** The server's clock: attempts past their deadline are submitted as they stand. */
export async function finalizeExpired(db: Db, now = new Date()) {
  const expired = await db.examAttempt.findMany({
    where: { status: 'IN_PROGRESS', deadline: { lt: now } },
    select: { id: true, userId: true },
    take: 500,
  });
  for (const a of expired) {
    await submitAttempt(
      db,
      { user: { id: a.userId, grants: [] }, actor: { id: null, name: 'system' } },
      a.id,
      now,
      true,
    ).catch(() => undefined);
  }
  return expired.length;
}

/** A COMMITTEE grader marks a short answer; the attempt is graded once none are left. */
export async function gradeShortAnswer(
  db: Db,
  ctx: ActionContext,
  input: { attemptId: string; questionId: string; points: number },
) {
  const a = await db.examAttempt.findUnique({
    where: { id: input.attemptId },
    include: { exam: { select: { orgPath: true, passMark: true } } },
  });
  if (!a) throw new NotFoundError();
  const { assertCan } = await import('../../policy');
  assertCan(ctx.user, 'learning.manage', { id: '', path: a.exam.orgPath });
  // Nobody grades their own paper.
  if (a.userId === ctx.user.id) throw new UserError('exams.errors.ownAttempt');
  const marks = a.marks as Record<string, number | null>;
  if (!(input.questionId in marks) || marks[input.questionId] !== null)
    throw new UserError('exams.errors.notPending');
  const q = await db.question.findUniqueOrThrow({
    where: { id: input.questionId },
    select: { points: true },
  });
  if (input.points < 0 || input.points > q.points)
    throw new UserError('exams.errors.points', { max: q.points });
  const next = { ...marks, [input.questionId]: input.points };
  const pending = Object.values(next).filter((m) => m === null).length;
  const score = Math.round(Object.values(next).reduce<number>((s, m) => s + (m ?? 0), 0) * 10) / 10;
  return db.$transaction(async (tx) => {
    await tx.examAttempt.update({
      where: { id: a.id },
      data: {
        marks: next,
        pendingManual: pending,
        score,
        ...(pending ? {} : { status: 'GRADED', passed: (100 * score) / a.maxScore >= a.exam.passMark }),
      },
    });
    await trace(tx, ctx.actor, 'exams.grade', 'ExamAttempt', a.id, {
      orgPath: a.exam.orgPath,
      before: { [input.questionId]: null },
      after: { [input.questionId]: input.points, score },
    });
    return { score, pending };
  });
}
