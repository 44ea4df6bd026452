// npm run bench:ledger — the computed pre-audit (issue 14) on the seed:large data (5,000 units, one year of meeting
// records: about 195,000 meetings, 2.3 million attendances; made here when missing): one unit's quarter, and the
// year-end pre-audit of every unit, through the app (lib/ledger/pre-audit.ts: facts loaded set-based, rules run in
// memory, records behind each count kept) against the same counts asked by one raw SQL statement. The counts must
// agree (the bench stops if one differs). Prints medians and ratios (goal ≤ 1.5×).
import { periodOf } from '../lib/calendar';
import { cstDay } from '../lib/calendar';
import { preAudit, windowOf } from '../lib/ledger/pre-audit';
import { ORG_LIFE_KINDS, sixMonthsBefore } from '../lib/meetings/rules';
import { previousQuarter } from '../lib/self-check/rules';
import { largeRoot, median, openBench, sampleInTurn } from './lib/bench';

const criterion = (id: string, ruleKey: string, ruleParams: object) => ({
  id,
  code: id,
  kind: 'COMPUTED',
  maxPoints: 10,
  unitDeduction: 1,
  cap: 10,
  levels: null,
  vetoBand: null,
  annualOnly: false,
  ruleKey,
  ruleParams,
});
const CRITERIA = [
  criterion('committeeMonthly', 'meetingsShort', { kind: 'COMMITTEE', per: 'MONTH', min: 1 }),
  criterion('themeDayMonthly', 'meetingsShort', { kind: 'THEME_DAY', per: 'MONTH', min: 1 }),
  criterion('assemblyQuarterly', 'meetingsShort', { kind: 'GENERAL_ASSEMBLY', per: 'QUARTER', min: 1 }),
  criterion('lectureQuarterly', 'meetingsShort', { kind: 'PARTY_LECTURE', per: 'QUARTER', min: 1 }),
  criterion('invalid', 'invalidMeetings', {}),
  criterion('lapsed', 'lapsedMembers', {}),
  criterion('studyHours', 'studyHoursShort', { hours: 32 }),
];

/** Valid meetings per unit, kind and period (month or quarter). */
const held = (name: string, per: string) =>
  `${name} AS (SELECT "orgId", kind, date_trunc('${per}', "heldOn")::date AS p, count(*) FILTER (WHERE valid) AS n
    FROM m GROUP BY 1, 2, 3)`;
/** Per unit, the meetings missing of two kinds over the periods that are over (one a period required). */
const shortOf = (name: string, periods: string, counts: string, ...kinds: [string, string][]) =>
  `${name} AS (SELECT u.id, ${kinds.map(([, col], i) => `sum(GREATEST(0, 1 - COALESCE(k${i}.n, 0))) AS ${col}`).join(', ')}
    FROM u CROSS JOIN ${periods}
    ${kinds.map(([kind], i) => `LEFT JOIN ${counts} k${i} ON k${i}."orgId" = u.id AND k${i}.kind = '${kind}' AND k${i}.p = ${periods}.p`).join('\n    ')}
    GROUP BY u.id)`;

/** Per unit, the seven counts above in one statement ($1 units, $2/$3 window, $4 months over, $5 quarters over…). */
const RAW = `
WITH u AS (SELECT unnest($1::uuid[]) AS id),
mo AS (SELECT unnest($4::date[]) AS p),
qu AS (SELECT unnest($5::date[]) AS p),
m AS (SELECT "orgId", kind::text AS kind, "heldOn", valid FROM "Meeting"
      WHERE "orgId" = ANY($1::uuid[]) AND status = 'SUBMITTED' AND "heldOn" BETWEEN $2::date AND $3::date),
${held('hm', 'month')},
${held('hq', 'quarter')},
${shortOf('monthly', 'mo', 'hm', ['COMMITTEE', 'committee'], ['THEME_DAY', 'theme'])},
${shortOf('quarterly', 'qu', 'hq', ['GENERAL_ASSEMBLY', 'assembly'], ['PARTY_LECTURE', 'lecture'])},
invalid AS (SELECT "orgId" AS id, count(*) FILTER (WHERE valid = false) AS n FROM m GROUP BY 1),
p AS (SELECT id, "orgId", "admittedOn", "userId" FROM "Person"
      WHERE "orgId" = ANY($1::uuid[]) AND "leftOn" IS NULL AND status IN ('FULL', 'PROBATIONARY')),
att AS (SELECT ma."personId", sum(mt."studyHours") FILTER (WHERE mt."heldOn" >= $2::date) AS hours,
          max(mt."heldOn") FILTER (WHERE mt.kind::text = ANY($6::text[])) AS last
        FROM "MeetingAttendee" ma JOIN "Meeting" mt ON mt.id = ma."meetingId"
        WHERE ma."personId" IN (SELECT id FROM p) AND ma.status = 'PRESENT' AND mt.status = 'SUBMITTED'
          AND mt."heldOn" <= $3::date
        GROUP BY ma."personId"),
mk AS (SELECT "personId", sum(hours) AS hours FROM "MakeupStudy"
       WHERE "personId" IN (SELECT id FROM p) AND "studiedOn" BETWEEN $2::date AND $3::date GROUP BY 1),
tr AS (SELECT ta."userId", sum(round(extract(epoch FROM t."endsAt" - t."startsAt") / 1800) / 2) AS hours
       FROM "TrainingAttendance" ta JOIN "TrainingSession" t ON t.id = ta."sessionId"
       WHERE ta."userId" IN (SELECT "userId" FROM p WHERE "userId" IS NOT NULL)
         AND (t."startsAt" AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date GROUP BY 1),
members AS (SELECT p."orgId" AS id,
    count(*) FILTER (WHERE (p."admittedOn" IS NULL OR p."admittedOn" <= $7::date) AND (att.last IS NULL OR att.last < $7::date)) AS lapsed,
    count(*) FILTER (WHERE COALESCE(att.hours, 0) + COALESCE(mk.hours, 0) + COALESCE(tr.hours, 0) < $8) AS short
  FROM p LEFT JOIN att ON att."personId" = p.id LEFT JOIN mk ON mk."personId" = p.id LEFT JOIN tr ON tr."userId" = p."userId"
  GROUP BY p."orgId")
SELECT u.id, COALESCE(monthly.committee, 0)::int AS committee, COALESCE(monthly.theme, 0)::int AS theme,
  COALESCE(quarterly.assembly, 0)::int AS assembly, COALESCE(quarterly.lecture, 0)::int AS lecture,
  COALESCE(invalid.n, 0)::int AS invalid, COALESCE(members.lapsed, 0)::int AS lapsed, COALESCE(members.short, 0)::int AS short
FROM u LEFT JOIN monthly ON monthly.id = u.id LEFT JOIN quarterly ON quarterly.id = u.id
  LEFT JOIN invalid ON invalid.id = u.id LEFT JOIN members ON members.id = u.id`;

