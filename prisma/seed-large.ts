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
import { GIVEN, SURNAMES } from './seed-data';

export const LARGE_ROOT_NAME = '压测集团党委';
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

export function largeTree(): Row[] {
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
  const root = add(null, 'COMMITTEE', LARGE_ROOT_NAME, 0);
  const regions = Array.from({ length: 5 }, (_, i) => add(root, 'COMMITTEE', `第${i + 1}区域公司党委`, i));
  const generals = regions.flatMap((r, i) =>
    Array.from({ length: 10 }, (_, j) => add(r, 'GENERAL_BRANCH', `区域${i + 1}第${j + 1}工程公司党总支`, j)),
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

export async function seedLarge(url: string, force = false) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [{ n }],
    } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Organization"');
    if (n > 1000 && !force)
      throw new Error(`the database already holds ${n} organizations; pass --force to add another 5,000`);
    const t0 = performance.now();
    const orgs = largeTree();
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
    const leaves = orgs.filter((o) => o.depth >= 3);
    const stamp = Date.now().toString(36);
    const ids: string[] = [];
    const usernames: string[] = [];
    const names: string[] = [];
    const orgIds: string[] = [];
    for (let i = 0; i < USERS; i += 1) {
      ids.push(randomUUID());
      usernames.push(`load${stamp}${i}`);
      names.push(
        SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 13) % GIVEN.length]!,
      );
      orgIds.push(leaves[i % leaves.length]!.id);
    }
    await insertChunks(
      client,
      `INSERT INTO "User" (id, username, name, "orgId", "passwordHash", "updatedAt")
       SELECT u.id, u.username, u.name, u."orgId", $5, now() FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[]) AS u(id, username, name, "orgId")`,
      [ids, usernames, names, orgIds],
      [hash],
    );
    await client.query('COMMIT');
    const t2 = performance.now();
    const db = createPrismaClient(url);
    await db.$transaction((tx) =>
      appendTrace(
        tx,
        { id: null, name: 'system' },
        {
          action: 'seed.large',
          entityType: 'System',
          orgPath: orgs[0]!.path,
          after: { orgs: orgs.length, users: USERS },
        },
      ),
    );
    await db.$disconnect();
    await client.query('ANALYZE "Organization"; ANALYZE "User"');
    return { orgs: orgs.length, users: USERS, orgMs: t1 - t0, userMs: t2 - t1 };
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
      `${r.orgs} organizations in ${(r.orgMs / 1000).toFixed(2)} s, ${r.users} users in ${(r.userMs / 1000).toFixed(2)} s`,
    );
  } finally {
    await database.stop();
  }
}
