import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import { type Actor, traceRead } from '../../audit-log';
import { addMonths, cstDay } from '../../calendar';
import { DEVELOPMENT_STAGES, developmentViolations, type Violation } from '../development';
import { inScope, unitScope } from './transfers';
import { db } from '../../db';
import type { Db } from '../../db/client';
import { ForbiddenError } from '../../errors';
import { can, type Subject } from '../../policy';
import { nextStep, type NextStep, type PartyStatus } from '../rules';

/** Rows each list of /people/development shows at most; a company's committee narrows by unit to see the rest. */
export const DEVELOPMENT_SHOWN = 25;

/** A person of the 发展 pipeline as the statements read them (dates as Date). */
export type PipelineRow = {
  id: string;
  name: string;
  employeeNo: string;
  status: PartyStatus | null;
  appliedOn: Date | null;
  talkOn: Date | null;
  activistOn: Date | null;
  candidateOn: Date | null;
  trainingDays: number | null;
  trainingHours: number | null;
  politicalReviewOn: Date | null;
  admittedOn: Date | null;
  approvedOn: Date | null;
  fullOn: Date | null;
  probationExtendedMonths: number | null;
  orgId: string;
  orgName: string;
  projectEnd: Date | null;
};

type DayKey =
  | 'appliedOn'
  | 'talkOn'
  | 'activistOn'
  | 'candidateOn'
  | 'politicalReviewOn'
  | 'admittedOn'
  | 'approvedOn'
  | 'fullOn'
  | 'projectEnd';
/** The same, its dates read as 'YYYY-MM-DD' text: 18,000 people's dates parsed into Date and back took longer than the checks. */
type PipelineDays = Omit<PipelineRow, DayKey> & Record<DayKey, string | null>;

type Stage = (typeof DEVELOPMENT_STAGES)[number];
export type DevelopmentRow = {
  id: string;
  name: string;
  employeeNo: string;
  status: PartyStatus | null;
  org: { id: string; name: string };
  next: NextStep | null;
  violations: Violation[];
};
/** A list of the page: how many there are, and the first DEVELOPMENT_SHOWN of them (by unit, then 工号). */
export type DevelopmentList = { total: number; rows: DevelopmentRow[] };
export type Development = { stages: Record<Stage, DevelopmentList>; violations: DevelopmentList };

/**
 * The page's lists by what they were computed from: the day, the review setting, and a fingerprint of every
 * column of every row the checks read (PostgreSQL sums a 64-bit hash of each row, so a change to any person, unit
 * or project end in the reader's scope, by any node or any statement, gives another key; two readers whose scopes
 * hold the same rows share an entry). At 18,000 people the checks took 550–600 ms of the node's one thread on every
 * view; the fingerprint is one aggregate in PostgreSQL and a few hundred bytes to the node.
 */
const memo = new Map<string, Development>();
const MEMO_MAX = 64;
const counts = { hits: 0, misses: 0 };
/** How often the lists were served from the memo (for tests and benches). */
export const developmentMemoStats = () => ({ ...counts });

/**
 * /people/development: everyone in the 发展 pipeline in the reader's scope by stage, with what is due next, and
 * the date checks of 《发展党员工作细则》 over them and over members admitted in the last three years. Each view is
 * one bulk read in the trace, served from the memo or not.
 */
