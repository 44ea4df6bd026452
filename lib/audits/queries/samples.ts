/**
 * 二级抽样 working papers as read: the plan's list and one paper with its units and records by name.
 */
import 'server-only';
import { db } from '../../db';
import type { Db } from '../../db/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import { canOnPlan, type Subject } from '../../policy';
import type { UnitPopulation, UnitSample } from '../sampling';
import { loadPlanRef } from './sample-draw';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The working paper as read: units by name, each sampled record with its day, topic and validity. */
export async function sampleFor(user: Subject, id: string, client: Db = db) {
  const s = await client.recordSample.findUnique({ where: { id } });
  if (!s) throw new NotFoundError();
  const { plan, ref } = await loadPlanRef(client, s.planId);
  if (!canOnPlan(user, 'plan.read', ref)) throw new ForbiddenError();
  const population = s.population as UnitPopulation[];
  const sample = s.sample as UnitSample[];
  const ids = sample.flatMap((u) => [...u.forced, ...u.drawn]);
  const [orgs, records, people] = await Promise.all([
    client.organization.findMany({
      where: { id: { in: population.map((u) => u.orgId) } },
      select: { id: true, name: true },
    }),
    client.meeting.findMany({
      where: { id: { in: ids } },
      select: { id: true, heldOn: true, topic: true, valid: true, place: true },
    }),
    client.user.findMany({
      where: { id: { in: [s.reviewerId, s.createdById, ...(s.signedById ? [s.signedById] : [])] } },
      select: { id: true, name: true },
    }),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const record = new Map(records.map((r) => [r.id, { ...r, heldOn: day(r.heldOn) }]));
  const name = new Map(people.map((p) => [p.id, p.name]));
  return {
    sample: s,
    plan: { id: plan.id, title: plan.title, periodKey: plan.periodKey, closedAt: plan.closedAt },
    units: population.map((u) => {
      const picked = sample.find((x) => x.orgId === u.orgId) ?? { drawn: [], forced: [] };
      return {
        orgId: u.orgId,
        orgName: orgName.get(u.orgId) ?? u.orgId,
        population: u.ids.length,
        populationIds: u.ids,
        records: [
          ...picked.forced.map((id) => ({ id, forced: true, ...record.get(id) })),
          ...picked.drawn.map((id) => ({ id, forced: false, ...record.get(id) })),
        ],
      };
    }),
    reviewer: name.get(s.reviewerId) ?? '',
    drawnBy: name.get(s.createdById) ?? '',
    signedBy: s.signedById ? (name.get(s.signedById) ?? '') : null,
    canSignOff: !s.signedAt && !plan.closedAt && canOnPlan(user, 'sample.signOff', ref),
  };
}

/** The plan's working papers, newest first (the plan page's list). */
export async function samplesOfPlan(client: Db, planId: string) {
  return client.recordSample.findMany({
    where: { planId },
    select: { id: true, recordKind: true, perUnit: true, createdAt: true, signedAt: true, seed: true },
    orderBy: { createdAt: 'desc' },
  });
}
