import { beforeAll, describe, expect, it } from 'vitest';
import { twoAppInstances } from '../fixtures/db';
import { gapRowsFor } from '../../lib/audits/queries/audits';
import { createPlan } from '../../lib/audits/mutations/plans';
import { auditDetailFor, auditListFor } from '../../lib/audits/queries/audits';
import { ZSaveScore } from '../../lib/audits/schema';
import { addFinding, finishAudit, saveScore } from '../../lib/audits/mutations/scoring';
import { verifyDraw } from '../../lib/audits/queries/draw';
import { makePublishedHandbook, type TestHandbook } from '../fixtures/handbook';
import { makeOrg, makeTree, makeUsers, type TestUser, type Tree } from '../fixtures/factories';

const [a, b] = twoAppInstances();
let hb: TestHandbook;
let tree: Tree;
let u: Record<'committee' | 'aud1' | 'aud2' | 'outsider' | 'secA', TestUser>;
let auditId: string;

beforeAll(async () => {
  hb = await makePublishedHandbook(a, `核标测试${Date.now() % 10000}`);
  tree = await makeTree(a);
  u = await makeUsers(a, tree, {
    committee: ['COMMITTEE', 'root'],
    aud1: ['AUDITOR', 'root'],
    aud2: ['AUDITOR', 'root', b],
    outsider: ['AUDITOR', 'root'],
    secA: ['SECRETARY', 'a'],
  });
  await a.keyUnit.create({ data: { orgId: tree.a.id, year: 2026 } });
});

const plan = (over: Record<string, unknown> = {}) => ({
  title: '2026年第四季度重点单位考核',
  kind: 'KEY_QUARTERLY' as const,
  periodKey: '2026-Q4',
  memberIds: [u.aud1.id, u.aud2.id],
  leaderId: u.aud1.id,
  ...over,
});

describe('audit plans', () => {
  it('a key-unit plan targets the key units of the year; only the committee plans; only auditors form the team', async () => {
    await expect(createPlan(a, u.secA.ctx, plan())).rejects.toThrow('errors.forbidden');
    await expect(createPlan(a, u.committee.ctx, plan({ memberIds: [u.aud1.id, u.secA.id] }))).rejects.toThrow(
      'audits.errors.notAuditors',
    );
    const r = await createPlan(a, u.committee.ctx, plan());
    const audits = await a.audit.findMany({ where: { planId: r.id } });
    expect(audits.map((x) => x.orgId)).toEqual([tree.a.id]);
    auditId = audits[0]!.id;
    expect(
      await a.auditMember.findMany({ where: { planId: r.id }, orderBy: { leader: 'desc' } }),
    ).toMatchObject([
      { userId: u.aud1.id, leader: true },
      { userId: u.aud2.id, leader: false },
    ]);
  });

  it('a spot-check draw is stored and re-runs to the same units; a changed population is refused', async () => {
    const extra = await Promise.all([1, 2, 3, 4, 5].map(() => makeOrg(a, tree.root, 'BRANCH')));
    const draw = {
      subtreeOrgId: tree.root.id,
      types: ['BRANCH' as const],
      excludeMonths: 0,
      size: 3,
      weighted: true,
      seed: 'test-seed-1',
    };
    const r = await createPlan(a, u.committee.ctx, plan({ kind: 'SPOT_CHECK', title: '四季度抽查', draw }));
    const p = await a.auditPlan.findUniqueOrThrow({ where: { id: r.id } });
    expect(p).toMatchObject({ drawSeed: 'test-seed-1', drawAlgorithm: 'mulberry32/es-v1' });
    expect(p.drawSample).toHaveLength(3);
    expect((p.drawPopulation as unknown[]).length).toBeGreaterThanOrEqual(7);
    expect(await verifyDraw(a, r.id)).toMatchObject({ same: true, sample: p.drawSample });
    // The plan (and so its re-draw) is for the committee and the team, not for a branch.
    const { planDetailFor } = await import('../../lib/audits/queries/audits');
    await expect(planDetailFor(u.secA.subject, r.id, a)).rejects.toThrow('errors.forbidden');
    expect((await planDetailFor(u.aud2.subject, r.id, a)).plan.id).toBe(r.id);
    await a.organization.update({ where: { id: extra[0]!.id }, data: { status: 'ARCHIVED' } });
    await expect(verifyDraw(a, r.id)).rejects.toThrow('audits.errors.populationChanged');
  });
});

