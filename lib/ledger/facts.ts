/**
 * What the computed rules read of one unit over one window: its meeting records, its members' 学时,
 * organizational life and 党费, the 发展 pipeline's dates, its transfers out, its prescribed tasks and the unit's
 * term. A handful of statements per unit; the rules themselves are pure (lib/ledger/rules.ts).
 */
import type { Db, Tx } from '../db/client';
import { lapsedSince, ORG_LIFE_KINDS } from '../meetings/rules';
import { termEnd } from '../orgs/lifecycle';
import { developmentViolations } from '../people/development';
import { arrears } from '../people/dues';
import type { PipelineRow } from '../people/queries/roster';
import type { Facts, Window } from './rules';

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function loadFacts(client: Db | Tx, orgId: string, w: Window, today: string): Promise<Facts> {
  const until = w.end < today ? w.end : today;
  const org = await client.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { id: true, name: true, type: true, termStart: true, termYears: true, termExtendedTo: true },
  });
  const [meetings, members, pipeline, transfers, tasks] = await Promise.all([
    client.meeting.findMany({
      where: { orgId, status: 'SUBMITTED', heldOn: { gte: new Date(w.start), lte: new Date(until) } },
      select: { id: true, kind: true, heldOn: true, valid: true, backfillReason: true },
    }),
    client.$queryRaw<
      {
        id: string;
        name: string;
        admittedOn: Date | null;
        hours: number | string;
        lastAttended: Date | null;
        paid: string[];
      }[]
    >`
      SELECT p.id, p.name, p."admittedOn",
        COALESCE((SELECT sum(m."studyHours") FROM "MeetingAttendee" ma JOIN "Meeting" m ON m.id = ma."meetingId"
            WHERE ma."personId" = p.id AND ma.status = 'PRESENT' AND m.status = 'SUBMITTED'
              AND m."heldOn" BETWEEN ${w.start}::date AND ${until}::date), 0)
        + COALESCE((SELECT sum(s.hours) FROM "MakeupStudy" s
            WHERE s."personId" = p.id AND s."studiedOn" BETWEEN ${w.start}::date AND ${until}::date), 0)
        + COALESCE((SELECT sum(round(extract(epoch FROM t."endsAt" - t."startsAt") / 1800) / 2)
            FROM "TrainingAttendance" ta JOIN "TrainingSession" t ON t.id = ta."sessionId"
            WHERE p."userId" IS NOT NULL AND ta."userId" = p."userId"
              AND (t."startsAt" AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${w.start}::date AND ${until}::date), 0)
          AS hours,
        (SELECT max(m."heldOn") FROM "MeetingAttendee" ma JOIN "Meeting" m ON m.id = ma."meetingId"
          WHERE ma."personId" = p.id AND ma.status = 'PRESENT' AND m.status = 'SUBMITTED'
            AND m."heldOn" <= ${until}::date AND m.kind::text = ANY(${[...ORG_LIFE_KINDS]}::text[])) AS "lastAttended",
        ARRAY(SELECT d.month FROM "DuesPayment" d WHERE d."personId" = p.id) AS paid
      FROM "Person" p
      WHERE p."orgId" = ${orgId}::uuid AND p."leftOn" IS NULL AND p.status IN ('FULL', 'PROBATIONARY')
      ORDER BY p.name`,
    client.$queryRaw<Omit<PipelineRow, 'employeeNo' | 'orgId' | 'orgName'>[]>`
      SELECT p.id, p.name, p.status::text AS status, p."appliedOn", p."talkOn", p."activistOn", p."candidateOn",
        p."trainingDays", p."trainingHours", p."politicalReviewOn", p."admittedOn", p."approvedOn", p."fullOn",
        p."probationExtendedMonths", COALESCE(o."projectActualEnd", o."projectPlannedEnd") AS "projectEnd"
      FROM "Person" p JOIN "Organization" o ON o.id = p."orgId"
      WHERE p."orgId" = ${orgId}::uuid AND p."leftOn" IS NULL
        AND p.status IN ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY')`,
    client.transfer.findMany({
      where: { fromOrgId: orgId, status: { in: ['ISSUED', 'RECEIVED'] } },
      select: { id: true, status: true, validUntil: true, person: { select: { name: true } } },
    }),
    client.reminderTask.findMany({
      where: { orgId, dueDate: { gte: new Date(w.start), lte: new Date(w.end) } },
      select: {
        id: true,
        periodKey: true,
        dueDate: true,
        status: true,
        backfillFlag: true,
        action: { select: { code: true, article: { select: { number: true } } } },
      },
    }),
  ]);
  const startMonth = w.start.slice(0, 7);
  // A month is late once it is over: arrears are counted up to the window's last month that has ended.
  const thisMonth = w.end < today ? nextMonth(w.end.slice(0, 7)) : until.slice(0, 7);
  return {
    today,
    org: {
      id: org.id,
      name: org.name,
      termEnd: termEnd({ ...org, termStart: iso(org.termStart), termExtendedTo: iso(org.termExtendedTo) }),
    },
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind,
      heldOn: iso(m.heldOn)!,
      valid: m.valid,
      backfilled: m.backfillReason !== null,
    })),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      hours: Number(m.hours),
      lapsed: lapsedSince(iso(m.lastAttended), iso(m.admittedOn), until),
      owedMonths: arrears(
        { admittedMonth: m.admittedOn?.toISOString().slice(0, 7) ?? null, paid: new Set(m.paid) },
        startMonth,
        thisMonth,
      ).months.length,
    })),
    pipeline: pipeline.map((p) => ({
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
    })),
    transfers: transfers.map((t) => ({
      id: t.id,
      name: t.person.name,
      validUntil: iso(t.validUntil),
      received: t.status === 'RECEIVED',
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      code: t.action.code,
      article: t.action.article.number,
      periodKey: t.periodKey,
      dueDate: iso(t.dueDate)!,
      open: t.status === 'OPEN',
      backfillFlag: t.backfillFlag,
    })),
  };
}

function nextMonth(month: string) {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
