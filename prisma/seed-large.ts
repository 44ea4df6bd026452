// npm run seed:large — 5,000 organizations and 100,000 users for benchmarks, in bulk (unnest arrays).
// Into DATABASE_URL, else an embedded database of its own (.data/pg-bench). Refuses a database that
// already has more than 1,000 organizations unless --force.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { applyMigrations } from '../lib/db/schema-engine';
import { appendTrace } from '../lib/audit-log';
import { hashPassword } from '../lib/auth/password';
import { createPrismaClient } from '../lib/db/client';
import { benchDatabase } from '../scripts/lib/bench-db';
import { nameAt } from './seed-data';

export const LARGE_ROOT_NAME = '压测集团党委';
/** The branch that holds 300 people (the roster benchmark's branch). */
export const LARGE_BIG_BRANCH = '压测项目1党支部';
const ORGS = 5000;
const USERS = 100_000;

type Row = {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  path: string;
  depth: number;
  sortOrder: number;
};

/** Where the large company hangs: a root of its own, or (for the HTTP bench) under the demo company's committee. */
export type LargeParent = { id: string; path: string; depth: number };

export function largeTree(under?: LargeParent): Row[] {
  const rows: Row[] = [];
  const add = (parent: Row | null, type: string, name: string, sortOrder: number) => {
    const id = randomUUID();
    const r = {
      id,
      name,
      type,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      sortOrder,
    };
    rows.push(r);
    return r;
  };
  const parent = under ? { ...under, name: '', type: 'COMMITTEE', parentId: null, sortOrder: 0 } : null;
  const root = add(parent, 'COMMITTEE', LARGE_ROOT_NAME, 0);
  const regions = Array.from({ length: 5 }, (_, i) => add(root, 'COMMITTEE', `第${i + 1}区域公司党委`, i));
  const generals = regions.flatMap((r, i) =>
    Array.from({ length: 10 }, (_, j) =>
      add(r, 'GENERAL_BRANCH', `区域${i + 1}第${j + 1}工程分公司党总支`, j),
    ),
  );
  const branches = generals.flatMap((g, i) =>
    Array.from({ length: 10 }, (_, j) => add(g, 'BRANCH', `压测项目${i * 10 + j + 1}党支部`, j)),
  );
  const kinds = [
    'PARTY_GROUP',
    'PARTY_GROUP',
    'PARTY_GROUP',
    'PARTY_GROUP',
    'PARTY_GROUP',
    'PARTY_GROUP',
    'UNION',
    'YOUTH_LEAGUE',
    'PARTY_GROUP',
  ];
  for (let k = 0; rows.length < ORGS; k += 1) {
    const b = branches[k % branches.length]!;
    const n = Math.floor(k / branches.length);
    add(b, kinds[n % kinds.length]!, `第${n + 1}小组`, n);
  }
  return rows;
}

async function insertChunks(
  client: pg.Client,
  sql: string,
  columns: unknown[][],
  constants: unknown[] = [],
  chunk = 10_000,
) {
  for (let i = 0; i < columns[0]!.length; i += chunk) {
    await client.query(sql, [...columns.map((c) => c.slice(i, i + chunk)), ...constants]);
  }
}

