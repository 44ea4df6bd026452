/**
 * Event-driven reminder tasks: the published handbook's EVENT actions become tasks when their event happens —
 * a project starts (建支部, for the parent) or ends (撤销), a term nears its end (换届请示, at 180, 90 and 30 days),
 * a 发展 step falls due (谈话, 发展对象, 支部大会, 转正, 材料归档), a transfer overstays its letter. The event is named
 * by the task's periodKey (its kind and subject, ≤ 12 characters), so the same ON CONFLICT DO NOTHING on
 * (action, unit, key) as the periodic tasks makes any number of runs leave one task per event.
 */
import { SYSTEM_ACTOR, type Actor, trace } from '../../audit-log';
import { addDays, addMonths, cstDay } from '../../calendar';
import type { Db, Tx } from '../../db/client';
import { DEFAULT_LIFECYCLE, TERM_REMINDERS, termEnd } from '../../orgs/lifecycle';

type EventTask = { code: string; orgId: string; key: string; event: string; due: string; note: string };
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const short = (id: string) => id.replace(/-/g, '').slice(0, 10);
/** Action codes of the demo handbook's event actions; a company's own handbook uses the same codes for them. */
export const EVENT_CODES = {
  setUp: 'A-01-1',
  close: 'A-01-2',
  election: 'A-02-1',
  talk: 'A-09-1',
  candidate: 'A-10-1',
  admit: 'A-10-2',
  full: 'A-11-2',
  transfer: 'A-16-1',
} as const;
const ARCHIVE_TITLE = '发展党员材料归档';