export async function developmentFor(
  user: Subject,
  actor: Actor,
  f: { orgId?: string } = {},
  client: Db = db,
): Promise<Development> {
  if (!can(user, 'person.read')) throw new ForbiddenError();
  const today = cstDay(new Date());
  const setting = await client.setting.findUnique({ where: { key: 'people.development' } });
  const reviewMonths = Number((setting?.value as { reviewMonths?: number } | null)?.reviewMonths) || 12;
  const units = unitScope(user);
  // A chosen unit narrows to its subtree (of the 组织关系 unit or the work unit), within the reader's scope.
  const chosen = f.orgId
    ? await client.organization.findUnique({ where: { id: f.orgId }, select: { path: true } })
    : null;
  // A unit that does not exist narrows to nobody, not to the whole scope.
  const within = chosen
    ? Prisma.sql`AND (o.path LIKE ${`${chosen.path}%`} OR w.path LIKE ${`${chosen.path}%`})`
    : f.orgId
      ? Prisma.sql`AND FALSE`
      : Prisma.empty;
  const from = Prisma.sql`
    FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" LEFT JOIN "Organization" w ON w.id = p."workOrgId"
    WHERE p."leftOn" IS NULL
      AND (${inScope(units, Prisma.sql`o`)} OR ${inScope(units, Prisma.sql`w`)} OR p."userId" = ${user.id}::uuid)
      AND (p.status IN ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY')
           OR (p.status = 'FULL' AND p."admittedOn" >= ${addMonths(today, -36)}::date))
      ${within}`;
  const projectEnd = Prisma.sql`CASE WHEN p."workOrgId" IS NOT NULL
    THEN COALESCE(w."projectActualEnd", w."projectPlannedEnd") ELSE COALESCE(o."projectActualEnd", o."projectPlannedEnd") END`;
  // Every column below that the lists read or sort by, and o.path (the order), as a row's text: a NULL keeps its
  // place there ("(a,,c)"), where concat_ws would drop it (days NULL and hours 5 would read as days 5, hours NULL).
  const rowHash = Prisma.sql`hashtextextended(ROW(p.id, p.name, p."employeeNo", p.status, p."trainingDays",
    p."trainingHours", p."probationExtendedMonths", p."appliedOn", p."talkOn", p."activistOn", p."candidateOn",
    p."politicalReviewOn", p."admittedOn", p."approvedOn", p."fullOn", o.id, o.name, o.path, ${projectEnd})::text, 0)`;
  const keyOf = (n: number, h: string | null) => `${today}|${reviewMonths}|${n}|${h ?? ''}`;
  const [print] = await client.$queryRaw<{ n: number; h: string | null }[]>`
    SELECT count(*)::int AS n, sum(${rowHash})::text AS h ${from}`;
  const asked = keyOf(print!.n, print!.h);
  let result = memo.get(asked);
  if (result) {
    counts.hits += 1;
    memo.delete(asked);
    memo.set(asked, result);
  } else {
    counts.misses += 1;
    // One statement (Prisma's query and its two relation queries over 18,000 rows took 2.4× the SQL). It carries
    // its own fingerprint, and the lists are kept under that one: a write between the two statements would
    // otherwise keep what it read under the key of what was there before.
    const people = await client.$queryRaw<(PipelineDays & { printN: number; printH: string })[]>`
      SELECT p.id, p.name, p."employeeNo", p.status, p."trainingDays", p."trainingHours", p."probationExtendedMonths",
        to_char(p."appliedOn", 'YYYY-MM-DD') AS "appliedOn", to_char(p."talkOn", 'YYYY-MM-DD') AS "talkOn",
        to_char(p."activistOn", 'YYYY-MM-DD') AS "activistOn",
        to_char(p."candidateOn", 'YYYY-MM-DD') AS "candidateOn",
        to_char(p."politicalReviewOn", 'YYYY-MM-DD') AS "politicalReviewOn",
        to_char(p."admittedOn", 'YYYY-MM-DD') AS "admittedOn",
        to_char(p."approvedOn", 'YYYY-MM-DD') AS "approvedOn", to_char(p."fullOn", 'YYYY-MM-DD') AS "fullOn",
        o.id AS "orgId", o.name AS "orgName", to_char(${projectEnd}, 'YYYY-MM-DD') AS "projectEnd",
        count(*) OVER ()::int AS "printN", (sum(${rowHash}) OVER ())::text AS "printH"
      ${from}
      ORDER BY o.path, p."employeeNo"`;
    result = summarize(people, today, reviewMonths);
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
    memo.set(people.length ? keyOf(people[0]!.printN, people[0]!.printH) : keyOf(0, null), result);
  }
  await traceRead(client, actor, {
    action: 'person.pipeline',
    entityType: 'Person',
    after: { rows: print!.n },
  });
  return result;
}

/** Each person checked; the lists keep their counts and their first rows only (18,000 rows stay out of memory). */
function summarize(people: PipelineDays[], today: string, reviewMonths: number): Development {
  const list = (): DevelopmentList => ({ total: 0, rows: [] });
  const add = (l: DevelopmentList, r: DevelopmentRow) => {
    l.total += 1;
    if (l.rows.length < DEVELOPMENT_SHOWN) l.rows.push(r);
  };
  const stages = Object.fromEntries(DEVELOPMENT_STAGES.map((s) => [s, list()])) as Record<
    Stage,
    DevelopmentList
  >;
  const violations = list();
  for (const p of people) {
    const dates = {
      appliedOn: p.appliedOn,
      talkOn: p.talkOn,
      activistOn: p.activistOn,
      candidateOn: p.candidateOn,
      politicalReviewOn: p.politicalReviewOn,
      admittedOn: p.admittedOn,
      approvedOn: p.approvedOn,
      fullOn: p.fullOn,
    };
    const row: DevelopmentRow = {
      id: p.id,
      name: p.name,
      employeeNo: p.employeeNo,
      status: p.status,
      org: { id: p.orgId, name: p.orgName },
      next: nextStep({ status: p.status, ...dates }, today),
      violations: developmentViolations(
        {
          ...dates,
          status: p.status,
          trainingDays: p.trainingDays,
          trainingHours: p.trainingHours,
          probationExtendedMonths: p.probationExtendedMonths,
          projectEnd: p.projectEnd,
        },
        today,
        reviewMonths,
      ),
    };
    const stage = stages[p.status as Stage] as DevelopmentList | undefined;
    if (stage) add(stage, row);
    if (row.violations.length > 0) add(violations, row);
  }
  return { stages, violations };
}

/** Empties the memo (a bench measuring the checks themselves; a test starting from nothing). */
export function clearDevelopmentMemo() {
  memo.clear();
}
