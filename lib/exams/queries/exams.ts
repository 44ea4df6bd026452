// Exams as a candidate sees them (their own attempts only) and as the committee sees the results.
import type { Db } from '../../db/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import { loadAudit } from '../../audits/queries/load';
import { can, canOnAudit, canTakeExam, isOwner, type Subject } from '../../policy';
import { examAudience, finalizeExpired } from '../mutations/attempts';
import { db } from '../../db';

export async function examsFor(user: Subject, now = new Date(), client: Db = db) {
  const member =
    (await client.user.findUnique({ where: { id: user.id }, select: { org: { select: { path: true } } } }))
      ?.org?.path ?? null;
  const exams = await client.exam.findMany({ orderBy: { opensAt: 'desc' }, take: 100 });
  const mine = await client.examAttempt.findMany({
    where: { userId: user.id },
    select: {
      id: true,
      examId: true,
      status: true,
      score: true,
      maxScore: true,
      passed: true,
      deadline: true,
    },
  });
  const manager = can(user, 'learning.manage');
  const rows = [];
  for (const e of exams) {
    const eligible = canTakeExam(user, await examAudience(client, e), member);
    if (!eligible && !manager) continue;
    rows.push({
      ...e,
      eligible,
      open: e.opensAt <= now && now <= e.closesAt,
      attempts: mine.filter((a) => a.examId === e.id),
    });
  }
  return { rows, manager };
}

/**
 * The workbench's "to take": the exams open now that `user` may take and has not yet handed in (or failed with a
 * retake left: `retake`), the soonest to close
 * first. Only the open ones are read (a handful), not the list page's hundred.
 */
export async function openExamsFor(user: Subject, now = new Date(), client: Db = db) {
  if (!can(user, 'exam.take')) return [];
  const open = await client.exam.findMany({
    where: { opensAt: { lte: now }, closesAt: { gte: now } },
    orderBy: { closesAt: 'asc' },
    take: 100,
  });
  if (!open.length) return [];
  const [me, attempts] = await Promise.all([
    client.user.findUnique({ where: { id: user.id }, select: { org: { select: { path: true } } } }),
    client.examAttempt.findMany({
      where: { userId: user.id, examId: { in: open.map((e) => e.id) } },
      select: { examId: true, status: true, deadline: true, passed: true },
    }),
  ]);
  const rows = [];
  for (const e of open) {
    // Handed in, or run out of time (an attempt past its deadline is submitted as it stands).
    const finished = attempts.filter(
      (a) => a.examId === e.id && (a.status !== 'IN_PROGRESS' || a.deadline < now),
    );
    // Still to take: never handed in, or failed every time with a retake left (one not yet graded waits).
    const retakes = (e.rules as { retakes?: number }).retakes ?? 0;
    const retake = finished.length > 0;
    if (retake && (finished.some((a) => a.passed !== false) || finished.length > retakes)) continue;
    if (canTakeExam(user, await examAudience(client, e), me?.org?.path ?? null))
      rows.push({ id: e.id, title: e.title, closesAt: e.closesAt, retake });
  }
  return rows;
}

/** The candidate's own attempt: the questions without their answers, what was saved, the server's deadline. */
export async function attemptViewFor(user: Subject, attemptId: string, now = new Date(), client: Db = db) {
  let a = await client.examAttempt.findUnique({
    where: { id: attemptId },
    include: { exam: { select: { title: true, passMark: true } } },
  });
  if (!a || !isOwner(user, a.userId)) throw new NotFoundError();
  if (a.status === 'IN_PROGRESS' && a.deadline < now) {
    await finalizeExpired(client, now);
    a = (await client.examAttempt.findUnique({
      where: { id: attemptId },
      include: { exam: { select: { title: true, passMark: true } } },
    }))!;
  }
  const qs = await client.question.findMany({
    where: { id: { in: a.questionIds } },
    select: { id: true, type: true, stem: true, options: true, points: true },
  });
  const orders = (a.optionOrders ?? {}) as Record<string, string[]>;
  // Options in the order drawn for this candidate (an attempt started before orders were kept: as stored).
  const questions = a.questionIds
    .map((id) => qs.find((q) => q.id === id)!)
    .filter(Boolean)
    .map((q) => {
      const opts = q.options as { id: string; text: string }[];
      const order = orders[q.id];
      return order ? { ...q, options: order.map((id) => opts.find((o) => o.id === id)!).filter(Boolean) } : q;
    });
  return { attempt: a, questions };
}

