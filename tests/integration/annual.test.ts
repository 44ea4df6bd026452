import { beforeAll, describe, expect, it } from 'vitest';
import { computeAnnual } from '../../lib/annual/mutations';
import { DEFAULT_WEIGHTS } from '../../lib/annual/rules';
import { makePublishedHandbook } from '../fixtures/handbook';
import { makeTree, makeUser, type TestUser, type Tree } from '../fixtures/factories';
import { latestResultsFor } from '../../lib/annual/queries';
import { testDb } from '../fixtures/db';

const db = testDb();
let tree: Tree;
let committee: TestUser;

beforeAll(async () => {
  const hb = await makePublishedHandbook(db, `兑现测试${Date.now() % 10000}`);
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  const std = await db.scoringStandard.findFirstOrThrow({ where: { versionId: hb.version.id } });
  const action = await db.prescribedAction.findFirstOrThrow({ where: { versionId: hb.version.id } });
  const plan = await db.auditPlan.create({
    data: {
      title: 't',
      kind: 'KEY_QUARTERLY',
      periodKey: '2025-Q2',
      orgPath: tree.root.path,
      createdById: committee.id,
    },
  });
  const plan2 = await db.auditPlan.create({
    data: {
      title: 't2',
      kind: 'KEY_QUARTERLY',
      periodKey: '2025-Q3',
      orgPath: tree.root.path,
      createdById: committee.id,
    },
  });
  // Branch A: audits 80 and 90; 4 tasks due, 3 on time, one rated 优; 2 rectifications, 1 closed on time.
  await db.audit.createMany({
    data: [
      { planId: plan.id, orgId: tree.a.id, standardId: std.id, status: 'SCORED', total: 80 },
      { planId: plan2.id, orgId: tree.a.id, standardId: std.id, status: 'FEEDBACK_ISSUED', total: 90 },
      { planId: plan.id, orgId: tree.b.id, standardId: std.id, status: 'SCORED', total: 95 },
    ],
  });
  const task = (orgId: string, m: number, done: boolean, onTime: boolean, quality?: 'EXCELLENT') => ({
    actionKey: action.key,
    actionId: action.id,
    orgId,
    periodKey: `2025-M0${m}`,
    periodStart: new Date(`2025-0${m}-01`),
    periodEnd: new Date(`2025-0${m}-28`),
    dueDate: new Date(`2025-0${m}-20`),
    status: done ? ('DONE' as const) : ('OPEN' as const),
    onTime: done ? onTime : null,
    quality: quality ?? null,
  });
  await db.reminderTask.createMany({
    data: [
      task(tree.a.id, 1, true, true, 'EXCELLENT'),
      task(tree.a.id, 2, true, true),
      task(tree.a.id, 3, true, true),
      task(tree.a.id, 4, true, false),
      task(tree.b.id, 1, false, false),
    ],
  });
  const sheet = await db.feedbackSheet.create({
    data: {
      auditId: (await db.audit.findFirstOrThrow({ where: { planId: plan2.id } })).id,
      number: `T-${Date.now()}`,
      summary: 's',
      deductions: [],
      total: 90,
      grade: 'EXCELLENT',
      deadline: new Date('2025-10-30'),
      issuedById: committee.id,
      items: {
        create: [
          { problem: 'p1', suggestion: 's' },
          { problem: 'p2', suggestion: 's' },
        ],
      },
    },
    include: { items: true },
  });
  await db.rectificationItem.createMany({
    data: sheet.items.map((it, i) => ({
      feedbackItemId: it.id,
      orgId: tree.a.id,
      auditId: sheet.auditId,
      problem: it.problem,
      suggestion: 's',
      deadline: new Date('2025-10-30'),
      status: i === 0 ? ('ACCEPTED' as const) : ('OPEN' as const),
      closedOnTime: i === 0 ? true : null,
    })),
  });
});

describe('annual results', () => {
  it('computes from the stored inputs by the formula; the same inputs give the same numbers', async () => {
    const r1 = await computeAnnual(db, committee.ctx, { year: 2025, weights: DEFAULT_WEIGHTS });
    const l = (await latestResultsFor(committee.subject, 2025))!;
    expect(l.computation.id).toBe(r1.id);
    const a = l.results.find((x) => x.orgId === tree.a.id)!;
    // audit 85; reminders 0.8×75 + 0.2×100 = 80; rectification 50; no exams → (60×85 + 20×80 + 10×50) / 90 = 7200 / 90 = 80
    expect(a.inputs).toMatchObject({ audit: 85, reminders: 80, rectification: 50, exam: null });
    expect(a).toMatchObject({ score: 80, grade: 'GOOD', peerGroup: 'BRANCH' });
    // B: audit 95, reminders 0 (1 due, none done) → (60×95 + 20×0) / 80 = 71.3
    const b = l.results.find((x) => x.orgId === tree.b.id)!;
    expect(b).toMatchObject({ score: 71.3, rank: 2 });
    expect(a.rank).toBe(1);
    await computeAnnual(db, committee.ctx, { year: 2025, weights: DEFAULT_WEIGHTS });
    const again = (await latestResultsFor(committee.subject, 2025))!;
    expect(again.computation.id).not.toBe(r1.id);
    expect(again.results.map((x) => [x.orgId, x.score, x.rank])).toEqual(
      l.results.map((x) => [x.orgId, x.score, x.rank]),
    );
  });

  it('refuses weights that do not sum to 100 and anyone but the committee; nothing written', async () => {
    const before = await db.annualComputation.count();
    await expect(
      computeAnnual(db, committee.ctx, {
        year: 2025,
        weights: { audit: 60, reminders: 20, rectification: 10, exam: 5 },
      }),
    ).rejects.toThrow('annual.errors.weightsSum');
    const sec = await makeUser(db, 'SECRETARY', tree.a);
    await expect(computeAnnual(db, sec.ctx, { year: 2025, weights: DEFAULT_WEIGHTS })).rejects.toThrow(
      'errors.forbidden',
    );
    expect(await db.annualComputation.count()).toBe(before);
  });
});
