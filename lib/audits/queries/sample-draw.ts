/**
 * 二级抽样: the population of records per audited unit as of a draw, and the re-run of a stored draw. No
 * server-only import: the demo seed draws through it too.
 */
import type { Db, Tx } from '../../db/client';
import { NotFoundError, UserError } from '../../errors';
import type { Ref } from '../../ledger/rules';
import type { MeetingKind } from '../../meetings/rules';
import type { PlanRef } from '../../policy';
import { DRAW_ALGORITHM, drawRecords, type UnitPopulation, type UnitSample } from '../sampling';

const day = (d: Date) => d.toISOString().slice(0, 10);

export type SampleCriteria = {
  recordKind: MeetingKind;
  windowStart: string;
  windowEnd: string;
  asOf: Date;
};

/** A unit's own records and its party groups' (a 党总支's branches are units of their own). */
const ownRecords = (orgId: string) => ({
  OR: [{ orgId }, { org: { parentId: orgId, type: 'PARTY_GROUP' as const } }],
});

/**
 * Per unit of the plan: its submitted records of the kind held in the window (its party groups' too, not a 党总支's branches), submitted no
 * later than the draw, ordered by day then id; and, forced in, the records of that kind behind the deductions of the
 * unit's latest scored audit of another plan (suggested refs, and meetings that completed the tasks it cited).
 */
export async function samplePopulation(
  client: Db | Tx,
  planId: string,
  c: SampleCriteria,
): Promise<UnitPopulation[]> {
  const audits = await client.audit.findMany({
    where: { planId },
    select: { orgId: true },
    orderBy: { org: { path: 'asc' } },
  });
  const out: UnitPopulation[] = [];
  for (const a of audits) {
    const records = await client.meeting.findMany({
      where: {
        ...ownRecords(a.orgId),
        kind: c.recordKind,
        status: 'SUBMITTED',
        submittedAt: { lte: c.asOf },
        heldOn: { gte: new Date(`${c.windowStart}T00:00:00Z`), lte: new Date(`${c.windowEnd}T00:00:00Z`) },
      },
      select: { id: true },
      orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
    });
    const last = await client.audit.findFirst({
      where: { orgId: a.orgId, planId: { not: planId }, scoredAt: { lte: c.asOf } },
      orderBy: { scoredAt: 'desc' },
      select: { scores: { where: { deduction: { gt: 0 } }, select: { suggestedRefs: true, taskIds: true } } },
    });
    const refIds = (last?.scores ?? []).flatMap((s) =>
      ((s.suggestedRefs as Ref[] | null) ?? []).filter((r) => r.type === 'meeting').map((r) => r.id),
    );
    const taskIds = (last?.scores ?? []).flatMap((s) => s.taskIds);
    const viaTasks = taskIds.length
      ? await client.reminderTask.findMany({
          where: { id: { in: taskIds }, meetingId: { not: null } },
          select: { meetingId: true },
        })
      : [];
    const candidates = [...new Set([...refIds, ...viaTasks.map((t) => t.meetingId!)])];
    const forced = candidates.length
      ? await client.meeting.findMany({
          where: { id: { in: candidates }, kind: c.recordKind, ...ownRecords(a.orgId) },
          select: { id: true },
          orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
        })
      : [];
    out.push({ orgId: a.orgId, ids: records.map((r) => r.id), forced: forced.map((r) => r.id) });
  }
  return out;
}

export async function loadPlanRef(client: Db | Tx, planId: string) {
  const plan = await client.auditPlan.findUnique({
    where: { id: planId },
    include: { members: { select: { userId: true, leader: true } } },
  });
  if (!plan) throw new NotFoundError();
  const ref: PlanRef = {
    memberIds: plan.members.map((m) => m.userId),
    leaderIds: plan.members.filter((m) => m.leader).map((m) => m.userId),
    org: { id: plan.id, path: plan.orgPath },
  };
  return { plan, ref };
}

/**
 * Re-runs a working paper's draw: the population is recomputed as of the draw and must be the one stored (same
 * records, same order, same forced ones); the stored population drawn again with the stored seed must give the stored
 * sample.
 */
export async function verifySample(client: Db, id: string) {
  const s = await client.recordSample.findUnique({ where: { id } });
  if (!s) throw new NotFoundError();
  if (s.algorithm !== DRAW_ALGORITHM)
    throw new UserError('audits.errors.unknownAlgorithm', { algorithm: s.algorithm });
  const stored = s.population as UnitPopulation[];
  const now = await samplePopulation(client, s.planId, {
    recordKind: s.recordKind,
    windowStart: day(s.windowStart),
    windowEnd: day(s.windowEnd),
    asOf: s.asOf,
  });
  const key = (p: UnitPopulation[]) => JSON.stringify(p.map((u) => [u.orgId, u.ids, u.forced]));
  if (key(stored) !== key(now)) {
    const before = new Set(stored.flatMap((u) => u.ids));
    const after = new Set(now.flatMap((u) => u.ids));
    throw new UserError('audits.errors.populationChanged', {
      added: [...after].filter((x) => !before.has(x)).length,
      removed: [...before].filter((x) => !after.has(x)).length,
    });
  }
  const again = drawRecords(stored, s.perUnit, s.seed);
  // Compared as arrays: jsonb keeps an object's keys in its own order.
  const flat = (x: UnitSample[]) => JSON.stringify(x.map((u) => [u.orgId, u.drawn, u.forced]));
  return {
    same: flat(again) === flat(s.sample as UnitSample[]),
    records: again.reduce((n, u) => n + u.drawn.length + u.forced.length, 0),
    units: again.length,
  };
}
