import { beforeAll, describe, expect, it } from 'vitest';
import { twoAppInstances } from '../fixtures/db';
import { db as appDb } from '../../lib/db';
import {
  finalizeExpired,
  gradeShortAnswer,
  saveAnswer,
  startAttempt,
  submitAttempt,
} from '../../lib/exams/mutations/attempts';
import { createQuestion, editQuestion } from '../../lib/exams/mutations/bank';
import { createExam } from '../../lib/exams/mutations/create';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeUser, companyRootFor, type TestUser } from '../fixtures/factories';
import { question } from '../fixtures/exams';
import { attemptViewFor, examResultsFor, openExamsFor, RESULT_UNITS } from '../../lib/exams/queries/exams';

const [a, b] = twoAppInstances();
let hb: TestHandbook;
let u: Record<'committee' | 'memberA' | 'memberA2' | 'memberB', TestUser>;
let branchA: Awaited<ReturnType<typeof makeOrg>>;
let examId: string;
const t0 = new Date('2026-11-20T02:00:00Z');

// An exam open from 19 to 30 November 2026, for nobody in particular unless `over` says so.
const exam = (title: string, over: Partial<Parameters<typeof createExam>[2]>) => ({
  title,
  parts: [{ type: 'JUDGE' as const, count: 1 }],
  opensAt: '2026-11-19T00:00:00+08:00',
  closesAt: '2026-11-30T00:00:00+08:00',
  durationMin: 10,
  passMark: 60,
  orgIds: [],
  roles: [],
  retakes: 0,
  ...over,
});

beforeAll(async () => {
  const rootRef = await companyRootFor(a);
  branchA = await makeOrg(a, rootRef, 'BRANCH');
  const branchB = await makeOrg(a, rootRef, 'BRANCH');
  u = {
    committee: await makeUser(a, 'COMMITTEE', rootRef),
    memberA: await makeUser(a, 'MEMBER', branchA),
    memberA2: await makeUser(a, 'MEMBER', branchA),
    memberB: await makeUser(a, 'MEMBER', branchB),
  };
  hb = await makePublishedHandbook(a, `考试测试${Date.now() % 10000}`);
  const k = [hb.articles[0]!.key];
  for (let i = 0; i < 4; i += 1) {
    await createQuestion(
      a,
      u.committee.ctx,
      question(`“三会一课”中支部党员大会一般每季度召开几次？（${i}）`, k, {
        type: 'SINGLE',
        options: [
          { id: 'A', text: '1次' },
          { id: 'B', text: '2次' },
        ],
        answer: ['A'],
        points: 2,
      }),
    );
    await createQuestion(
      a,
      u.committee.ctx,
      question(`党费可以由他人代缴而无需本人知情。（${i}）`, k, { answer: [false], points: 2 }),
    );
  }
  await createQuestion(
    a,
    u.committee.ctx,
    question('简述支部委员会会议的基本程序。', k, {
      type: 'SHORT',
      answer: ['确定议题、通知、召开、记录、落实'],
      points: 6,
      difficulty: 2,
    }),
  );
  examId = (
    await createExam(
      a,
      u.committee.ctx,
      exam('支部党员应知应会测试', {
        parts: [
          { type: 'SINGLE', count: 2 },
          { type: 'JUDGE', count: 2 },
        ],
        durationMin: 30,
        orgIds: [branchA.id],
      }),
    )
  ).id;
});

describe('the question bank', () => {
  it('refuses a question with no correct option; an edit after use keeps the old version for past attempts', async () => {
    await expect(
      createQuestion(
        a,
        u.committee.ctx,
        question('没有正确选项的题目', [hb.articles[0]!.key], {
          type: 'SINGLE',
          options: [
            { id: 'A', text: '甲' },
            { id: 'B', text: '乙' },
          ],
          answer: [],
          points: 2,
        }),
      ),
    ).rejects.toThrow('exams.errors.noCorrect');
    await expect(createExam(a, u.memberA.ctx, exam('越权考试', {}))).rejects.toThrow('errors.forbidden');
    await expect(
      createExam(a, u.committee.ctx, exam('题量过多', { parts: [{ type: 'BLANK', count: 500 }] })),
    ).rejects.toThrow('exams.errors.bankTooSmall');
    await expect(
      createQuestion(
        a,
        u.committee.ctx,
        question('  党费可以由他人代缴而无需本人知情。（０） ', [hb.articles[0]!.key]),
      ),
    ).rejects.toThrow('exams.errors.duplicate');
    await expect(
      createQuestion(a, u.memberA.ctx, question('越权出题测试', [hb.articles[0]!.key])),
    ).rejects.toThrow('errors.forbidden');
  });
});

