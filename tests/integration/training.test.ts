import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAnnual } from '../../lib/annual/mutations';
import { DEFAULT_WEIGHTS } from '../../lib/annual/rules';
import { saveAnswer, startAttempt, submitAttempt } from '../../lib/exams/mutations/attempts';
import { createQuestion } from '../../lib/exams/mutations/bank';
import { createAuditExam, createExam } from '../../lib/exams/mutations/create';
import { ZCreateTraining } from '../../lib/training/schema';
import {
  attendanceByOrgFor,
  signInViewFor,
  trainingListFor,
  trainingViewFor,
} from '../../lib/training/queries';
import { createTraining, recordAttendance, signIn } from '../../lib/training/mutations';
import { question } from '../fixtures/exams';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeUsers, type OrgRow, companyRootFor, type TestUser } from '../fixtures/factories';
import { auditExamFor } from '../../lib/exams/queries/exams';
import { latestResultsFor } from '../../lib/annual/queries';
import { testDb } from '../fixtures/db';
import { signInCode } from '../../lib/training/rotating';

const db = testDb();
let hb: TestHandbook;
let tree: Record<'root' | 'a' | 'a1' | 'b', OrgRow>;
let u: Record<'committee' | 'secA' | 'memberA' | 'memberA2' | 'memberB' | 'memberC', TestUser>;
let sessionId: string;
let token: string;
const starts = new Date('2031-03-10T01:00:00Z');
const ends = new Date('2031-03-10T04:00:00Z');
const during = new Date('2031-03-10T01:20:00Z');

beforeAll(async () => {
  hb = await makePublishedHandbook(db, `培训测试${Date.now() % 10000}`);
  // The company root: setting classes and exams is a company-wide act of its committee.
  const root = await companyRootFor(db);
  const a = await makeOrg(db, root, 'BRANCH');
  tree = { root, a, a1: await makeOrg(db, a, 'PARTY_GROUP'), b: await makeOrg(db, root, 'BRANCH') };
  const c = await makeOrg(db, root, 'BRANCH');
  u = await makeUsers(
    db,
    { ...tree, c },
    {
      committee: ['COMMITTEE', 'root'],
      secA: ['SECRETARY', 'a'],
      memberA: ['MEMBER', 'a1'],
      memberA2: ['MEMBER', 'a'],
      memberB: ['MEMBER', 'b'],
      memberC: ['MEMBER', 'c'],
    },
  );
});

const input = () => ({
  title: '2031年第一期解标培训班',
  startsAt: starts.toISOString(),
  endsAt: ends.toISOString(),
  place: '公司三楼党员活动室',
  onlineUrl: null,
  lecturer: '党群工作部 李老师',
  articleIds: [hb.articles[0]!.id, hb.articles[1]!.id],
  invitedOrgIds: [tree.a.id],
  invitedUserIds: [] as string[],
});

