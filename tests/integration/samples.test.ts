import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodFromKey } from '../../lib/calendar';
import { drawSample, signOffSample } from '../../lib/audits/mutations/samples';
import { sampleFor } from '../../lib/audits/queries/samples';
import { verifySample } from '../../lib/audits/queries/sample-draw';
import { drawRecords, type UnitPopulation, type UnitSample } from '../../lib/audits/sampling';
import { ZDrawSample } from '../../lib/audits/schema';
import { makePlan } from '../fixtures/audits';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser, uniq, type TestUser, type Tree } from '../fixtures/factories';
import { makePublishedHandbook } from '../fixtures/handbook';
import { refusal } from '../fixtures/people';

const db = testDb();
const QUARTER = '2026-Q2';
const q = periodFromKey(QUARTER)!;
let tree: Tree;
let committee: TestUser;
let leader: TestUser;
let member: TestUser;
let outsider: TestUser;
let secretaryB: TestUser;
let planId: string;
let oldMeeting: string;
const inA: string[] = [];
const inB: string[] = [];

async function meeting(
  orgId: string,
  orgPath: string,
  day: string,
  kind: 'COMMITTEE' | 'THEME_DAY' = 'COMMITTEE',
) {
  const m = await db.meeting.create({
    data: {
      orgId,
      orgPath,
      kind,
      status: 'SUBMITTED',
      heldOn: new Date(`${day}T00:00:00Z`),
      topic: `${day} 支委会`,
      valid: true,
      createdById: committee.id,
      submittedAt: new Date(`${day}T12:00:00Z`),
    },
  });
  return m.id;
}

beforeAll(async () => {
  tree = await makeTree(db);
  committee = await makeUser(db, 'COMMITTEE', tree.root);
  leader = await makeUser(db, 'AUDITOR', tree.root);
  member = await makeUser(db, 'AUDITOR', tree.root);
  outsider = await makeUser(db, 'AUDITOR', tree.root);
  secretaryB = await makeUser(db, 'SECRETARY', tree.b);
  for (const d of ['2026-04-08', '2026-04-28', '2026-05-12', '2026-06-09', '2026-06-23'])
    inA.push(await meeting(tree.a.id, tree.a.path, d));
  // A party group's meeting counts for its branch.
  inA.push(await meeting(tree.a1.id, tree.a1.path, '2026-05-20'));
  for (const d of ['2026-04-10', '2026-05-15', '2026-06-12'])
    inB.push(await meeting(tree.b.id, tree.b.path, d));
  await meeting(tree.a.id, tree.a.path, '2026-07-02'); // outside the quarter
  await meeting(tree.a.id, tree.a.path, '2026-05-05', 'THEME_DAY'); // another kind
  // Last quarter's audit of A deducted for a 支委会 record: it is forced into the new sample.
  oldMeeting = await meeting(tree.a.id, tree.a.path, '2026-02-10');
  const hb = await makePublishedHandbook(db, uniq('版'));
  const standard = await db.scoringStandard.findFirstOrThrow({ where: { versionId: hb.version.id } });
  const old = await makePlan(db, {
    periodKey: '2026-Q1',
    orgPath: tree.root.path,
    createdById: committee.id,
    units: [tree.a.id],
    standardId: standard.id,
    status: 'SCORED',
    scoredAt: new Date('2026-04-02T00:00:00Z'),
  });
  const oldAudit = old.audits[0]!;
  await db.auditScore.create({
    data: {
      auditId: oldAudit.id,
      criterionId: hb.criteria[0]!.id,
      count: 1,
      deduction: 2,
      suggested: 1,
      suggestedRefs: [{ type: 'meeting', id: oldMeeting, label: '2026-02-10 支委会' }],
      updatedById: leader.id,
    },
  });
  const plan = await makePlan(db, {
    periodKey: QUARTER,
    orgPath: tree.root.path,
    createdById: committee.id,
    team: [leader.id, member.id],
    units: [tree.a.id, tree.b.id],
    standardId: standard.id,
  });
  planId = plan.id;
});

const input = (o: Record<string, unknown> = {}) =>
  ZDrawSample.parse({
    planId,
    recordKind: 'COMMITTEE',
    perUnit: 2,
    seed: 'wp-2026q2',
    reviewerId: member.id,
    ...o,
  });