export async function seedLarge(url: string, force = false, under?: LargeParent) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [{ n }],
    } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Organization"');
    if (n > 1000 && !force)
      throw new Error(`the database already holds ${n} organizations; pass --force to add another 5,000`);
    const t0 = performance.now();
    const orgs = largeTree(under);
    await client.query('BEGIN');
    await insertChunks(
      client,
      `INSERT INTO "Organization" (id, name, type, "parentId", path, depth, "sortOrder", "updatedAt")
       SELECT *, now() FROM unnest($1::uuid[], $2::varchar[], $3::"OrgType"[], $4::uuid[], $5::text[], $6::int[], $7::int[])`,
      [
        orgs.map((o) => o.id),
        orgs.map((o) => o.name),
        orgs.map((o) => o.type),
        orgs.map((o) => o.parentId),
        orgs.map((o) => o.path),
        orgs.map((o) => o.depth),
        orgs.map((o) => o.sortOrder),
      ],
    );
    const t1 = performance.now();
    const hash = await hashPassword(randomUUID());
    const leaves = orgs.filter((o) => o.depth - orgs[0]!.depth >= 3);
    const stamp = Date.now().toString(36);
    const ids: string[] = [];
    const usernames: string[] = [];
    const names: string[] = [];
    const orgIds: string[] = [];
    for (let i = 0; i < USERS; i += 1) {
      ids.push(randomUUID());
      usernames.push(`load${stamp}${i}`);
      names.push(nameAt(i));
      orgIds.push(leaves[i % leaves.length]!.id);
    }
    await insertChunks(
      client,
      `INSERT INTO "User" (id, username, name, "orgId", "passwordHash", "updatedAt")
       SELECT u.id, u.username, u.name, u."orgId", $5, now() FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[]) AS u(id, username, name, "orgId")`,
      [ids, usernames, names, orgIds],
      [hash],
    );
    const t2 = performance.now();
    const people = await insertPeople(client, orgs, ids, names);
    await client.query('COMMIT');
    const t3 = performance.now();
    const meetings = await insertMeetings(client, orgs[0]!.path, ids[0]!);
    const t4 = performance.now();
    const db = createPrismaClient(url);
    await db.$transaction((tx) =>
      appendTrace(
        tx,
        { id: null, name: 'system' },
        {
          action: 'seed.large',
          entityType: 'System',
          orgPath: orgs[0]!.path,
          after: {
            orgs: orgs.length,
            users: USERS,
            people: people.people,
            transfers: people.transfers,
            meetings: meetings.meetings,
          },
        },
      ),
    );
    await db.$disconnect();
    await client.query(
      'ANALYZE "Organization"; ANALYZE "User"; ANALYZE "Person"; ANALYZE "Transfer"; ANALYZE "Meeting"; ANALYZE "MeetingAttendee"',
    );
    return {
      orgs: orgs.length,
      users: USERS,
      orgMs: t1 - t0,
      userMs: t2 - t1,
      peopleMs: t3 - t2,
      meetingMs: t4 - t3,
      ...people,
      ...meetings,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const database = await benchDatabase();
  try {
    console.log(`seed:large into ${database.where}`);
    await applyMigrations(database.url);
    const r = await seedLarge(database.url, process.argv.includes('--force'));
    console.log(
      `${r.orgs} organizations in ${(r.orgMs / 1000).toFixed(2)} s, ${r.users} users in ${(r.userMs / 1000).toFixed(2)} s, ` +
        `${r.people} people and ${r.transfers} transfers in ${(r.peopleMs / 1000).toFixed(2)} s, ` +
        `${r.meetings} meetings with ${r.attendees} attendances in ${(r.meetingMs / 1000).toFixed(2)} s`,
    );
  } finally {
    await database.stop();
  }
}