/** The events of today: pure reads, no writes. */
async function currentEvents(tx: Tx, today: string): Promise<EventTask[]> {
  const out: EventTask[] = [];
  const soon = addDays(today, 30);
  const units = await tx.organization.findMany({
    where: { type: { in: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'] }, status: { not: 'ARCHIVED' } },
    select: {
      id: true,
      name: true,
      type: true,
      status: true,
      parentId: true,
      temporary: true,
      projectActualStart: true,
      projectActualEnd: true,
      setupRequestedOn: true,
      termStart: true,
      termYears: true,
      termExtendedTo: true,
    },
  });
  const full = new Map(
    (
      await tx.$queryRaw<{ unit: string; n: bigint }[]>`
        SELECT COALESCE("workOrgId", "orgId") AS unit, count(*) AS n FROM "Person"
        WHERE status = 'FULL' AND "leftOn" IS NULL GROUP BY 1`
    ).map((r) => [r.unit, Number(r.n)]),
  );
  for (const u of units) {
    const started = iso(u.projectActualStart);
    if (
      u.type === 'BRANCH' &&
      u.status === 'PREPARING' &&
      started &&
      started <= today &&
      !u.setupRequestedOn &&
      u.parentId &&
      (full.get(u.id) ?? 0) >= 3
    )
      out.push({
        code: EVENT_CODES.setUp,
        orgId: u.parentId,
        key: `S${short(u.id)}`,
        event: started,
        due: addDays(started, DEFAULT_LIFECYCLE.requestDays),
        note: `${u.name} 开工 ${started}`,
      });
    const ended = iso(u.projectActualEnd);
    if (u.status === 'ACTIVE' && ended && ended <= today)
      out.push({
        code: EVENT_CODES.close,
        orgId: u.id,
        key: `C${short(u.id)}`,
        event: ended,
        due: addDays(ended, 30),
        note: `项目竣工 ${ended}`,
      });
    if (u.status === 'ACTIVE' && !u.temporary) {
      const end = termEnd({
        type: u.type,
        termStart: iso(u.termStart),
        termYears: u.termYears,
        termExtendedTo: iso(u.termExtendedTo),
      });
      if (end)
        for (const n of TERM_REMINDERS) {
          const at = addDays(end, -n);
          if (at <= today && today <= end)
            out.push({
              code: EVENT_CODES.election,
              orgId: u.id,
              key: `T${end.replace(/-/g, '')}${n}`,
              event: at,
              due: n > 30 ? addDays(at, 30) : end,
              note: `任期 ${end} 届满（提前 ${n} 天）`,
            });
        }
    }
  }
  const people = await tx.person.findMany({
    where: {
      leftOn: null,
      status: { in: ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY'] },
      org: { status: 'ACTIVE', temporary: false },
    },
    select: {
      id: true,
      name: true,
      orgId: true,
      status: true,
      appliedOn: true,
      talkOn: true,
      activistOn: true,
      candidateOn: true,
      admittedOn: true,
      probationExtendedMonths: true,
    },
  });
  for (const p of people) {
    // A person's events: their unit, a key naming the person, the event day, the due day and what happened.
    const push = (code: string, event: string, due: string, what: string) =>
      out.push({ code, orgId: p.orgId, key: `P${short(p.id)}`, event, due, note: `${p.name} ${what}` });
    const applied = iso(p.appliedOn);
    if (p.status === 'APPLICANT' && applied && !p.talkOn)
      push(EVENT_CODES.talk, applied, addMonths(applied, 1), `申请入党 ${applied}`);
    const activist = iso(p.activistOn);
    const year = activist ? addMonths(activist, 12) : null;
    if (p.status === 'ACTIVIST' && year && year <= soon)
      push(EVENT_CODES.candidate, year, addDays(year, 30), `培养考察满一年 ${year}`);
    const candidate = iso(p.candidateOn);
    if (p.status === 'CANDIDATE' && candidate)
      push(EVENT_CODES.admit, candidate, addMonths(candidate, 3), `确定为发展对象 ${candidate}`);
    const admitted = iso(p.admittedOn);
    if (p.status === 'PROBATIONARY' && admitted) {
      const end = addMonths(admitted, 12 + Math.min(p.probationExtendedMonths ?? 0, 12));
      if (end <= soon) push(EVENT_CODES.full, end, addDays(end, 30), `预备期 ${end} 届满`);
      if (addDays(admitted, 60) >= today)
        push(ARCHIVE_TITLE, admitted, addDays(admitted, 7), `接收为预备党员 ${admitted}`);
    }
  }
  const late = await tx.transfer.findMany({
    where: { status: 'ISSUED', validUntil: { lt: new Date(`${today}T00:00:00Z`) } },
    select: {
      id: true,
      kind: true,
      fromOrgId: true,
      toOrgId: true,
      validUntil: true,
      person: { select: { name: true } },
    },
  });
  for (const t of late) {
    const orgId = t.kind === 'OUT' ? t.fromOrgId : t.toOrgId;
    const until = iso(t.validUntil)!;
    if (orgId)
      out.push({
        code: EVENT_CODES.transfer,
        orgId,
        key: `X${short(t.id)}`,
        event: until,
        due: addDays(until, 15),
        note: `${t.person.name} 介绍信 ${until} 到期未报到`,
      });
  }
  return out;
}

export type EventResult = { events: number; inserted: number };

/** Creates the tasks of today's events (China time); idempotent. The hourly job and the seed call it. */
export async function generateEventTasks(
  client: Db,
  now = new Date(),
  actor: Actor = SYSTEM_ACTOR,
): Promise<EventResult> {
  const today = cstDay(now);
  return client.$transaction(
    async (tx) => {
      const version = await tx.handbookVersion.findFirst({
        where: { status: 'PUBLISHED' },
        select: { id: true },
      });
      if (!version) return { events: 0, inserted: 0 };
      const actions = await tx.prescribedAction.findMany({
        where: { versionId: version.id, frequency: 'EVENT' },
        select: { id: true, key: true, code: true, title: true },
      });
      const byCode = new Map(actions.flatMap((a) => [[a.code, a] as const, [a.title, a] as const]));
      const events = (await currentEvents(tx, today)).filter((e) => byCode.has(e.code));
      const { count } = await tx.reminderTask.createMany({
        data: events.map((e) => {
          const a = byCode.get(e.code)!;
          return {
            actionKey: a.key,
            actionId: a.id,
            orgId: e.orgId,
            periodKey: e.key,
            periodStart: new Date(`${e.event}T00:00:00Z`),
            periodEnd: new Date(`${e.due > e.event ? e.due : e.event}T00:00:00Z`),
            dueDate: new Date(`${e.due}T00:00:00Z`),
            eventNote: e.note.slice(0, 200),
          };
        }),
        skipDuplicates: true,
      });
      if (count > 0 || actor !== SYSTEM_ACTOR)
        await trace(tx, actor, 'reminders.events', 'ReminderTask', null, {
          after: { day: today, events: events.length, inserted: count },
        });
      return { events: events.length, inserted: count };
    },
    { timeout: 120_000 },
  );
}
