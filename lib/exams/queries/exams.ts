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

export async function examResultsFor(user: Subject, examId: string, client: Db = db) {
  const exam = await client.exam.findUnique({ where: { id: examId } });
  if (!exam) throw new NotFoundError();
  if (!can(user, 'learning.manage', { id: '', path: exam.orgPath })) throw new ForbiddenError();
  const attempts = await client.examAttempt.findMany({
    where: { examId, status: { not: 'IN_PROGRESS' } },
    orderBy: { submittedAt: 'asc' },
  });
  const [people, orgs] = await Promise.all([
    client.user.findMany({
      where: { id: { in: attempts.map((a) => a.userId) } },
      select: { id: true, name: true },
    }),
    client.organization.findMany({
      where: { id: { in: attempts.map((a) => a.orgId).filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    }),
  ]);
  const byOrg = new Map<string, { name: string; n: number; sum: number; passed: number }>();
  for (const a of attempts.filter((x) => x.status === 'GRADED')) {
    const key = a.orgId ?? '-';
    const o = byOrg.get(key) ?? {
      name: orgs.find((x) => x.id === a.orgId)?.name ?? '—',
      n: 0,
      sum: 0,
      passed: 0,
    };
    o.n += 1;
    o.sum += (100 * (a.score ?? 0)) / a.maxScore;
    o.passed += a.passed ? 1 : 0;
    byOrg.set(key, o);
  }
  // Which articles people get wrong: every graded question, counted against its articles.
  const qIds = [...new Set(attempts.flatMap((a) => a.questionIds))];
  const questions = await client.question.findMany({
    where: { id: { in: qIds } },
    select: { id: true, type: true, stem: true, answer: true, points: true, articleKeys: true },
  });
  const perArticle = new Map<string, { asked: number; wrong: number }>();
  for (const a of attempts) {
    const marks = a.marks as Record<string, number | null>;
    for (const q of questions.filter((x) => x.id in marks)) {
      for (const k of q.articleKeys) {
        const s = perArticle.get(k) ?? { asked: 0, wrong: 0 };
        s.asked += 1;
        s.wrong += (marks[q.id] ?? 0) < q.points ? 1 : 0;
        perArticle.set(k, s);
      }
    }
  }
  const arts = await client.article.findMany({
    where: { key: { in: [...perArticle.keys()] }, version: { status: 'PUBLISHED' } },
    select: { key: true, number: true, title: true },
  });
  return {
    exam,
    // The grader's queue: each short answer still without points, with the reference answer beside it.
    pending: attempts
      .filter((a) => a.status === 'SUBMITTED')
      .flatMap((a) => {
        const marks = a.marks as Record<string, number | null>;
        return questions
          .filter((q) => q.id in marks && marks[q.id] === null)
          .map((q) => ({
            attemptId: a.id,
            questionId: q.id,
            person: people.find((p) => p.id === a.userId)?.name ?? '',
            stem: q.stem,
            reference: String((q.answer as unknown[])[0] ?? ''),
            given: String((a.answers as Record<string, unknown>)[q.id] ?? ''),
            points: q.points,
          }));
      }),
    people: attempts.map((a) => ({
      id: a.id,
      name: people.find((p) => p.id === a.userId)?.name ?? '',
      org: orgs.find((o) => o.id === a.orgId)?.name ?? '—',
      status: a.status,
      score: a.score,
      maxScore: a.maxScore,
      passed: a.passed,
      pending: a.pendingManual,
    })),
    orgs: [...byOrg.values()].map((o) => ({
      name: o.name,
      count: o.n,
      average: Math.round((o.sum / o.n) * 10) / 10,
      passRate: Math.round((1000 * o.passed) / o.n) / 10,
    })),
    articles: [...perArticle.entries()]
      .map(([k, s]) => ({
        key: k,
        label: (() => {
          const a = arts.find((x) => x.key === k);
          return a ? `第${a.number}条 ${a.title}` : k;
        })(),
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