describe('attempts', () => {
  it('only the audience takes it; answers are saved as one goes; two submissions grade once; nothing changes after', async () => {
    // The workbench lists it to take for its audience only, and until it is handed in.
    const toTake = async (who: TestUser) => (await openExamsFor(who.subject, t0, a)).map((e) => e.id);
    expect(await toTake(u.memberA)).toContain(examId);
    expect(await toTake(u.memberB)).not.toContain(examId);
    await expect(startAttempt(a, u.memberB.ctx, examId, t0)).rejects.toThrow('errors.forbidden');
    const { id } = await startAttempt(a, u.memberA.ctx, examId, t0);
    expect(await toTake(u.memberA)).toContain(examId);
    expect((await startAttempt(a, u.memberA.ctx, examId, t0)).id).toBe(id);
    const att = await a.examAttempt.findUniqueOrThrow({ where: { id } });
    expect(att.questionIds).toHaveLength(4);
    const qs = await a.question.findMany({ where: { id: { in: att.questionIds } } });
    // Each choice question's options in this candidate's own order, kept with the attempt and shown as kept.
    const orders = att.optionOrders as Record<string, string[]>;
    const view = await attemptViewFor(u.memberA.subject, id, t0, a);
    for (const q of qs.filter((x) => (x.options as unknown[]).length > 1)) {
      const ids = (q.options as { id: string }[]).map((o) => o.id);
      expect([...orders[q.id]!].sort()).toEqual([...ids].sort());
      expect(view.questions.find((v) => v.id === q.id)!.options).toEqual(
        orders[q.id]!.map((oid) => (q.options as { id: string }[]).find((o) => o.id === oid)),
      );
    }
    // Other files' questions share the bank: answer each by its own key. Every other save goes through the app's
    // own client, as the exam page's do (the save and its trace in two round trips: lib/audit-log.ts tracedStatement).
    for (const [i, q] of qs.entries())
      await saveAnswer(
        i % 2 ? appDb : a,
        u.memberA.subject,
        { attemptId: id, questionId: q.id, answer: (q.answer as (string | boolean)[])[0]! },
        t0,
      );
    await expect(
      saveAnswer(a, u.memberB.subject, { attemptId: id, questionId: qs[0]!.id, answer: 'B' }, t0),
    ).rejects.toThrow('errors.notFound');
    const results = await Promise.allSettled([
      submitAttempt(a, u.memberA.ctx, id, t0),
      submitAttempt(b, u.memberA.ctx, id, t0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.message).toContain(
      'exams.errors.submitted',
    );
    expect(await a.examAttempt.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'GRADED',
      score: att.maxScore,
      passed: true,
    });
    await expect(
      saveAnswer(a, u.memberA.subject, { attemptId: id, questionId: qs[0]!.id, answer: 'B' }, t0),
    ).rejects.toThrow('exams.errors.submitted');
    await expect(startAttempt(a, u.memberA.ctx, examId, t0)).rejects.toThrow('exams.errors.alreadyTaken');
    expect(await toTake(u.memberA)).not.toContain(examId);
    expect(await a.auditEvent.count({ where: { entityId: id, action: 'exams.submit' } })).toBe(1);
    // The start and every answer are traced too, each with the person who gave it.
    expect(await a.auditEvent.count({ where: { entityId: id, action: 'exams.start' } })).toBe(1);
    const answers = await a.auditEvent.findMany({ where: { entityId: id, action: 'exams.answer' } });
    expect(answers).toHaveLength(qs.length);
    expect(new Set(answers.map((e) => e.actorId))).toEqual(new Set([u.memberA.id]));
  });

  it('a failed paper with a retake left stays on the workbench as a retake; the last one leaves it', async () => {
    const id = (await createExam(a, u.committee.ctx, exam('补考测试', { orgIds: [branchA.id], retakes: 1 })))
      .id;
    const toTake = async () => (await openExamsFor(u.memberA2.subject, t0, a)).find((e) => e.id === id);
    expect(await toTake()).toMatchObject({ retake: false });
    // Handed in blank: a judged question unanswered scores 0, below the pass mark.
    const first = await startAttempt(a, u.memberA2.ctx, id, t0);
    await submitAttempt(a, u.memberA2.ctx, first.id, t0);
    expect(await a.examAttempt.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      passed: false,
    });
    expect(await toTake()).toMatchObject({ retake: true });
    const second = await startAttempt(a, u.memberA2.ctx, id, t0);
    expect(second.id).not.toBe(first.id);
    expect(await toTake()).toMatchObject({ retake: true });
    await submitAttempt(a, u.memberA2.ctx, second.id, t0);
    expect(await toTake()).toBeUndefined();
    await expect(startAttempt(a, u.memberA2.ctx, id, t0)).rejects.toThrow('exams.errors.alreadyTaken');
  });

  it('the server keeps the clock: a save after the deadline is refused and the attempt submitted as it stands', async () => {
    const { id } = await startAttempt(a, u.memberA2.ctx, examId, t0);
    const att = await a.examAttempt.findUniqueOrThrow({ where: { id } });
    await saveAnswer(
      a,
      u.memberA2.subject,
      { attemptId: id, questionId: att.questionIds[0]!, answer: 'A' },
      new Date(t0.getTime() + 60_000),
    );
    await expect(
      saveAnswer(
        a,
        u.memberA2.subject,
        { attemptId: id, questionId: att.questionIds[1]!, answer: 'A' },
        new Date(t0.getTime() + 31 * 60_000),
      ),
    ).rejects.toThrow('exams.errors.timeUp');
    const done = await a.examAttempt.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe('GRADED');
    expect(Object.keys(done.answers as object)).toHaveLength(1);
    expect(await finalizeExpired(a, new Date(t0.getTime() + 60 * 60_000))).toBe(0);
  });

  it('short answers wait for a grader; results per person, organization and article', async () => {
    const e2 = (
      await createExam(
        a,
        u.committee.ctx,
        exam('简答', { parts: [{ type: 'SHORT', count: 1 }], passMark: 50, orgIds: [branchA.id] }),
      )
    ).id;
    const { id } = await startAttempt(a, u.memberA.ctx, e2, t0);
    const [qid] = (await a.examAttempt.findUniqueOrThrow({ where: { id } })).questionIds;
    // The bank is shared with other test files: take the drawn question's own points.
    const pts = (await a.question.findUniqueOrThrow({ where: { id: qid! } })).points;
    await saveAnswer(
      a,
      u.memberA.subject,
      { attemptId: id, questionId: qid!, answer: '先确定议题，再通知委员，按时召开并记录' },
      t0,
    );
    expect((await submitAttempt(a, u.memberA.ctx, id, t0)).pending).toBe(1);
    await expect(
      gradeShortAnswer(a, u.memberA.ctx, { attemptId: id, questionId: qid!, points: pts }),
    ).rejects.toThrow('errors.forbidden');
    await expect(
      gradeShortAnswer(a, u.committee.ctx, { attemptId: id, questionId: qid!, points: pts + 1 }),
    ).rejects.toThrow('exams.errors.points');
    const queue = (await examResultsFor(u.committee.subject, e2, a)).pending;
    expect(queue).toEqual([
      expect.objectContaining({
        attemptId: id,
        questionId: qid,
        given: '先确定议题，再通知委员，按时召开并记录',
        points: pts,
      }),
    ]);
    expect(queue[0]!.reference).not.toBe('');
    await gradeShortAnswer(a, u.committee.ctx, { attemptId: id, questionId: qid!, points: pts - 1 });
    expect((await examResultsFor(u.committee.subject, e2, a)).pending).toEqual([]);
    expect(await a.examAttempt.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'GRADED',
      score: pts - 1,
      passed: true,
    });
    const r = await examResultsFor(u.committee.subject, examId, a);
    expect(r.people).toHaveLength(2);
    expect(r.orgs[0]).toMatchObject({ count: 2 });
    expect(r.articles[0]!.asked).toBeGreaterThan(0);
    await expect(examResultsFor(u.memberA.subject, examId, a)).rejects.toThrow('errors.forbidden');
  });

  it('nobody grades their own paper', async () => {
    const e3 = (
      await createExam(
        a,
        u.committee.ctx,
        exam('党务干部自测', { parts: [{ type: 'SHORT', count: 1 }], roles: ['COMMITTEE'] }),
      )
    ).id;
    const { id } = await startAttempt(a, u.committee.ctx, e3, t0);
    const [qid] = (await a.examAttempt.findUniqueOrThrow({ where: { id } })).questionIds;
    await saveAnswer(a, u.committee.subject, { attemptId: id, questionId: qid!, answer: '按期换届' }, t0);
    await submitAttempt(a, u.committee.ctx, id, t0);
    await expect(
      gradeShortAnswer(a, u.committee.ctx, { attemptId: id, questionId: qid!, points: 1 }),
    ).rejects.toThrow('exams.errors.ownAttempt');
    expect((await a.examAttempt.findUniqueOrThrow({ where: { id } })).pendingManual).toBe(1);
  });

  it('editing a question after use makes a new version; the old one stays for the attempt', async () => {
    const att = await a.examAttempt.findFirstOrThrow({ where: { examId } });
    const used = await a.question.findUniqueOrThrow({ where: { id: att.questionIds[0]! } });
    const r = await editQuestion(a, u.committee.ctx, used.id, {
      type: used.type,
      stem: `${used.stem}（修订）`,
      options: used.options as never,
      answer: used.answer as never,
      points: used.points,
      difficulty: used.difficulty,
      articleKeys: used.articleKeys,
      tags: used.tags,
    });
    expect(r.newVersion).toBe(true);
    expect(await a.question.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({
      current: false,
      stem: used.stem,
    });
    expect(await a.question.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      key: used.key,
      version: used.version + 1,
      current: true,
    });
  });
});