function isoAgo(days: number) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One person per account: statuses in the proportions of a construction company (about 62% 正式党员, 7% 预备,
 * a few percent in each 发展 stage, 20% 群众), the 发展 dates that go with them (relative to today, with one
 * 发展对象 in fifty made too early), 2% working on another project, 300 in one branch, and 500 transfers in
 * transit (one in five past its letter's validity).
 */
async function insertPeople(client: pg.Client, orgs: Row[], userIds: string[], names: string[]) {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const branches = orgs.filter((o) => o.type === 'BRANCH');
  const big = branches.find((b) => b.name === LARGE_BIG_BRANCH)!;
  const leaves = orgs.filter((o) => o.depth - orgs[0]!.depth >= 3);
  // The big branch holds exactly 300 (it and its party groups are skipped for everyone else).
  const others = leaves.filter((l) => l.id !== big.id && l.parentId !== big.id);
  const cols: Record<string, unknown[]> = {
    id: [],
    no: [],
    name: [],
    status: [],
    applied: [],
    activist: [],
    candidate: [],
    admitted: [],
    full: [],
    org: [],
    work: [],
    group: [],
    user: [],
  };
  for (let i = 0; i < userIds.length; i += 1) {
    const r = (i * 2654435761) % 1000; // a fixed scatter over 0..999
    const leaf = i < 300 ? big : others[i % others.length]!;
    const branch = leaf.type === 'BRANCH' ? leaf : byId.get(leaf.parentId!)!;
    const status =
      r < 620
        ? 'FULL'
        : r < 690
          ? 'PROBATIONARY'
          : r < 720
            ? 'CANDIDATE'
            : r < 770
              ? 'ACTIVIST'
              : r < 800
                ? 'APPLICANT'
                : 'MASSES';
    const d = (n: number) => isoAgo(n + (i % 97));
    const stages =
      status === 'FULL'
        ? [d(4000), d(3900), d(3500), d(3300), d(2900)]
        : status === 'PROBATIONARY'
          ? [d(900), d(850), d(450), d(150), null]
          : status === 'CANDIDATE'
            ? [d(700), d(650), i % 50 === 0 ? d(400) : d(200), null, null]
            : status === 'ACTIVIST'
              ? [d(400), d(300), null, null, null]
              : status === 'APPLICANT'
                ? [d(10), null, null, null, null]
                : [null, null, null, null, null];
    cols.id!.push(randomUUID());
    cols.no!.push(`L${String(i).padStart(7, '0')}`);
    cols.name!.push(names[i]);
    cols.status!.push(status);
    cols.applied!.push(stages[0]);
    cols.activist!.push(stages[1]);
    cols.candidate!.push(stages[2]);
    cols.admitted!.push(stages[3]);
    cols.full!.push(stages[4]);
    cols.org!.push(branch.id);
    cols.work!.push(r % 50 === 7 ? branches[(i * 7) % branches.length]!.id : null);
    cols.group!.push(leaf.type === 'PARTY_GROUP' ? leaf.id : null);
    cols.user!.push(userIds[i]);
  }
  await insertChunks(
    client,
    `INSERT INTO "Person" (id, "employeeNo", name, status, "appliedOn", "activistOn", "candidateOn", "admittedOn", "fullOn",
       "orgId", "workOrgId", "partyGroupId", "userId", posts, "updatedAt")
     SELECT p.*, '{}', now() FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::"PartyStatus"[], $5::date[], $6::date[],
       $7::date[], $8::date[], $9::date[], $10::uuid[], $11::uuid[], $12::uuid[], $13::uuid[]) AS p`,
    [
      cols.id!,
      cols.no!,
      cols.name!,
      cols.status!,
      cols.applied!,
      cols.activist!,
      cols.candidate!,
      cols.admitted!,
      cols.full!,
      cols.org!,
      cols.work!,
      cols.group!,
      cols.user!,
    ],
  );
  const movers = cols.id!.filter((_, i) => cols.status![i] === 'FULL' && i >= 300).slice(0, 500) as string[];
  const from = movers.map((id) => cols.org![cols.id!.indexOf(id)] as string);
  await insertChunks(
    client,
    `INSERT INTO "Transfer" (id, kind, status, "personId", "fromOrgId", "toOrgId", "letterNo", "validUntil", "issuedAt", "updatedAt")
     SELECT gen_random_uuid(), 'INTERNAL', 'ISSUED', t.p, t.f, t.t, t.l, t.v, t.i, now()
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::date[], $6::timestamptz[]) AS t(p, f, t, l, v, i)`,
    [
      movers,
      from,
      movers.map((_, k) => branches.find((b) => b.id !== from[k] && k % 7 === b.sortOrder % 7)?.id ?? big.id),
      movers.map((_, k) => `压测转字第${k + 1}号`),
      movers.map((_, k) => (k % 5 === 0 ? isoAgo(3) : isoAgo(-20))),
      movers.map((_, k) => new Date(Date.now() - (10 + (k % 40)) * 86_400_000)),
    ],
  );
  return { people: userIds.length, transfers: movers.length };
}

/**
 * One year of meeting records up to last month, as a branch keeps them: every branch a 支委会 and a 主题党日 each
 * month and a 党员大会 and a 党课 each quarter, every party group a 党小组会 each month, a 谈心谈话 with every member each
 * half-year; about one 党员大会 in forty without its quorum. Attendees are the unit's 党员 (about a quarter of them sit
 * on the 支委会), 92% present.
 */
async function insertMeetings(client: pg.Client, rootPath: string, creatorId: string) {
  await client.query('BEGIN');
  const inserted = await client.query(
    `INSERT INTO "Meeting" (id, "orgId", kind, status, "heldOn", place, topic, "studyHours", valid, problems, "orgPath",
       "createdById", "submittedAt", "updatedAt")
     SELECT gen_random_uuid(), o.id, k.kind::"MeetingKind", 'SUBMITTED', (m.month + k.day * interval '1 day')::date,
       '项目部会议室', k.topic, k.hours, NOT (k.kind = 'GENERAL_ASSEMBLY' AND random() < 0.025), '[]'::jsonb, o.path,
       $2::uuid, m.month + (k.day + 1) * interval '1 day', now()
     FROM "Organization" o
     JOIN (VALUES ('COMMITTEE', 'BRANCH', false, 4, '研究部署本月党建工作', 0),
                  ('THEME_DAY', 'BRANCH', false, 14, '主题党日', 2),
                  ('GENERAL_ASSEMBLY', 'BRANCH', true, 20, '通报支部季度工作', 1),
                  ('PARTY_LECTURE', 'BRANCH', true, 24, '专题党课', 2),
                  ('GROUP', 'PARTY_GROUP', false, 9, '党小组学习', 1))
       AS k(kind, type, quarterly, day, topic, hours) ON o.type::text = k.type
     CROSS JOIN generate_series(date_trunc('month', now()) - interval '12 months', date_trunc('month', now()) - interval '1 month',
       interval '1 month') AS m(month)
     WHERE o.path LIKE $1 AND o.status = 'ACTIVE' AND (NOT k.quarterly OR extract(month FROM m.month)::int % 3 = 0)`,
    [`${rootPath}%`, creatorId],
  );
  const present = `CASE WHEN random() < 0.92 THEN 'PRESENT' ELSE 'ABSENT' END::"AttendanceStatus"`;
  const units = await client.query(
    `INSERT INTO "MeetingAttendee" ("meetingId", "personId", status, voting)
     SELECT m.id, p.id, ${present}, p.status = 'FULL'
     FROM "Meeting" m JOIN "Person" p ON p."orgId" = m."orgId"
     WHERE m."orgPath" LIKE $1 AND m.kind <> 'GROUP' AND p.status IN ('FULL', 'PROBATIONARY') AND p."leftOn" IS NULL
       AND (m.kind <> 'COMMITTEE' OR abs(hashtext(p.id::text)) % 4 = 0)`,
    [`${rootPath}%`],
  );
  const groups = await client.query(
    `INSERT INTO "MeetingAttendee" ("meetingId", "personId", status, voting)
     SELECT m.id, p.id, ${present}, p.status = 'FULL'
     FROM "Meeting" m JOIN "Person" p ON p."partyGroupId" = m."orgId"
     WHERE m."orgPath" LIKE $1 AND m.kind = 'GROUP' AND p.status IN ('FULL', 'PROBATIONARY') AND p."leftOn" IS NULL`,
    [`${rootPath}%`],
  );
  // 谈心谈话: the branch's secretary (its first committee member) with every member, once each half-year.
  await client.query(
    `CREATE TEMP TABLE large_talks ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, p.id AS person, p."orgId" AS org, o.path,
       (date_trunc('month', now()) - make_interval(months => h.n * 6 - 1) + (abs(hashtext(p.id::text)) % 150) * interval '1 day')::date AS day
     FROM "Person" p JOIN "Organization" o ON o.id = p."orgId" CROSS JOIN (VALUES (1), (2)) AS h(n)
     WHERE o.path LIKE $1 AND p.status IN ('FULL', 'PROBATIONARY') AND p."leftOn" IS NULL`,
    [`${rootPath}%`],
  );
  const talks = await client.query(
    `INSERT INTO "Meeting" (id, "orgId", kind, status, "heldOn", place, topic, valid, problems, "orgPath", "createdById",
       "submittedAt", "updatedAt")
     SELECT id, org, 'HEART_TALK', 'SUBMITTED', day, '项目部', '了解思想和工作情况', true, '[]'::jsonb, path, $1::uuid,
       day + interval '1 day', now()
     FROM large_talks`,
    [creatorId],
  );
  await client.query(
    `INSERT INTO "MeetingAttendee" ("meetingId", "personId", status, voting)
     SELECT id, person, 'PRESENT', false FROM large_talks`,
  );
  await client.query('COMMIT');
  const meetings = (inserted.rowCount ?? 0) + (talks.rowCount ?? 0);
  return { meetings, attendees: (units.rowCount ?? 0) + (groups.rowCount ?? 0) + (talks.rowCount ?? 0) };
}