describe('on-site scoring', () => {
  const [c1, c2] = [0, 1];
  const score = (c: number, count: number, reason = '') => ({
    auditId,
    criterionId: hb.criteria[c]!.id,
    count,
    reason,
    taskIds: [],
  });
  it('a team member scores; an auditor not on the team cannot even read it; deductions above the cap or negative are refused', async () => {
    await expect(auditDetailFor(u.outsider.subject, auditId, a)).rejects.toThrow('errors.forbidden');
    await expect(saveScore(a, u.outsider.ctx, score(c1, 1))).rejects.toThrow('errors.forbidden');
    // C1.2: 5 per month, at most 20: five months would be 25.
    await expect(saveScore(a, u.aud1.ctx, score(c2, 5, '五个月未交'))).rejects.toThrow(
      'audits.errors.aboveCap',
    );
    expect(ZSaveScore.safeParse(score(c2, -1)).success).toBe(false);
    expect(await a.auditScore.count({ where: { auditId } })).toBe(0);
    expect((await auditListFor(u.outsider.subject, {}, a)).audits.some((x) => x.id === auditId)).toBe(false);
    expect((await auditListFor(u.aud2.subject, {}, a)).audits.some((x) => x.id === auditId)).toBe(true);
  });

  it('回避: a team member who works in the audited unit may not score it', async () => {
    const before = await a.user.findUniqueOrThrow({ where: { id: u.aud2.id }, select: { orgId: true } });
    await a.user.update({ where: { id: u.aud2.id }, data: { orgId: tree.a1.id } });
    try {
      await expect(saveScore(a, u.aud2.ctx, score(c1, 1, '一次支委会无记录'))).rejects.toThrow(
        'audits.errors.ownUnit',
      );
      expect(await a.auditScore.count({ where: { auditId } })).toBe(0);
    } finally {
      await a.user.update({ where: { id: u.aud2.id }, data: { orgId: before.orgId } });
    }
  });

  it('two auditors scoring different criteria at once both keep their work; a re-sent save does not double it', async () => {
    await Promise.all([
      saveScore(a, u.aud1.ctx, score(c1, 3, '三次支委会无记录')),
      saveScore(b, u.aud2.ctx, score(c2, 2, '两个月党费未按时收缴')),
    ]);
    await saveScore(a, u.aud1.ctx, score(c1, 3, '三次支委会无记录'));
    const rows = await a.auditScore.findMany({ where: { auditId }, orderBy: { deduction: 'asc' } });
    expect(rows.map((r) => r.deduction)).toEqual([6, 10]);
    expect(await a.auditEvent.count({ where: { entityId: auditId, action: 'audits.score' } })).toBe(2);
    expect((await a.audit.findUniqueOrThrow({ where: { id: auditId } })).status).toBe('IN_PROGRESS');
    const f = {
      auditId,
      clientKey: 'finding-0001',
      kind: 'PROBLEM' as const,
      text: '支委会记录缺失，存在补记现象',
      criterionId: hb.criteria[c1]!.id,
    };
    const first = await addFinding(a, u.aud1.ctx, f);
    expect((await addFinding(a, u.aud1.ctx, f)).id).toBe(first.id);
    expect(await a.finding.count({ where: { auditId } })).toBe(1);
  });

  it('finishing computes the total by the shared rules; after that nothing is scored', async () => {
    const r = await finishAudit(a, u.aud1.ctx, auditId, new Date('2026-11-20T08:00:00Z'));
    expect(r.total).toBe(54 + 30);
    await expect(saveScore(a, u.aud2.ctx, score(c1, 0))).rejects.toThrow('audits.errors.closed');
    await expect(finishAudit(a, u.aud1.ctx, auditId)).rejects.toThrow('audits.errors.closed');
  });
});

describe('self versus audit', () => {
  it('flags a unit whose self-check total exceeds its audit total by more than the gap', async () => {
    const std = await a.scoringStandard.findFirstOrThrow({ where: { versionId: hb.version.id } });
    await a.selfCheckSheet.create({
      data: {
        orgId: tree.a.id,
        periodKey: '2026-Q4',
        standardId: std.id,
        status: 'SUBMITTED',
        total: 98,
        createdById: u.secA.id,
        submittedAt: new Date(),
      },
    });
    const rows = await gapRowsFor(u.committee.subject, { onlyFlagged: true }, a);
    expect(rows.find((r) => r.orgId === tree.a.id)).toMatchObject({
      auditTotal: 84,
      selfTotal: 98,
      gap: 14,
      flagged: true,
    });
    expect(
      (await gapRowsFor(u.committee.subject, { threshold: 20 }, a)).find((r) => r.orgId === tree.a.id)!
        .flagged,
    ).toBe(false);
    await expect(gapRowsFor(u.aud1.subject, undefined, a)).rejects.toThrow('errors.forbidden');
  });
});
