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
  const units = audits.map((a) => a.orgId);
  // Set-based whatever the number of units (a year-end plan audits every branch): five statements.
  const groups = await client.organization.findMany({
    where: { parentId: { in: units }, type: 'PARTY_GROUP' },
    select: { id: true, parentId: true },
  });
  const unitOf = new Map<string, string>([
    ...units.map((u) => [u, u] as const),
    ...groups.map((g) => [g.id, g.parentId!] as const),
  ]);
  const records = await client.meeting.findMany({
    where: {
      orgId: { in: [...unitOf.keys()] },
      kind: c.recordKind,
      status: 'SUBMITTED',
      submittedAt: { lte: c.asOf },
      heldOn: { gte: new Date(`${c.windowStart}T00:00:00Z`), lte: new Date(`${c.windowEnd}T00:00:00Z`) },
    },
    select: { id: true, orgId: true },
    orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
  });
  const lasts = units.length
    ? await client.$queryRaw<{ id: string; orgId: string }[]>`
        SELECT DISTINCT ON ("orgId") id, "orgId" FROM "Audit"
        WHERE "orgId" = ANY(${units}::uuid[]) AND "planId" <> ${planId}::uuid AND "scoredAt" <= ${c.asOf}
        ORDER BY "orgId", "scoredAt" DESC`
    : [];
  const scores = lasts.length
    ? await client.auditScore.findMany({
        where: { auditId: { in: lasts.map((l) => l.id) }, deduction: { gt: 0 } },
        select: { auditId: true, suggestedRefs: true, taskIds: true },
      })
    : [];
  const viaTasks = await client.reminderTask.findMany({
    where: { id: { in: scores.flatMap((s) => s.taskIds) }, meetingId: { not: null } },
    select: { id: true, meetingId: true },
  });
  const meetingOfTask = new Map(viaTasks.map((t) => [t.id, t.meetingId!]));
  const unitOfAudit = new Map(lasts.map((l) => [l.id, l.orgId]));
  // What each unit's last audit cited: the meetings it suggested from and those that completed the tasks it named.
  const cited = new Map<string, Set<string>>();
  for (const s of scores) {
    const set = cited.get(unitOfAudit.get(s.auditId)!) ?? new Set<string>();
    for (const r of (s.suggestedRefs as Ref[] | null) ?? []) if (r.type === 'meeting') set.add(r.id);
    for (const t of s.taskIds) if (meetingOfTask.has(t)) set.add(meetingOfTask.get(t)!);
    cited.set(unitOfAudit.get(s.auditId)!, set);
  }
  const forced = await client.meeting.findMany({
    where: {
      id: { in: [...cited.values()].flatMap((x) => [...x]) },
      kind: c.recordKind,
      orgId: { in: [...unitOf.keys()] },
    },
    select: { id: true, orgId: true },
    orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
  });
  const byUnit = (rows: { id: string; orgId: string }[], keep = (_u: string, _id: string) => true) => {
    const out = new Map<string, string[]>(units.map((u) => [u, []]));
    for (const r of rows) {
      const u = unitOf.get(r.orgId)!;
      if (keep(u, r.id)) out.get(u)!.push(r.id);
    }
    return out;
  };
  const ids = byUnit(records);
  const forcedIds = byUnit(forced, (u, id) => !!cited.get(u)?.has(id));
  return units.map((u) => ({ orgId: u, ids: ids.get(u)!, forced: forcedIds.get(u)! }));
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
    org: { id: plan.orgPath.split('/').filter(Boolean).at(-1)!, path: plan.orgPath },
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
