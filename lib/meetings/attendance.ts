import 'server-only';
import { cstDay } from '../calendar';
import { db } from '../db';
import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { can, type Subject } from '../policy';
import { lapsedSince, ORG_LIFE_KINDS, YEARLY_STUDY_HOURS } from './rules';

export type AttendanceRow = {
  personId: string;
  name: string;
  status: string | null;
  admittedOn: string | null;
  present: number;
  missed: number;
  /** Absences of the year not yet made up by 补学. */
  makeupOwed: number;
  hours: number;
  lastAttended: string | null;
  lapsed: boolean;
  short: boolean;
};

type Raw = Omit<AttendanceRow, 'lapsed' | 'short' | 'hours'> & {
  hours: number | string;
  memberSince: string | null;
};

/**
 * 学时 and attendance of the year for the given people: meetings attended (submitted records), 补学 and training
 * classes signed in (the class's length, in half hours). One statement for a whole branch.
 */
async function attendanceOf(client: Db, personIds: string[], year: number, today: string) {
  if (personIds.length === 0) return [];
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // Each person's meetings are read once and counted in one pass (GROUP BY): a subquery a figure over the
  // branch's meetings took 370 ms for a 300-person branch, every one of them scanning all of its rows.
  const rows = await client.$queryRaw<Raw[]>`
    WITH a AS (
      SELECT ma."personId", ma.status, m."heldOn", m."studyHours", m.kind,
        m."heldOn" BETWEEN ${from}::date AND ${to}::date AS "inYear", s."meetingId" IS NOT NULL AS "madeUp"
      FROM "MeetingAttendee" ma JOIN "Meeting" m ON m.id = ma."meetingId"
        LEFT JOIN "MakeupStudy" s ON s."meetingId" = m.id AND s."personId" = ma."personId"
      WHERE ma."personId" = ANY(${personIds}::uuid[]) AND m.status = 'SUBMITTED'
    ), per AS (
      SELECT "personId",
        count(*) FILTER (WHERE "inYear" AND status = 'PRESENT')::int AS present,
        count(*) FILTER (WHERE "inYear" AND status <> 'PRESENT')::int AS missed,
        count(*) FILTER (WHERE "inYear" AND status <> 'PRESENT' AND NOT "madeUp")::int AS "makeupOwed",
        sum("studyHours") FILTER (WHERE "inYear" AND status = 'PRESENT') AS hours,
        max("heldOn") FILTER (WHERE status = 'PRESENT' AND kind::text = ANY(${[...ORG_LIFE_KINDS]}::text[]))
          AS "lastAttended"
      FROM a GROUP BY "personId"
    )
    SELECT p.id AS "personId", p.name, p.status::text AS status, to_char(p."admittedOn", 'YYYY-MM-DD') AS "admittedOn",
      COALESCE(per.present, 0) AS present, COALESCE(per.missed, 0) AS missed,
      COALESCE(per."makeupOwed", 0) AS "makeupOwed",
      COALESCE(per.hours, 0)
      + COALESCE((SELECT sum(hours) FROM "MakeupStudy" s
          WHERE s."personId" = p.id AND s."studiedOn" BETWEEN ${from}::date AND ${to}::date), 0)
      + COALESCE((SELECT sum(round(extract(epoch FROM t."endsAt" - t."startsAt") / 1800) / 2)
          FROM "TrainingAttendance" ta JOIN "TrainingSession" t ON t.id = ta."sessionId"
          WHERE p."userId" IS NOT NULL AND ta."userId" = p."userId"
            AND (t."startsAt" AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date), 0)
        AS hours,
      to_char(per."lastAttended", 'YYYY-MM-DD') AS "lastAttended",
      -- Since when the unit can know of the member's organizational life: admitted, registered here, or arrived by
      -- a transfer confirmed into their unit, whichever is latest.
      to_char(greatest(p."admittedOn", (p."createdAt" AT TIME ZONE 'Asia/Shanghai')::date,
        (SELECT max((t."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date) FROM "Transfer" t
          WHERE t."personId" = p.id AND t."toOrgId" = p."orgId" AND t."receivedAt" IS NOT NULL)), 'YYYY-MM-DD')
        AS "memberSince"
    FROM "Person" p LEFT JOIN per ON per."personId" = p.id WHERE p.id = ANY(${personIds}::uuid[])
    ORDER BY p.name`;
  const ended = year < Number(today.slice(0, 4));
  return rows.map((r) => {
    const hours = Number(r.hours);
    return {
      ...r,
      hours,
      lapsed: lapsedSince(r.lastAttended, r.memberSince, today),
      // Under 32 学时: final for a past year; for the current one, shown as the gap still to close.
      short: (ended || today.slice(5) >= '12-01') && hours < YEARLY_STUDY_HOURS,
    };
  });
}

/** The branch list: every 党员 whose 组织关系 is the unit, with the year's attendance and 学时. */
export async function unitAttendance(user: Subject, orgId: string, year: number, client: Db = db) {
  const org = await client.organization.findUnique({
    where: { id: orgId },
    select: { id: true, name: true, path: true, type: true },
  });
  if (!org || !can(user, 'meeting.read', org) || !can(user, 'person.read', org)) throw new NotFoundError();
  const people = await client.person.findMany({
    where: {
      ...(org.type === 'PARTY_GROUP' ? { partyGroupId: org.id } : { orgId: org.id }),
      status: { in: ['FULL', 'PROBATIONARY'] },
      leftOn: null,
    },
    select: { id: true },
  });
  const today = cstDay(new Date());
  return {
    org,
    rows: await attendanceOf(
      client,
      people.map((p) => p.id),
      year,
      today,
    ),
  };
}

/** One person's year, for their page (the caller has read the person through lib/people). */
export async function personAttendance(
  user: Subject,
  person: { id: string; org: { id: string; path: string } },
  year: number,
  client: Db = db,
) {
  if (!can(user, 'meeting.read', person.org)) return null;
  const [row] = await attendanceOf(client, [person.id], year, cstDay(new Date()));
  const byKind = await client.$queryRaw<{ kind: string; present: number; missed: number }[]>`
    SELECT m.kind::text AS kind, count(*) FILTER (WHERE ma.status = 'PRESENT')::int AS present,
      count(*) FILTER (WHERE ma.status <> 'PRESENT')::int AS missed
    FROM "MeetingAttendee" ma JOIN "Meeting" m ON m.id = ma."meetingId" JOIN "Organization" o ON o.id = m."orgId"
    WHERE ma."personId" = ${person.id}::uuid AND m.status = 'SUBMITTED' AND o.path LIKE ${`${person.org.path}%`}
      AND m."heldOn" BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
    GROUP BY m.kind ORDER BY m.kind`;
  // The meetings named are those of the unit the reader may read (a member's earlier branch stays its own).
  const makeups = await client.makeupStudy.findMany({
    where: { personId: person.id, meeting: { org: { path: { startsWith: person.org.path } } } },
    orderBy: { studiedOn: 'desc' },
    take: 20,
    select: {
      id: true,
      studiedOn: true,
      method: true,
      hours: true,
      meeting: { select: { id: true, kind: true, heldOn: true, topic: true } },
    },
  });
  return { summary: row ?? null, byKind, makeups };
}