describe('two-level sampling (二级抽样)', () => {
  let sampleId: string;

  it('draws N records in each unit by the seeded method, with last audit’s records forced in; stored and traced', async () => {
    const r = await drawSample(db, member.ctx, input(), new Date('2026-07-10T02:00:00Z'));
    sampleId = r.id;
    const s = await db.recordSample.findUniqueOrThrow({ where: { id: r.id } });
    const population = s.population as UnitPopulation[];
    const sample = s.sample as UnitSample[];
    expect(population.map((u) => u.orgId).sort()).toEqual([tree.a.id, tree.b.id].sort());
    const a = population.find((u) => u.orgId === tree.a.id)!;
    expect(new Set(a.ids)).toEqual(new Set(inA));
    expect(a.forced).toEqual([oldMeeting]);
    const sa = sample.find((u) => u.orgId === tree.a.id)!;
    expect(sa.forced).toEqual([oldMeeting]);
    expect(sa.drawn).toHaveLength(2);
    expect(sa.drawn.every((id) => inA.includes(id))).toBe(true);
    expect(sample.find((u) => u.orgId === tree.b.id)!.drawn).toHaveLength(2);
    expect(r.records).toBe(5);
    // The same population and seed give the same sample; another seed may not.
    expect(drawRecords(population, 2, 'wp-2026q2')).toEqual(sample);
    expect(s).toMatchObject({
      seed: 'wp-2026q2',
      algorithm: 'mulberry32/es-v1',
      reviewerId: member.id,
      signedAt: null,
    });
    expect(s.windowStart.toISOString().slice(0, 10)).toBe(q.start);
    expect(await db.auditEvent.count({ where: { entityId: r.id, action: 'audits.drawSample' } })).toBe(1);
  });

  it('verifies: the stored draw re-runs the same; a changed population or a tampered sample is caught', async () => {
    expect(await verifySample(db, sampleId)).toEqual({ same: true, units: 2, records: 5 });
    const s = await db.recordSample.findUniqueOrThrow({ where: { id: sampleId } });
    const sample = s.sample as UnitSample[];
    const tampered = sample.map((u) =>
      u.orgId === tree.b.id ? { ...u, drawn: inB.slice(0, 2).reverse() } : u,
    );
    const honest = JSON.stringify(sample) === JSON.stringify(tampered);
    await db.recordSample.update({ where: { id: sampleId }, data: { sample: tampered } });
    expect((await verifySample(db, sampleId)).same).toBe(honest);
    await db.recordSample.update({ where: { id: sampleId }, data: { sample } });
    // A record slipped in afterwards, dated as if submitted before the draw.
    const late = await meeting(tree.b.id, tree.b.path, '2026-06-30');
    expect(await refusal(verifySample(db, sampleId))).toBe('audits.errors.populationChanged');
    await db.meeting.delete({ where: { id: late } });
    expect((await verifySample(db, sampleId)).same).toBe(true);
  });

  it('refuses outsiders, a reviewer off the team and a kind without records; nothing is written', async () => {
    const before = await db.recordSample.count({ where: { planId } });
    expect(await refusal(drawSample(db, outsider.ctx, input()))).toBe('errors.forbidden');
    expect(await refusal(drawSample(db, committee.ctx, input()))).toBe('errors.forbidden');
    expect(await refusal(drawSample(db, member.ctx, input({ reviewerId: outsider.id })))).toBe(
      'audits.errors.reviewerOnTeam',
    );
    expect(await refusal(drawSample(db, member.ctx, input({ recordKind: 'HEART_TALK' })))).toBe(
      'audits.errors.noRecords',
    );
    expect(ZDrawSample.safeParse({ ...input(), perUnit: 0 }).success).toBe(false);
    expect(await db.recordSample.count({ where: { planId } })).toBe(before);
  });

  it('is read by the team and the committee, not by a branch; signed off once, by the leader only', async () => {
    expect((await sampleFor(committee.subject, sampleId, db)).units).toHaveLength(2);
    const asMember = await sampleFor(member.subject, sampleId, db);
    expect(asMember.canSignOff).toBe(false);
    expect(asMember.units.find((u) => u.orgId === tree.a.id)!.records.filter((r) => r.forced)).toHaveLength(
      1,
    );
    await expect(sampleFor(secretaryB.subject, sampleId, db)).rejects.toThrow('errors.forbidden');
    await expect(sampleFor(outsider.subject, sampleId, db)).rejects.toThrow('errors.forbidden');
    expect((await sampleFor(leader.subject, sampleId, db)).canSignOff).toBe(true);
    const conclusion = {
      sampleId,
      conclusion: '抽查 5 份支委会记录，议题、表决、签到齐全；2 月一份仍缺签到表照片。',
    };
    expect(await refusal(signOffSample(db, member.ctx, conclusion))).toBe('errors.forbidden');
    await signOffSample(db, leader.ctx, conclusion);
    expect(await refusal(signOffSample(db, leader.ctx, conclusion))).toBe('audits.errors.sampleSigned');
    const s = await db.recordSample.findUniqueOrThrow({ where: { id: sampleId } });
    expect(s).toMatchObject({ signedById: leader.id, conclusion: conclusion.conclusion });
    expect(await db.auditEvent.count({ where: { entityId: sampleId, action: 'audits.signOffSample' } })).toBe(
      1,
    );
  });

  it('a closed plan takes no new draw', async () => {
    await db.auditPlan.update({ where: { id: planId }, data: { closedAt: new Date() } });
    expect(await refusal(drawSample(db, member.ctx, input()))).toBe('audits.errors.closed');
    await db.auditPlan.update({ where: { id: planId }, data: { closedAt: null } });
    expect(randomUUID()).not.toBe(planId);
  });
});