const COLUMNS: Record<string, string> = {
  committeeMonthly: 'committee',
  themeDayMonthly: 'theme',
  assemblyQuarterly: 'assembly',
  lectureQuarterly: 'lecture',
  invalid: 'invalid',
  lapsed: 'lapsed',
  studyHours: 'short',
};

/** The periods of a window that are over by today (what the rules count), as first days. */
function periodsOver(per: 'MONTH' | 'QUARTER', w: { start: string; end: string }, today: string) {
  const out: string[] = [];
  for (let p = periodOf(per, w.start); p.start <= w.end;) {
    if (p.end < today && p.start >= w.start && p.end <= w.end) out.push(p.start);
    const next = new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    p = periodOf(per, next);
  }
  return out;
}

const { database, db, raw, close } = await openBench('ledger');
try {
  const root = await largeRoot(db, database.url);
  if (!(await db.meeting.count({ where: { orgPath: { startsWith: root.path } }, take: 1 })))
    throw new Error(
      'this database holds seed:large data from before its meetings: bench:ledger needs a new one',
    );
  await raw.query('ANALYZE');
  const today = cstDay(new Date());
  const units = (
    await db.organization.findMany({
      where: {
        path: { startsWith: root.path },
        type: { in: ['BRANCH', 'GENERAL_BRANCH'] },
        status: 'ACTIVE',
      },
      select: { id: true },
      orderBy: { path: 'asc' },
    })
  ).map((o) => o.id);
  const one = (
    await db.meeting.groupBy({
      by: ['orgId'],
      where: { orgId: { in: units } },
      _count: true,
      orderBy: { _count: { orgId: 'desc' } },
      take: 1,
    })
  )[0]!.orgId;
  const counts = await raw.query(
    `SELECT (SELECT count(*) FROM "Meeting") AS meetings, (SELECT count(*) FROM "MeetingAttendee") AS attendances`,
  );
  console.log(
    `${units.length} units, ${counts.rows[0].meetings} meetings, ${counts.rows[0].attendances} attendances; today ${today}`,
  );

  const cases = [
    {
      label: 'one unit, last quarter',
      orgIds: [one],
      periodKey: previousQuarter(periodOf('QUARTER', today).key),
      runs: 30,
    },
    { label: `year-end, all ${units.length} branches`, orgIds: units, periodKey: today.slice(0, 4), runs: 5 },
  ];
  console.log('\ncase                               units   counts    app            raw SQL        ratio');
  for (const c of cases) {
    const w = windowOf(c.periodKey);
    const until = w.end < today ? w.end : today;
    const months = periodsOver('MONTH', w, today);
    const params = [
      c.orgIds,
      w.start,
      until,
      months,
      periodsOver('QUARTER', w, today),
      [...ORG_LIFE_KINDS],
      sixMonthsBefore(until),
      (32 * months.length) / 12,
    ];
    const scope = c.periodKey.length === 4 ? ('YEAR' as const) : ('QUARTER' as const);
    const app = () => preAudit(db, CRITERIA, { orgIds: c.orgIds, periodKey: c.periodKey, scope, today });
    const base = () => raw.query(RAW, params);
    // The counts must be the same before any time means anything.
    const [mine, theirs] = [await app(), (await base()).rows as Record<string, number | string>[]];
    let compared = 0;
    for (const r of theirs)
      for (const k of CRITERIA) {
        const a = mine.get(r.id as string)?.get(k.id)?.count;
        if (a !== r[COLUMNS[k.id]!])
          throw new Error(`${k.id} of ${r.id}: app ${a}, raw ${r[COLUMNS[k.id]!]}`);
        compared += 1;
      }
    const [ta, tb] = await sampleInTurn(2, c.runs, [app, base]);
    console.log(
      `${c.label.padEnd(34)} ${String(c.orgIds.length).padStart(5)}   ${String(compared).padStart(6)}   ${median(
        ta,
      )
        .toFixed(1)
        .padStart(
          9,
        )} ms   ${median(tb).toFixed(1).padStart(9)} ms   ${(median(ta) / median(tb)).toFixed(2)}×`,
    );
  }
} finally {
  await close();
}