describe('training classes', () => {
  it('the committee sets a class with its materials; a secretary may not; bad input is refused', async () => {
    await expect(createTraining(db, u.secA.ctx, input(), [])).rejects.toThrow('errors.forbidden');
    expect(ZCreateTraining.safeParse({ ...input(), place: '', onlineUrl: '' }).success).toBe(false);
    expect(ZCreateTraining.safeParse({ ...input(), onlineUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(ZCreateTraining.safeParse({ ...input(), endsAt: starts.toISOString() }).success).toBe(false);
    await expect(
      createTraining(db, u.committee.ctx, input(), [
        { name: '课件.pdf', bytes: Buffer.from('MZ not a pdf') },
      ]),
    ).rejects.toThrow('training.errors.fileType');
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const r = await createTraining(db, u.committee.ctx, { ...input(), invitedUserIds: [u.memberB.id] }, [
      { name: '解标课件.pdf', bytes: pdf },
    ]);
    sessionId = r.id;
    const s = await db.trainingSession.findUniqueOrThrow({ where: { id: r.id } });
    token = s.signInToken;
    expect(s).toMatchObject({
      materialNames: ['解标课件.pdf'],
      materialTypes: ['application/pdf'],
      articleKeys: [hb.articles[0]!.key, hb.articles[1]!.key],
    });
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(await db.auditEvent.count({ where: { action: 'training.create', entityId: r.id } })).toBe(1);
  });

  it('an invitee signs in with the code inside the window, once; others are refused and nothing is written', async () => {
    // The code on the organizer's screen at that moment (it changes every 30 s).
    const code = (at: Date) => signInCode(token, sessionId, at);
    const early = new Date(starts.getTime() - 31 * 60_000);
    const late = new Date(ends.getTime() + 60_000);
    const opens = new Date(starts.getTime() - 29 * 60_000);
    // The raw secret, a code of another class and a photo of the code forwarded two minutes later: refused.
    await expect(signIn(db, u.memberA.ctx, { sessionId, token }, during)).rejects.toThrow(
      'training.errors.badCode',
    );
    await expect(
      signIn(db, u.memberA.ctx, { sessionId, token: signInCode(token, randomUUID(), during) }, during),
    ).rejects.toThrow('training.errors.badCode');
    await expect(
      signIn(db, u.memberA.ctx, { sessionId, token: code(new Date(during.getTime() - 120_000)) }, during),
    ).rejects.toThrow('training.errors.codeExpired');
    await expect(
      signIn(db, u.memberA.ctx, { sessionId, token: 'wrong-token-123456' }, during),
    ).rejects.toThrow('training.errors.badCode');
    await expect(signIn(db, u.memberC.ctx, { sessionId, token: code(during) }, during)).rejects.toThrow(
      'training.errors.notInvited',
    );
    await expect(signIn(db, u.memberA.ctx, { sessionId, token: code(early) }, early)).rejects.toThrow(
      'training.errors.notYet',
    );
    await expect(signIn(db, u.memberA.ctx, { sessionId, token: code(late) }, late)).rejects.toThrow(
      'training.errors.over',
    );
    expect(await db.trainingAttendance.count({ where: { sessionId } })).toBe(0);
    // A member of a party group under the invited branch, 29 minutes before the start: in.
    expect(await signIn(db, u.memberA.ctx, { sessionId, token: code(opens) }, opens)).toEqual({
      recorded: true,
    });
    expect(await signIn(db, u.memberA.ctx, { sessionId, token: code(during) }, during)).toEqual({
      recorded: false,
    });
    // Invited by name although their branch is not.
    expect(await signIn(db, u.memberB.ctx, { sessionId, token: code(during) }, during)).toEqual({
      recorded: true,
    });
    expect(await db.trainingAttendance.count({ where: { sessionId } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: 'training.signIn', entityId: sessionId } })).toBe(2);
    expect((await signInViewFor(u.memberC.subject, sessionId, code(during), during)).problem).toEqual({
      key: 'training.errors.notInvited',
    });
    expect((await signInViewFor(u.memberA.subject, sessionId, code(during), during)).signedAt).not.toBeNull();
  });

  it('the organizer records invitees (not outsiders); rates per class and per organization', async () => {
    await expect(
      recordAttendance(db, u.secA.ctx, { sessionId, userIds: [u.memberA2.id] }, during),
    ).rejects.toThrow('errors.forbidden');
    await expect(
      recordAttendance(db, u.committee.ctx, { sessionId, userIds: [u.memberA2.id, u.memberC.id] }, during),
    ).rejects.toThrow('training.errors.personNotInvited');
    expect(await db.trainingAttendance.count({ where: { sessionId } })).toBe(2);
    expect(
      await recordAttendance(
        db,
        u.committee.ctx,
        { sessionId, userIds: [u.memberA2.id, u.memberA.id] },
        during,
      ),
    ).toEqual({ recorded: 1 });
    const v = await trainingViewFor(u.committee.subject, sessionId);
    // Invited: secA, memberA2 (branch A), memberA (its party group), memberB (by name) — 3 came.
    expect(v).toMatchObject({ invited: 4, attended: 3, rate: 75 });
    expect(v.people.find((p) => p.id === u.memberA2.id)!.attendance!.method).toBe('ORGANIZER');
    expect(v.people.find((p) => p.id === u.memberA.id)!.attendance!.method).toBe('SELF');
    // A member sees the class but neither the code nor the list.
    const mv = await trainingViewFor(u.memberC.subject, sessionId);
    expect(mv.session.signInToken).toBeNull();
    expect(mv.people).toEqual([]);
    expect(mv.mine).toBe(false);
    const listed = (await trainingListFor(u.memberA.subject)).rows.find((r) => r.id === sessionId)!;
    expect(listed).toMatchObject({ mine: true, signedIn: true, invited: 4, attended: 3 });
    const byOrg = await attendanceByOrgFor(u.committee.subject, 2031);
    const a = byOrg.rows.find((r) => r.name === tree.a.name)!;
    // Branch A: secA and memberA2, and memberA of its party group (rolled up); memberA and memberA2 came.
    expect(a).toMatchObject({ invited: 3, attended: 2, rate: 66.7 });
    expect(byOrg.rows.some((r) => r.name === tree.a1.name)).toBe(false);
    await expect(attendanceByOrgFor(u.secA.subject, 2031)).rejects.toThrow('errors.forbidden');
  });

  it('an exam for the class is for its invitees only', async () => {
    const k = [hb.articles[0]!.key];
    for (let i = 0; i < 3; i += 1)
      await createQuestion(
        db,
        u.committee.ctx,
        question(`培训测试判断题：组织生活会每年至少召开一次。（${i}）`, k, { points: 2, tags: ['培训'] }),
      );
    const exam = await createExam(db, u.committee.ctx, {
      title: '培训班结业测试',
      parts: [{ type: 'JUDGE', count: 2 }],
      opensAt: '2031-03-10T00:00:00+08:00',
      closesAt: '2031-03-20T00:00:00+08:00',
      durationMin: 10,
      passMark: 60,
      orgIds: [],
      roles: [],
      retakes: 0,
      tags: ['培训'],
      trainingId: sessionId,
    });
    const at = new Date('2031-03-11T02:00:00Z');
    await expect(startAttempt(db, u.memberC.ctx, exam.id, at)).rejects.toThrow('errors.forbidden');
    const { id } = await startAttempt(db, u.memberB.ctx, exam.id, at);
    const qs = await db.question.findMany({
      where: { id: { in: (await db.examAttempt.findUniqueOrThrow({ where: { id } })).questionIds } },
    });
    expect(qs.every((q) => q.tags.includes('培训'))).toBe(true);
  });
});

describe('audit exams', () => {
  it("the written part of an audit: for the unit's people, once per audit, shown on the audit and in the annual exam component", async () => {
    const std = await db.scoringStandard.findFirstOrThrow({ where: { versionId: hb.version.id } });
    const plan = await db.auditPlan.create({
      data: {
        title: '2031年一季度重点考核',
        kind: 'KEY_QUARTERLY',
        periodKey: '2031-Q1',
        orgPath: tree.root.path,
        createdById: u.committee.id,
      },
    });
    const audit = await db.audit.create({
      data: { planId: plan.id, orgId: tree.a.id, standardId: std.id, status: 'SCORED', total: 90 },
    });
    const input = {
      auditId: audit.id,
      parts: [{ type: 'JUDGE' as const, count: 2 }],
      opensAt: '2031-03-10T00:00:00+08:00',
      closesAt: '2031-03-20T00:00:00+08:00',
      durationMin: 10,
      passMark: 60,
    };
    await expect(createAuditExam(db, u.secA.ctx, input)).rejects.toThrow('errors.forbidden');
    expect((await auditExamFor(u.committee.subject, audit.id)).canSet).toBe(true);
    const { id: examId } = await createAuditExam(db, u.committee.ctx, input);
    await expect(createAuditExam(db, u.committee.ctx, input)).rejects.toThrow('exams.errors.auditHasExam');
    const at = new Date('2031-03-11T02:00:00Z');
    await expect(startAttempt(db, u.memberB.ctx, examId, at)).rejects.toThrow('errors.forbidden');
    for (const [who, right] of [
      [u.memberA, true],
      [u.memberA2, false],
    ] as const) {
      const { id } = await startAttempt(db, who.ctx, examId, at);
      const att = await db.examAttempt.findUniqueOrThrow({ where: { id } });
      const qs = await db.question.findMany({ where: { id: { in: att.questionIds } } });
      for (const q of qs)
        await saveAnswer(
          db,
          who.subject,
          {
            attemptId: id,
            questionId: q.id,
            answer: right ? (q.answer as boolean[])[0]! : !(q.answer as boolean[])[0],
          },
          at,
        );
      await submitAttempt(db, who.ctx, id, at);
    }
    const shown = await auditExamFor(u.committee.subject, audit.id);
    expect(shown.exam).toMatchObject({ graded: 2, average: 50, passed: 1 });
    await expect(auditExamFor(u.memberC.subject, audit.id)).rejects.toThrow('errors.forbidden');
    await computeAnnual(db, u.committee.ctx, { year: 2031, weights: DEFAULT_WEIGHTS });
    const r = (await latestResultsFor(u.committee.subject, 2031))!.results.find(
      (x) => x.orgId === tree.a.id,
    )!;
    expect((r.inputs as { exam: number | null }).exam).toBe(50);
  });
});