/** Candidates a page on an exam's results; units listed at the most (those with the most candidates). */
export const RESULTS_PAGE = 50;
export const RESULT_UNITS = 50;

/**
 * An exam's results for its organizer: per unit and per article in SQL over every attempt (a company's exam is
 * 100,000 attempts: loaded whole and matched person by person it held the server for minutes), the grader's queue
 * of short answers still without points, and the candidates a page of RESULTS_PAGE in the order they submitted.
 */
export async function examResultsFor(user: Subject, examId: string, client: Db = db, page = 1) {
  const exam = await client.exam.findUnique({ where: { id: examId } });
  if (!exam) throw new NotFoundError();
  if (!can(user, 'learning.manage', { id: '', path: exam.orgPath })) throw new ForbiddenError();
  const done = { examId, status: { not: 'IN_PROGRESS' as const } };
  const [units, perQuestion, total, rows, queued] = await Promise.all([
    // Graded attempts by unit: the RESULT_UNITS units with the most candidates (a company's exam spans thousands).
    client.$queryRaw<{ name: string | null; n: number; average: number; passed: number; units: number }[]>`
      SELECT o.name, count(*)::int AS n, avg(100 * coalesce(a.score, 0) / a."maxScore")::float AS average,
             count(*) FILTER (WHERE a.passed)::int AS passed, (count(*) OVER ())::int AS units
      FROM "ExamAttempt" a LEFT JOIN "Organization" o ON o.id = a."orgId"
      WHERE a."examId" = ${examId}::uuid AND a.status = 'GRADED'
      GROUP BY a."orgId", o.name ORDER BY n DESC, min(a."submittedAt"), a."orgId"
      LIMIT ${RESULT_UNITS}`,
    // Each question as asked in a finished attempt: how often, how often short of full points (no points yet: short).
    client.$queryRaw<{ articleKeys: string[]; asked: number; wrong: number }[]>`
      SELECT q."articleKeys", count(*)::int AS asked,
             count(*) FILTER (
               WHERE coalesce(CASE WHEN jsonb_typeof(m.value) = 'number' THEN (m.value #>> '{}')::float END, 0) < q.points
             )::int AS wrong
      FROM "ExamAttempt" a CROSS JOIN LATERAL jsonb_each(a.marks) m JOIN "Question" q ON q.id::text = m.key
      WHERE a."examId" = ${examId}::uuid AND a.status <> 'IN_PROGRESS'
      GROUP BY q.id`,
    client.examAttempt.count({ where: done }),
    client.examAttempt.findMany({
      where: done,
      select: {
        id: true,
        userId: true,
        orgId: true,
        status: true,
        score: true,
        maxScore: true,
        passed: true,
      },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * RESULTS_PAGE,
      take: RESULTS_PAGE,
    }),
    client.examAttempt.findMany({
      where: { examId, status: 'SUBMITTED' },
      select: { id: true, userId: true, answers: true, marks: true },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const perArticle = new Map<string, { asked: number; wrong: number }>();
  for (const q of perQuestion)
    for (const k of q.articleKeys) {
      const s = perArticle.get(k) ?? { asked: 0, wrong: 0 };
      s.asked += q.asked;
      s.wrong += q.wrong;
      perArticle.set(k, s);
    }
  const pendingIds = [
    ...new Set(
      queued.flatMap((a) =>
        Object.entries(a.marks as Record<string, number | null>)
          .filter(([, v]) => v === null)
          .map(([k]) => k),
      ),
    ),
  ];
  const [people, orgs, questions, arts] = await Promise.all([
    client.user.findMany({
      where: { id: { in: [...new Set([...rows, ...queued].map((a) => a.userId))] } },
      select: { id: true, name: true },
    }),
    client.organization.findMany({
      where: { id: { in: rows.map((a) => a.orgId).filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    }),
    client.question.findMany({
      where: { id: { in: pendingIds } },
      select: { id: true, stem: true, answer: true, points: true },
    }),
    client.article.findMany({
      where: { key: { in: [...perArticle.keys()] }, version: { status: 'PUBLISHED' } },
      select: { key: true, number: true, title: true },
    }),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const orgOf = new Map(orgs.map((o) => [o.id, o.name]));
  const articleOf = new Map(arts.map((a) => [a.key, `第${a.number}条 ${a.title}`]));
  return {
    exam,
    // The grader's queue: each short answer still without points, with the reference answer beside it.
    pending: queued.flatMap((a) => {
      const marks = a.marks as Record<string, number | null>;
      return questions
        .filter((q) => q.id in marks && marks[q.id] === null)
        .map((q) => ({
          attemptId: a.id,
          questionId: q.id,
          person: nameOf.get(a.userId) ?? '',
          stem: q.stem,
          reference: String((q.answer as unknown[])[0] ?? ''),
          given: String((a.answers as Record<string, unknown>)[q.id] ?? ''),
          points: q.points,
        }));
    }),
    people: rows.map((a) => ({
      id: a.id,
      name: nameOf.get(a.userId) ?? '',
      org: (a.orgId && orgOf.get(a.orgId)) || '—',
      status: a.status,
      score: a.score,
      maxScore: a.maxScore,
      passed: a.passed,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / RESULTS_PAGE)),
    unitCount: units[0]?.units ?? 0,
    orgs: units.map((o) => ({
      name: o.name ?? '—',
      count: o.n,
      average: Math.round(o.average * 10) / 10,
      passRate: Math.round((1000 * o.passed) / o.n) / 10,
    })),
    articles: [...perArticle.entries()]
      .map(([k, s]) => ({
        key: k,
        label: articleOf.get(k) ?? k,
        asked: s.asked,
        wrongRate: Math.round((1000 * s.wrong) / s.asked) / 10,
      }))
      .sort((x, y) => y.wrongRate - x.wrongRate),
  };
}

/** Graded attempts summarized: how many, average per cent, how many passed. */
export function summarize(
  attempts: { status: string; score: number | null; maxScore: number; passed: boolean | null }[],
) {
  const graded = attempts.filter((a) => a.status === 'GRADED');
  const avg = graded.length
    ? Math.round((10 * graded.reduce((s, a) => s + (100 * (a.score ?? 0)) / a.maxScore, 0)) / graded.length) /
      10
    : null;
  return {
    graded: graded.length,
    pending: attempts.length - graded.length,
    average: avg,
    passed: graded.filter((a) => a.passed).length,
  };
}

/** An audit's written exam as its readers see it: the exam, and its results over the audited unit's people. */
export async function auditExamFor(user: Subject, auditId: string, client: Db = db) {
  const a = await loadAudit(client, auditId);
  if (!canOnAudit(user, 'audit.read', a.ref)) throw new ForbiddenError();
  const exam = await client.exam.findFirst({
    where: { auditId },
    include: {
      attempts: {
        where: { status: { not: 'IN_PROGRESS' } },
        select: { status: true, score: true, maxScore: true, passed: true },
      },
    },
  });
  const manages = can(user, 'auditPlan.manage', a.ref.org) && can(user, 'learning.manage');
  return {
    canSet: !exam && manages,
    canResults: manages,
    exam: exam
      ? {
          id: exam.id,
          title: exam.title,
          opensAt: exam.opensAt,
          closesAt: exam.closesAt,
          passMark: exam.passMark,
          ...summarize(exam.attempts),
        }
      : null,
  };
}
