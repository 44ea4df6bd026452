/**
 * PostgreSQL crashes and comes back under load (issue 17, faults): an app node on a PostgreSQL instance of this
 * test's own (initdb, pg_ctl) holding a copy of the layer's demo data; eight writers create meeting records through
 * the server action the meetings page posts; mid-run the database is stopped as a crash (`pg_ctl -m immediate`: no
 * checkpoint, WAL replayed at start), kept down two seconds and started again. Every write the app acknowledged is
 * stored, with its trace event, the trace chain holds, and the same app process serves writes again without a
 * restart.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { actionId, callAction, signIn } from '../../bench/lib/http';
import { startNode, stopNode, type AppNode } from '../../scripts/lib/cluster';
import { pgBinDir, pgClient, startPrivatePostgres, type PrivatePostgres } from '../../scripts/lib/private-pg';
import { createPrismaClient } from '../../lib/db/client';
import { verifyTraceChain } from '../../lib/audit-log';

const PASSWORD = 'Wubiao@2026';
let pgi: PrivatePostgres;
let node: AppNode;
let url: string;

// The server programs come with Debian's PostgreSQL packages; a machine with only the client cannot run this test.
test.skip(
  !pgBinDir(),
  'initdb and pg_ctl are not installed (apt-get install -y postgresql, or set PG_BIN_DIR)',
);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  pgi = await startPrivatePostgres();
  url = pgi.url.replace(/\/postgres$/, '/wubiao');
  // A copy of the layer's seeded database (schema, demo data, the job queue's tables).
  const copy = spawnSync(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      `"${pgClient('psql')}" -q "${pgi.url}" -c 'CREATE DATABASE wubiao' && "${pgClient('pg_dump')}" -Fc --no-owner "$SRC" | "${pgClient('pg_restore')}" --no-owner -d "${url}"`,
    ],
    { encoding: 'utf8', env: { ...process.env, SRC: process.env.DATABASE_URL! } },
  );
  expect(copy.status, copy.stderr).toBe(0);
  node = await startNode(
    {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString('base64'),
      AUTH_TRUST_HOST: 'true',
      SEED_DEMO: 'false',
      JOBS: 'off',
    },
    { stderr: 'ignore' },
  ); // its log is the database's refusals while it is down
});

test.afterAll(async () => {
  await stopNode(node?.child);
  await pgi?.destroy();
});

test('a database crash under load loses no acknowledged write, and the app serves again without a restart', async () => {
  test.setTimeout(180_000);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const { orgId } = (
    await sql.query<{ orgId: string }>(
      `SELECT r."orgId" FROM "RoleAssignment" r JOIN "User" u ON u.id = r."userId" WHERE u.username = 'secretary' AND r.role = 'SECRETARY'`,
    )
  ).rows[0]!;
  await sql.end();
  const jar = await signIn(node.base, 'secretary', PASSWORD);
  const create = await actionId('createMeetingAction', 'lib/meetings/actions.ts');
  const heldOn = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  const acknowledged: { id: string; at: number }[] = [];
  let refused = 0;
  let crashedAt = 0;
  let backAt = 0;
  const deadline = { at: Date.now() + 60_000 };
  const writer = async () => {
    // Until eight seconds after the database is back (and never past a minute).
    while (Date.now() < deadline.at && !(backAt && Date.now() > backAt + 8_000)) {
      try {
        const r = await callAction(node.base, jar, '/meetings', create, { orgId, kind: 'COMMITTEE', heldOn });
        if (r.ok && r.data?.id) acknowledged.push({ id: r.data.id, at: Date.now() });
        else refused += 1;
      } catch {
        refused += 1;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  const crash = (async () => {
    await new Promise((r) => setTimeout(r, 4_000));
    crashedAt = Date.now();
    pgi.stop();
    await new Promise((r) => setTimeout(r, 2_000));
    pgi.start();
    backAt = Date.now();
  })();
  await Promise.all([crash, ...Array.from({ length: 8 }, writer)]);

  const before = acknowledged.filter((a) => a.at < crashedAt).length;
  const after = acknowledged.filter((a) => a.at > backAt).length;
  console.log(
    `pg-restart: ${acknowledged.length} writes acknowledged (${before} before the crash, ${after} after the restart), ${refused} refused or failed while it was down`,
  );
  expect(node.child.exitCode, 'the app process is still running').toBeNull();
  expect(before, 'writes before the crash').toBeGreaterThan(0);
  expect(after, 'the same app process writes again after the restart').toBeGreaterThan(0);

  const db = createPrismaClient(url);
  try {
    const ids = acknowledged.map((a) => a.id);
    const stored = await db.meeting.findMany({ where: { id: { in: ids } }, select: { id: true } });
    expect(stored.length, 'every acknowledged meeting is stored').toBe(ids.length);
    const traced = await db.auditEvent.findMany({
      where: { entityId: { in: ids }, action: 'meetings.create' },
      select: { entityId: true },
    });
    expect(new Set(traced.map((t) => t.entityId)).size, 'each with its trace event').toBe(ids.length);
    const chain = await verifyTraceChain(db);
    const shown = JSON.stringify(chain, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(chain.ok, shown.slice(0, 500)).toBe(true);
  } finally {
    await db.$disconnect();
  }
});
