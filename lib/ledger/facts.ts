/**
 * What the computed rules read of one unit over one window: its meeting records, its members' 学时,
 * organizational life and 党费, the 发展 pipeline's dates, its transfers out, its prescribed tasks and the unit's
 * term and its 整改 items. Seven statements for any number of units; the rules themselves are pure (lib/ledger/rules.ts).
 */
import type { Db, Tx } from '../db/client';
import { lapsedSince, ORG_LIFE_KINDS } from '../meetings/rules';
import { termEnd } from '../orgs/lifecycle';
import { developmentViolations } from '../people/development';
import { arrears } from '../people/dues';
import type { PipelineRow } from '../people/queries/development';
import { emptyFacts, type FactGroup, type Facts, type Window } from './rules';

const ALL_FACTS: ReadonlySet<FactGroup> = new Set([
  'meetings',
  'members',
  'pipeline',
  'transfers',
  'tasks',
  'rectifications',
]);

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The facts of many units at once (a year-end pre-audit of every unit): at most seven statements whatever the number
 * of units, each over `= ANY(units)`, then shared out by unit; only the groups `need` names are read.
 */
export async function loadFactsMany(
  client: Db | Tx,
  orgIds: string[],
  w: Window,
  today: string,
  need: ReadonlySet<FactGroup> = ALL_FACTS,
): Promise<Map<string, Facts>> {
  const until = w.end < today ? w.end : today;
  const skip = Promise.resolve([] as never[]);
  const [orgs, meetings, members, pipeline, transfers, tasks, rectifications] = await Promise.all([
    client.organization.findMany({
      where: { id: { in: orgIds } },
      select: { id: true, name: true, type: true, termStart: true, termYears: true, termExtendedTo: true },
    }),
    !need.has('meetings')
      ? skip
      : client.meeting.findMany({
          where: {
            orgId: { in: orgIds },
            status: 'SUBMITTED',
            heldOn: { gte: new Date(w.start), lte: new Date(until) },
          },
          select: { id: true, orgId: true, kind: true, heldOn: true, valid: true, backfillReason: true },
        }),
    !need.has('members')
      ? skip
      : // Each member's 学时 in the window (meetings attended, 补学, training classes), last organizational life and
        // 党费 months paid since the window began: grouped once over all the units' members.
        client.$queryRaw<
          {
            id: string;
            orgId: string;
            name: string;
            admittedOn: Date | null;
            hours: number | string;
            lastAttended: Date | null;
            memberSince: Date | null;
            paid: string[];
          }[]
        >`
      WITH p AS (
        SELECT id, "orgId", name, "admittedOn", "userId",
          -- Since when the unit can know of the member's organizational life (lib/meetings/rules.ts lapsedSince).
          greatest("admittedOn", ("createdAt" AT TIME ZONE 'Asia/Shanghai')::date,
            (SELECT max((t."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date) FROM "Transfer" t
              WHERE t."personId" = "Person".id AND t."toOrgId" = "Person"."orgId" AND t."receivedAt" IS NOT NULL))
            AS "memberSince"
        FROM "Person"
        WHERE "orgId" = ANY(${orgIds}::uuid[]) AND "leftOn" IS NULL AND status IN ('FULL', 'PROBATIONARY')),
      att AS (
        SELECT ma."personId",
          sum(m."studyHours") FILTER (WHERE m."heldOn" >= ${w.start}::date) AS hours,
          max(m."heldOn") FILTER (WHERE m.kind::text = ANY(${[...ORG_LIFE_KINDS]}::text[])) AS last
        FROM "MeetingAttendee" ma JOIN "Meeting" m ON m.id = ma."meetingId"
        WHERE ma."personId" IN (SELECT id FROM p) AND ma.status = 'PRESENT' AND m.status = 'SUBMITTED'
          AND m."heldOn" <= ${until}::date
        GROUP BY ma."personId"),
      mk AS (
        SELECT "personId", sum(hours) AS hours FROM "MakeupStudy"
        WHERE "personId" IN (SELECT id FROM p) AND "studiedOn" BETWEEN ${w.start}::date AND ${until}::date
        GROUP BY "personId"),
      tr AS (
        SELECT ta."userId", sum(round(extract(epoch FROM t."endsAt" - t."startsAt") / 1800) / 2) AS hours
        FROM "TrainingAttendance" ta JOIN "TrainingSession" t ON t.id = ta."sessionId"
        WHERE ta."userId" IN (SELECT "userId" FROM p WHERE "userId" IS NOT NULL)
          AND (t."startsAt" AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${w.start}::date AND ${until}::date
        GROUP BY ta."userId"),
      dues AS (
        SELECT "personId", array_agg(month) AS paid FROM "DuesPayment"
        WHERE "personId" IN (SELECT id FROM p) AND month >= ${w.start.slice(0, 7)}
        GROUP BY "personId")
      SELECT p.id, p."orgId", p.name, p."admittedOn", p."memberSince",
        COALESCE(att.hours, 0) + COALESCE(mk.hours, 0) + COALESCE(tr.hours, 0) AS hours,
        att.last AS "lastAttended", COALESCE(dues.paid, '{}') AS paid
      FROM p LEFT JOIN att ON att."personId" = p.id LEFT JOIN mk ON mk."personId" = p.id
        LEFT JOIN tr ON tr."userId" = p."userId" LEFT JOIN dues ON dues."personId" = p.id
      ORDER BY p.name`,
    !need.has('pipeline')
      ? skip
      : client.$queryRaw<(Omit<PipelineRow, 'employeeNo' | 'orgName'> & { orgId: string })[]>`
      SELECT p.id, p."orgId", p.name, p.status::text AS status, p."appliedOn", p."talkOn", p."activistOn",
        p."candidateOn", p."trainingDays", p."trainingHours", p."politicalReviewOn", p."admittedOn", p."approvedOn",
        p."fullOn", p."probationExtendedMonths", COALESCE(o."projectActualEnd", o."projectPlannedEnd") AS "projectEnd"
      FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
      WHERE p."orgId" = ANY(${orgIds}::uuid[]) AND p."leftOn" IS NULL
        AND p.status IN ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY')`,
    !need.has('transfers')
      ? skip
      : client.transfer.findMany({
          where: { fromOrgId: { in: orgIds }, status: { in: ['ISSUED', 'RECEIVED'] } },
          select: {
            id: true,
            fromOrgId: true,
            status: true,
            validUntil: true,
            person: { select: { name: true } },
          },
        }),
    !need.has('tasks')
      ? skip
      : client.reminderTask.findMany({
          where: { orgId: { in: orgIds }, dueDate: { gte: new Date(w.start), lte: new Date(w.end) } },
          select: {
            id: true,
            orgId: true,
            periodKey: true,
            dueDate: true,
            status: true,
            backfillFlag: true,
            action: { select: { code: true, article: { select: { number: true } } } },
          },
        }),
    !need.has('rectifications')
      ? skip
      : client.rectificationItem.findMany({
          where: { orgId: { in: orgIds }, deadline: { gte: new Date(w.start), lte: new Date(w.end) } },
          select: { id: true, orgId: true, problem: true, deadline: true, status: true, closedOnTime: true },
        }),
  ]);
  const startMonth = w.start.slice(0, 7);
  // A month is late once it is over: arrears are counted up to the window's last month that has ended.
  const thisMonth = w.end < today ? nextMonth(w.end.slice(0, 7)) : until.slice(0, 7);
  const out = new Map<string, Facts>();
  for (const org of orgs)
    out.set(
      org.id,
      emptyFacts(today, {
        id: org.id,
        name: org.name,
        termEnd: termEnd({ ...org, termStart: iso(org.termStart), termExtendedTo: iso(org.termExtendedTo) }),
      }),
    );
  for (const m of meetings)
    out.get(m.orgId)?.meetings.push({
      id: m.id,
      kind: m.kind,
      heldOn: iso(m.heldOn)!,
      valid: m.valid,
      backfilled: m.backfillReason !== null,
    });
  for (const m of members)
    out.get(m.orgId)?.members.push({
      id: m.id,
      name: m.name,
      hours: Number(m.hours),
      lapsed: lapsedSince(iso(m.lastAttended), iso(m.memberSince), until),
      owedMonths: arrears(
        { admittedMonth: m.admittedOn?.toISOString().slice(0, 7) ?? null, paid: new Set(m.paid) },
        startMonth,
        thisMonth,
      ).months.length,
    });
  for (const p of pipeline)
    out.get(p.orgId)?.pipeline.push({
      id: p.id,
      name: p.name,
      problems: developmentViolations(
        {
          status: p.status,
          appliedOn: iso(p.appliedOn),
          talkOn: iso(p.talkOn),
          activistOn: iso(p.activistOn),
          candidateOn: iso(p.candidateOn),
          trainingDays: p.trainingDays,
          trainingHours: p.trainingHours,
          politicalReviewOn: iso(p.politicalReviewOn),
          admittedOn: iso(p.admittedOn),
          approvedOn: iso(p.approvedOn),
          fullOn: iso(p.fullOn),
          probationExtendedMonths: p.probationExtendedMonths,
          projectEnd: iso(p.projectEnd),
        },
        until,
      ).map((v) => v.key),
    });
  for (const t of transfers)
    out.get(t.fromOrgId!)?.transfers.push({
      id: t.id,
      name: t.person.name,
      validUntil: iso(t.validUntil),
      received: t.status === 'RECEIVED',
    });
  for (const t of tasks)
    out.get(t.orgId)?.tasks.push({
      id: t.id,
      code: t.action.code,
      article: t.action.article.number,
      periodKey: t.periodKey,
      dueDate: iso(t.dueDate)!,
      open: t.status === 'OPEN',
      backfillFlag: t.backfillFlag,
    });
  for (const r of rectifications)
    out.get(r.orgId)?.rectifications.push({
      id: r.id,
      problem: r.problem.length > 40 ? `${r.problem.slice(0, 40)}…` : r.problem,
      deadline: iso(r.deadline)!,
      accepted: r.status === 'ACCEPTED',
      onTime: r.closedOnTime,
    });
  return out;
}

function nextMonth(month: string) {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
