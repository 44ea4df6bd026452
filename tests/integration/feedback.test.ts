import { beforeAll, describe, expect, it } from 'vitest';
import { createPlan } from '../../lib/audits/mutations/plans';
import { addFinding, finishAudit, saveScore } from '../../lib/audits/mutations/scoring';
import { acknowledgeSheet } from '../../lib/feedback/mutations/acknowledge';
import { answerCoordination, closeCoordination } from '../../lib/feedback/mutations/coordination';
import { issueFeedback } from '../../lib/feedback/mutations/issue';
import { rectificationListFor } from '../../lib/feedback/queries';
import { addNote, savePlan, submitItem, verifyItem } from '../../lib/feedback/mutations/rectification';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeTree, makeUser, type TestUser, type Tree } from '../fixtures/factories';
import { testDb } from '../fixtures/db';

const db = testDb();
let hb: TestHandbook;
let tree: Tree;
let u: Record<'committee' | 'leader' | 'aud2' | 'outsider' | 'secA' | 'clerkA' | 'deptMember', TestUser>;
let dept: Awaited<ReturnType<typeof makeOrg>>;
let auditId: string;
let unscoredId: string;
let problemFinding: string;
let difficultyFinding: string;

beforeAll(async () => {
  hb = await makePublishedHandbook(db, `优标测试${Date.now() % 10000}`);
  tree = await makeTree(db);
  dept = await makeOrg(db, tree.root, 'DEPARTMENT');
  u = {
    committee: await makeUser(db, 'COMMITTEE', tree.root),
    leader: await makeUser(db, 'AUDITOR', tree.root),
    aud2: await makeUser(db, 'AUDITOR', tree.root),
    outsider: await makeUser(db, 'AUDITOR', tree.root),
    secA: await makeUser(db, 'SECRETARY', tree.a),
    clerkA: await makeUser(db, 'CLERK', tree.a),
    deptMember: await makeUser(db, 'MEMBER', dept),
  };
  // aud2 is also a secretary of branch A: the one case where the submitter could verify their own work.
  await db.roleAssignment.create({ data: { userId: u.aud2.id, role: 'SECRETARY', orgId: tree.a.id } });
  (u.aud2.subject.grants as { role: string; orgId: string; orgPath: string }[]).push({
    role: 'SECRETARY',
    orgId: tree.a.id,
    orgPath: tree.a.path,
  });
  await db.keyUnit.createMany({
    data: [
      { orgId: tree.a.id, year: 2026 },
      { orgId: tree.b.id, year: 2026 },
    ],
  });
  const plan = await createPlan(db, u.committee.ctx, {
    title: '四季度考核',
    kind: 'KEY_QUARTERLY',
    periodKey: '2026-Q4',
    memberIds: [u.leader.id, u.aud2.id],
    leaderId: u.leader.id,
  });
  const audits = await db.audit.findMany({ where: { planId: plan.id } });
  auditId = audits.find((x) => x.orgId === tree.a.id)!.id;
  unscoredId = audits.find((x) => x.orgId === tree.b.id)!.id;
  const score = (c: number, count: number, reason: string) =>
    saveScore(db, u.leader.ctx, { auditId, criterionId: hb.criteria[c]!.id, count, reason, taskIds: [] });
  // Two deductions on the first criterion; the second scored with none.
  await score(0, 2, '两次支委会无记录');
  await score(1, 0, '');
  const note = async (
    clientKey: string,
    kind: 'PROBLEM' | 'DIFFICULTY',
    text: string,
    criterionId?: string,
  ) => (await addFinding(db, u.leader.ctx, { auditId, clientKey, kind, text, criterionId })).id;
  problemFinding = await note('fb-problem-1', 'PROBLEM', '支委会记录缺失', hb.criteria[0]!.id);
  difficultyFinding = await note('fb-diff-1', 'DIFFICULTY', '缺少专职党务工作者');
  await finishAudit(db, u.leader.ctx, auditId);
});

const issue = (over: Record<string, unknown> = {}) => ({
  auditId,
  summary: '支部组织生活基本规范，但记录不完整。',
  deadline: '2027-01-15',
  items: [
    {
      findingId: problemFinding,
      criterionId: hb.criteria[0]!.id,
      problem: '支委会记录缺失',
      suggestion: '补齐记录并建立会后24小时内归档制度',
    },
  ],
  coordination: [
    { findingId: difficultyFinding, departmentId: dept.id, text: '请人力资源部协调配备专职党务工作者' },
  ],
  ...over,
});

// What the unit has not yet put right (the focus of its next audit).
const openOf = (orgId: string) =>
  db.rectificationItem.findMany({
    where: { orgId, status: { not: 'ACCEPTED' } },
    select: { criterionId: true },
  });