describe('an exam’s results', () => {
  it('are counted in the database: per unit over graded papers, per article over every finished one', async () => {
    const [k1, k2] = [hb.articles[0]!.key, hb.articles[1]!.key];
    const stem = `结果统计${Date.now() % 100000}`;
    const q1 = await createQuestion(a, u.committee.ctx, question(`${stem}甲`, [k1], { points: 2 }));
    const q2 = await createQuestion(a, u.committee.ctx, question(`${stem}乙`, [k2], { points: 2 }));
    const id = (await createExam(a, u.committee.ctx, exam(`${stem}考试`, {}))).id;
    const branchB = (await a.user.findUniqueOrThrow({ where: { id: u.memberB.id } })).orgId!;
    // Four finished papers (two units), one still in progress; the last submitted one waits for a grader.
    const papers = [
      { orgId: branchA.id, marks: { [q1.id]: 2, [q2.id]: 0 }, status: 'GRADED', score: 2, passed: false },
      { orgId: branchA.id, marks: { [q1.id]: 2, [q2.id]: 2 }, status: 'GRADED', score: 4, passed: true },
      { orgId: branchB, marks: { [q1.id]: 0, [q2.id]: 2 }, status: 'GRADED', score: 2, passed: false },
      {
        orgId: branchB,
        marks: { [q1.id]: 2, [q2.id]: null },
        status: 'SUBMITTED',
        score: null,
        passed: null,
      },
      { orgId: branchA.id, marks: { [q1.id]: 0 }, status: 'IN_PROGRESS', score: null, passed: null },
    ] as const;
    for (const [i, p] of papers.entries())
      await a.examAttempt.create({
        data: {
          examId: id,
          userId: u.committee.id,
          attemptNo: i + 1,
          orgId: p.orgId,
          seed: `s${i}`,
          questionIds: [q1.id, q2.id],
          marks: p.marks,
          status: p.status,
          score: p.score,
          maxScore: 4,
          passed: p.passed,
          deadline: t0,
          submittedAt: p.status === 'IN_PROGRESS' ? null : new Date(t0.getTime() + i * 60_000),
        },
      });
    const r = await examResultsFor(u.committee.subject, id, a);
    expect(r.orgs).toEqual([
      { name: branchA.name, count: 2, average: 75, passRate: 50 },
      { name: expect.any(String), count: 1, average: 50, passRate: 0 },
    ]);
    // 甲 missed once in four papers, 乙 twice (a mark not yet given counts as missed).
    expect(r.articles.map((x) => [x.key, x.asked, x.wrongRate])).toEqual([
      [k2, 4, 50],
      [k1, 4, 25],
    ]);
    expect(r.people).toHaveLength(4);
    expect({ total: r.total, pages: r.pages }).toEqual({ total: 4, pages: 1 });
    expect(r.pending.map((x) => x.questionId)).toEqual([q2.id]);
    expect((await examResultsFor(u.committee.subject, id, a, 2)).people).toEqual([]);
    expect(r.unitCount).toBe(2);
  });

  it('list the units with the most candidates, and say how many took it', async () => {
    const id = (await createExam(a, u.committee.ctx, exam(`单位上限${Date.now() % 100000}`, {}))).id;
    const root = await companyRootFor(a);
    for (let i = 0; i < RESULT_UNITS + 5; i += 1) {
      const org = await makeOrg(a, root, 'BRANCH');
      // The first unit has two candidates: it leads the list.
      for (let n = 0; n < (i === 0 ? 2 : 1); n += 1)
        await a.examAttempt.create({
          data: {
            examId: id,
            userId: u.committee.id,
            attemptNo: i * 2 + n + 1,
            orgId: org.id,
            seed: `u${i}`,
            questionIds: [],
            status: 'GRADED',
            score: 1,
            maxScore: 1,
            passed: true,
            deadline: t0,
            submittedAt: new Date(t0.getTime() + i * 60_000 + n),
          },
        });
    }
    const r = await examResultsFor(u.committee.subject, id, a);
    expect(r.unitCount).toBe(RESULT_UNITS + 5);
    expect(r.orgs).toHaveLength(RESULT_UNITS);
    expect(r.orgs[0]).toMatchObject({ count: 2, average: 100, passRate: 100 });
  });
});