describe('feedback sheets', () => {
  it('only the team leader issues, only on a scored audit, once; issuing freezes the audit', async () => {
    await expect(issueFeedback(db, u.leader.ctx, issue({ auditId: unscoredId }))).rejects.toThrow(
      'feedback.errors.notScored',
    );
    await expect(issueFeedback(db, u.aud2.ctx, issue())).rejects.toThrow('errors.forbidden');
    await expect(
      issueFeedback(
        db,
        u.leader.ctx,
        issue({ coordination: [{ departmentId: tree.b.id, text: '不是职能部门' }] }),
      ),
    ).rejects.toThrow('feedback.errors.notDepartment');
    expect(await db.feedbackSheet.count({ where: { auditId } })).toBe(0);
    const r = await issueFeedback(db, u.leader.ctx, issue(), new Date('2026-11-25T04:00:00Z'));
    const sheet = await db.feedbackSheet.findUniqueOrThrow({ where: { id: r.id }, include: { items: true } });
    expect(sheet).toMatchObject({
      total: 96,
      grade: 'EXCELLENT',
      number: 'FK-2026-Q4-001',
      issuedAt: new Date('2026-11-25T04:00:00Z'),
    });
    expect(sheet.deductions).toEqual([
      { code: 'C1.1', title: '三会一课按时召开', count: 2, deduction: 4, reason: '两次支委会无记录' },
    ]);
    expect((await db.audit.findUniqueOrThrow({ where: { id: auditId } })).status).toBe('FEEDBACK_ISSUED');
    expect(await db.rectificationItem.count({ where: { auditId } })).toBe(1);
    expect(await db.coordinationTask.count({ where: { auditId, departmentId: dept.id } })).toBe(1);
    await expect(issueFeedback(db, u.leader.ctx, issue())).rejects.toThrow('feedback.errors.alreadyIssued');
    await expect(
      saveScore(db, u.leader.ctx, {
        auditId,
        criterionId: hb.criteria[1]!.id,
        count: 1,
        reason: '',
        taskIds: [],
      }),
    ).rejects.toThrow('audits.errors.closed');
  });

  it('the unit’s secretary acknowledges receipt, once; a clerk may not', async () => {
    const sheet = await db.feedbackSheet.findUniqueOrThrow({ where: { auditId } });
    await expect(acknowledgeSheet(db, u.clerkA.ctx, sheet.id)).rejects.toThrow('errors.forbidden');
    const first = await acknowledgeSheet(db, u.secA.ctx, sheet.id, new Date('2026-11-26T02:00:00Z'));
    await acknowledgeSheet(db, u.secA.ctx, sheet.id, new Date('2026-11-27T02:00:00Z'));
    expect((await db.feedbackSheet.findUniqueOrThrow({ where: { id: sheet.id } })).acknowledgedAt).toEqual(
      first.acknowledgedAt,
    );
  });
});

describe('the rectification state machine', () => {
  it('the unit plans and submits; nobody verifies their own work; the team returns then accepts; the next audit sees what is open', async () => {
    const [item] = await db.rectificationItem.findMany({ where: { auditId } });
    await expect(savePlan(db, u.clerkA.ctx, item!.id, '计划')).rejects.toThrow('errors.forbidden');
    await expect(submitItem(db, u.secA.ctx, item!.id)).rejects.toThrow('feedback.errors.planRequired');
    await savePlan(db, u.aud2.ctx, item!.id, '12月底前补齐10—11月支委会记录，建立归档台账');
    await addNote(db, u.aud2.ctx, item!.id, '已补齐10月记录');
    await submitItem(db, u.aud2.ctx, item!.id, new Date('2026-12-10T02:00:00Z'));
    // aud2 is of the unit (a role there): 回避 refuses them before their own work is even looked at.
    await expect(verifyItem(db, u.aud2.ctx, { itemId: item!.id, accept: true })).rejects.toThrow(
      'audits.errors.ownUnit',
    );
    await expect(verifyItem(db, u.outsider.ctx, { itemId: item!.id, accept: true })).rejects.toThrow(
      'errors.forbidden',
    );
    await verifyItem(db, u.leader.ctx, { itemId: item!.id, accept: false, reason: '11月记录仍缺签到表' });
    expect(await db.rectificationItem.findUniqueOrThrow({ where: { id: item!.id } })).toMatchObject({
      status: 'RETURNED',
      returnReason: '11月记录仍缺签到表',
    });
    expect((await openOf(tree.a.id)).map((x) => x.criterionId)).toEqual([hb.criteria[0]!.id]);
    await expect(verifyItem(db, u.leader.ctx, { itemId: item!.id, accept: true })).rejects.toThrow(
      'feedback.errors.notSubmitted',
    );
    await submitItem(db, u.secA.ctx, item!.id, new Date('2026-12-20T02:00:00Z'));
    await verifyItem(db, u.leader.ctx, { itemId: item!.id, accept: true }, new Date('2026-12-22T02:00:00Z'));
    expect(await db.rectificationItem.findUniqueOrThrow({ where: { id: item!.id } })).toMatchObject({
      status: 'ACCEPTED',
      closedOnTime: true,
    });
    expect(await openOf(tree.a.id)).toHaveLength(0);
    await expect(savePlan(db, u.secA.ctx, item!.id, '再改')).rejects.toThrow('feedback.errors.notEditable');
    const seen = await rectificationListFor(u.clerkA.subject);
    expect(seen.some((x) => x.id === item!.id)).toBe(true);
    expect((await rectificationListFor(u.outsider.subject)).some((x) => x.id === item!.id)).toBe(false);
  });
});

describe('coordination', () => {
  it('the department answers, the committee closes; the unit’s secretary cannot answer for the department', async () => {
    const [task] = await db.coordinationTask.findMany({ where: { auditId } });
    await expect(answerCoordination(db, u.secA.ctx, task!.id, '我们自己解决')).rejects.toThrow(
      'errors.forbidden',
    );
    await expect(closeCoordination(db, u.committee.ctx, task!.id)).rejects.toThrow(
      'feedback.errors.coordinationNotAnswered',
    );
    await answerCoordination(db, u.deptMember.ctx, task!.id, '已列入明年一季度招聘计划');
    await closeCoordination(db, u.committee.ctx, task!.id);
    expect(await db.coordinationTask.findUniqueOrThrow({ where: { id: task!.id } })).toMatchObject({
      status: 'CLOSED',
      answer: '已列入明年一季度招聘计划',
    });
  });
});
