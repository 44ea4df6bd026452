/**
 * Two app nodes behind nginx (issue 17.5), as "Beyond one machine" in the README tells a deployer to run them: two
 * `next start` processes of this build on one PostgreSQL (the layer's seeded database), one AUTH_SECRET, files in one
 * S3-compatible bucket (s3rver on loopback), both running the job queue, and nginx (Debian's package) in front. A
 * fake WeCom group robot on loopback counts what the deliveries post.
 */
import { expect, test } from '@playwright/test';
import { ListObjectsV2Command, S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { createServer, type Server } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type S3rver from 's3rver';
import { Jar, signIn } from '../../bench/lib/http';
import { startS3, until } from '../fixtures/local-services';
import { startNginx, startNode, stopNode, type AppNode, type Nginx } from '../../scripts/lib/cluster';

test.describe.configure({ mode: 'serial' });

const DATABASE_URL = process.env.DATABASE_URL!;
const PASSWORD = 'Wubiao@2026';
const BUCKET = 'wubiao-nodes';
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let dir: string;
let s3: S3rver;
let s3Client: S3Client;
let robot: Server;
let robotUrl: string;
const posted: string[] = [];
const refused = new Set<string>();
let a: AppNode;
let b: AppNode;
let nginx: Nginx;
let sql: pg.Client;
let boss: PgBoss;
let startedAt: Date;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  expect(DATABASE_URL, 'the nodes layer sets DATABASE_URL to its seeded database').toBeTruthy();
  startedAt = new Date();
  dir = await mkdtemp(path.join(tmpdir(), 'wubiao-nodes-'));
  const started = await startS3(dir, BUCKET);
  s3 = started.server;
  const s3Port = started.port;
  const s3Env = {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
  s3Client = new S3Client({
    region: 'us-east-1',
    endpoint: s3Env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  // The WeCom group robot's documented answer: {"errcode":0,"errmsg":"ok"}.
  robot = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const m = JSON.parse(body) as { markdown?: { content?: string } };
      const content = m.markdown?.content ?? '';
      res.setHeader('content-type', 'application/json');
      // A message marked "限流" is refused the first time, as WeCom does when a robot sends too often.
      if (content.includes('限流') && !refused.has(content)) {
        refused.add(content);
        res.end(JSON.stringify({ errcode: 45009, errmsg: 'api freq out of limit' }));
        return;
      }
      posted.push(content);
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
  robotUrl = `http://127.0.0.1:${(robot.address() as { port: number }).port}/cgi-bin/webhook/send?key=nodes`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...s3Env,
    DATABASE_URL,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
    SEED_DEMO: 'false',
    ROBOT_ALLOW_LOCAL: 'true',
  };
  delete env.JOBS;
  const nodes = await Promise.allSettled([startNode(env), startNode(env)]);
  const failed = nodes.find((n) => n.status === 'rejected');
  if (failed) {
    // Stop the one that did start, so nothing is left working the layer's queue.
    for (const n of nodes) if (n.status === 'fulfilled') await stopNode(n.value.child);
    throw failed.reason;
  }
  [a, b] = nodes.map((n) => (n as PromiseFulfilledResult<AppNode>).value) as [AppNode, AppNode];
  // Both nodes work the queue (their start-up jobs sent) before the tests look at it.
  for (const node of [a, b])
    await until(`jobs running on ${node.base}`, async () => {
      const h = (await (await fetch(`${node.base}/api/health`)).json()) as { jobs: string };
      return h.jobs === 'running';
    });
  nginx = await startNginx([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
  sql = new pg.Client({ connectionString: DATABASE_URL });
  await sql.connect();
  boss = new PgBoss({ connectionString: DATABASE_URL, schema: 'pgboss', supervise: false, schedule: false });
  boss.on('error', (e) => console.error('[test queue client]', e.message));
  await boss.start();
});

test.afterAll(async () => {
  await boss?.stop({ graceful: false }).catch(() => {});
  await sql?.end().catch(() => {});
  await nginx?.stop();
  await Promise.all([stopNode(a?.child), stopNode(b?.child)]);
  if (robot) await new Promise((r) => robot.close(r));
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  (await sql.query<T>(text, values)).rows[0]!;

/** The login form's post, from a client address the node is told by a proxy header; whether a session came back. */
async function tryLogin(base: string, username: string, password: string, ip: string) {
  const jar = new Jar();
  const headers = { 'X-Forwarded-For': ip };
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${base}/` }),
  });
  jar.take(res);
  return jar.header.includes('session-token');
}

/** A client address from the documentation ranges that no sign-in has been counted for yet (counts outlive a run). */
async function freshIp() {
  for (;;) {
    const ip = `198.51.${100 + Math.floor(Math.random() * 20)}.${2 + Math.floor(Math.random() * 250)}`;
    const seen = await sql.query(`SELECT 1 FROM "LoginThrottle" WHERE key = $1`, [`ip:${ip}`]);
    if (!seen.rowCount) return ip;
  }
}

const page200 = async (url: string, jar?: Jar) => {
  const r = await fetch(url, { headers: jar ? { Cookie: jar.header } : {}, redirect: 'manual' });
  return { status: r.status, text: await r.text() };
};

test('a session signed in on one node is valid on the other and through nginx', async () => {
  const { name } = await one<{ name: string }>(`SELECT name FROM "User" WHERE username = 'secretary'`);
  const jar = await signIn(a.base, 'secretary', PASSWORD);
  for (const base of [a.base, b.base, nginx.base]) {
    const r = await page200(`${base}/reminders`, jar);
    expect(r.status, base).toBe(200);
    expect(r.text).toContain(name);
  }
  // Without the cookie every node sends the visitor to the sign-in page.
  expect((await page200(`${b.base}/reminders`)).status).toBe(307);
});

test('an account locks after five wrong passwords spread over both nodes, and stays locked on each', async () => {
  const username = `lock-${randomUUID().slice(0, 8)}`;
  // A fresh account with the demo password (its hash copied from the demo member).
  await sql.query(
    `INSERT INTO "User" (id, username, name, "passwordHash", "orgId", "updatedAt")
     SELECT gen_random_uuid(), $1, '锁定测试', "passwordHash", "orgId", now() FROM "User" WHERE username = 'member'`,
    [username],
  );
  const ip = await freshIp();
  for (let i = 0; i < 5; i += 1)
    expect(await tryLogin(i % 2 ? b.base : a.base, username, 'wrong-pass', ip)).toBe(false);
  const row = await one<{ failedLogins: number; lockedUntil: Date | null }>(
    `SELECT "failedLogins", "lockedUntil" FROM "User" WHERE username = $1`,
    [username],
  );
  expect(row.failedLogins).toBe(5);
  expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  // The right password is now refused on both nodes.
  expect(await tryLogin(a.base, username, PASSWORD, ip)).toBe(false);
  expect(await tryLogin(b.base, username, PASSWORD, ip)).toBe(false);
  // An account that was not guessed at signs in from the same address.
  expect(await tryLogin(b.base, 'clerk', PASSWORD, ip)).toBe(true);
});

test('an address throttled after 20 failures over both nodes is refused on each, other addresses are not', async () => {
  const ip = await freshIp();
  for (let i = 0; i < 20; i += 1)
    expect(await tryLogin(i % 2 ? b.base : a.base, `nobody-${i}`, 'wrong-pass', ip)).toBe(false);
  expect(await tryLogin(a.base, 'secretary', PASSWORD, ip)).toBe(false);
  expect(await tryLogin(b.base, 'secretary', PASSWORD, ip)).toBe(false);
  const { n } = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM "SecurityEvent" WHERE kind = 'login.throttled' AND ip = $1`,
    [ip],
  );
  expect(n).toBeGreaterThanOrEqual(2);
  expect(await tryLogin(b.base, 'secretary', PASSWORD, await freshIp())).toBe(true);
});

test('evidence uploaded through nginx (a server action behind the proxy, on its own port) is kept in the bucket and served by each node', async ({
  browser,
}) => {
  const jar = await signIn(a.base, 'clerk', PASSWORD);
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addCookies(
    jar.header.split('; ').map((c) => {
      const i = c.indexOf('=');
      return { name: c.slice(0, i), value: c.slice(i + 1), url: nginx.base };
    }),
  );
  const page = await context.newPage();
  await page.goto(`${nginx.base}/reminders`);
  const open = page
    .locator('li[data-task-id]')
    .filter({ has: page.getByRole('button', { name: '登记完成' }) })
    .first();
  const taskId = (await open.getAttribute('data-task-id'))!;
  const item = page.locator(`li[data-task-id="${taskId}"]`);
  await item.getByRole('button', { name: '登记完成' }).click();
  const form = item.getByTestId('complete-form');
  await form
    .locator('input[type="file"]')
    .setInputFiles({ name: '两节点.png', mimeType: 'image/png', buffer: png });
  await form.locator('input[name="note"]').fill('经负载均衡登记');
  await form.getByRole('button', { name: '确认完成' }).click();
  const done = item.getByTestId('task-done');
  await expect(done).toContainText('经负载均衡登记');
  const href = (await done.getByRole('link', { name: '两节点.png' }).getAttribute('href'))!;
  await context.close();

  const { storageKey } = await one<{ storageKey: string }>(
    `SELECT "storageKey" FROM "Evidence" WHERE "taskId" = $1 AND "fileName" = '两节点.png'`,
    [taskId],
  );
  const object = await s3Client.send(new GetObjectCommand({ Bucket: BUCKET, Key: storageKey }));
  expect(Buffer.from(await object.Body!.transformToByteArray()).equals(png)).toBe(true);
  for (const base of [a.base, b.base]) {
    const served = await fetch(`${base}${href}`, { headers: { Cookie: jar.header } });
    expect(served.status, base).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  }
});

test('jobs run once: the start-up runs, a quarter generated by four concurrent jobs, each delivery sent once', async () => {
  test.setTimeout(180_000);
  // Both nodes queued the start-up generation and trace check: one job was kept per singleton window (a minute for
  // the generation, five for the check; two only when the nodes' starts straddle a window's edge).
  const startup = await sql.query<{ name: string; slot: Date; n: number }>(
    `SELECT name, singleton_on AS slot, count(*)::int AS n FROM pgboss.job
     WHERE singleton_key = 'startup' AND created_on >= $1 GROUP BY 1, 2`,
    [startedAt],
  );
  expect([...new Set(startup.rows.map((r) => r.name))].sort()).toEqual(['reminders.generate', 'trace.watch']);
  // Every trace check since the nodes started (the start-up one, and the hourly one at :25 if the run crossed it) has
  // finished, and each signed exactly one checkpoint in the shared bucket.
  let checks = 0;
  await until('the trace checks', async () => {
    const r = await one<{ done: number; open: number }>(
      `SELECT count(*) FILTER (WHERE state = 'completed')::int AS done, count(*) FILTER (WHERE state < 'completed')::int AS open
       FROM pgboss.job WHERE name = 'trace.watch' AND created_on >= $1`,
      [startedAt],
    );
    checks = r.done;
    return r.open === 0 && r.done > 0;
  });
  const listed = await s3Client.send(
    new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'trace-checkpoints/' }),
  );
  expect(listed.KeyCount, 'one signed checkpoint per check, in the shared bucket').toBe(checks);

  // A new branch, then the generation job four times at once: one set of tasks, traced once.
  const root = await one<{ id: string; path: string }>(
    `SELECT id, path FROM "Organization" WHERE "parentId" IS NULL ORDER BY "createdAt" LIMIT 1`,
  );
  const orgId = randomUUID();
  await sql.query(
    `INSERT INTO "Organization" (id, name, type, "parentId", path, depth, "updatedAt") VALUES ($1, $2, 'BRANCH', $3, $4, 1, now())`,
    [orgId, `第${orgId.slice(0, 4)}项目党支部`, root.id, `${root.path}${orgId}/`],
  );
  const { last } = await one<{ last: string }>(`SELECT coalesce(max(id), 0)::text AS last FROM "AuditEvent"`);
  const ids = (await Promise.all([1, 2, 3, 4].map(() => boss.send('reminders.generate', {})))) as string[];
  await until('four generation jobs', async () => {
    const r = await sql.query(`SELECT 1 FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'completed'`, [
      ids,
    ]);
    return r.rowCount === 4;
  });
  const tasks = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "ReminderTask" WHERE "orgId" = $1`, [
    orgId,
  ]);
  expect(tasks.n).toBeGreaterThan(0);
  const traced = await one<{ inserted: number; events: number }>(
    `SELECT coalesce(sum((after->>'inserted')::int), 0)::int AS inserted, count(*)::int AS events
     FROM "AuditEvent" WHERE action = 'reminders.generate' AND id > $1::bigint`,
    [last],
  );
  expect(traced.inserted, 'the trace counts each new task once').toBe(tasks.n);

  // Twenty deliveries, each queued twice, over both nodes' workers: each posted once.
  await deliver(20, 'once');
});

/** Queues `n` robot deliveries (each twice), waits until all are SENT, and checks the robot got each exactly once. */
async function deliver(n: number, tag: string) {
  const { id: hookId } = await one<{ id: string }>(
    `INSERT INTO "RobotHook" (id, "orgId", kind, url) SELECT gen_random_uuid(), id, 'WECOM', $1
     FROM "Organization" WHERE "parentId" IS NULL ORDER BY "createdAt" LIMIT 1 RETURNING id`,
    [robotUrl],
  );
  // The first is refused once by the robot: retried by the queue, then sent.
  const titles = Array.from(
    { length: n },
    (_, i) => `${tag}-${i}${i ? '' : '限流'}-${randomUUID().slice(0, 6)}`,
  );
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO "Delivery" (id, channel, target, payload)
     SELECT gen_random_uuid(), 'ROBOT', $1, jsonb_build_object('title', t, 'text', '两节点投递') FROM unnest($2::text[]) t
     RETURNING id`,
    [hookId, titles],
  );
  const deliveryIds = rows.rows.map((r) => r.id);
  for (const id of deliveryIds)
    for (let k = 0; k < 2; k += 1)
      await boss.send('channels.deliver', { id }, { retryLimit: 4, retryDelay: 1 });
  await until(`${n} deliveries sent`, async () => {
    const r = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Delivery" WHERE id = ANY($1::uuid[]) AND status = 'SENT'`,
      [deliveryIds],
    );
    return r.n === n;
  });
  // Every job for these deliveries has finished (the second of each finds it sent and skips it; the hourly due-notice
  // scan's sweep may have queued more).
  await until('every delivery job finished', async () => {
    const r = await one<{ open: number }>(
      `SELECT count(*)::int AS open FROM pgboss.job WHERE name = 'channels.deliver' AND data->>'id' = ANY($1::text[]) AND state < 'completed'`,
      [deliveryIds],
    );
    return r.open === 0;
  });
  const got = posted.filter((p) => titles.some((t) => p.startsWith(`**${t}**`)));
  for (const t of titles)
    expect(
      got.filter((p) => p.startsWith(`**${t}**`)),
      t,
    ).toHaveLength(1);
  const attempts = await sql.query<{ attempts: number }>(
    `SELECT attempts FROM "Delivery" WHERE id = ANY($1::uuid[]) ORDER BY payload->>'title'`,
    [deliveryIds],
  );
  expect(attempts.rows.map((r) => r.attempts).sort()).toEqual([...Array(n - 1).fill(1), 2]);
}

test('behind nginx the client address is the one nginx saw, whatever X-Forwarded-For the client sends', async () => {
  const username = `forged-${randomUUID().slice(0, 8)}`;
  expect(await tryLogin(nginx.base, username, 'wrong-pass', '203.0.113.99')).toBe(false);
  const { ip } = await one<{ ip: string }>(
    `SELECT ip FROM "SecurityEvent" WHERE username = $1 AND kind = 'login.failed'`,
    [username],
  );
  expect(ip).toBe('127.0.0.1');
});

test('a node killed mid-run: nginx keeps serving from the other, sessions hold, queued jobs still run', async () => {
  test.setTimeout(180_000);
  const jar = await signIn(nginx.base, 'secretary', PASSWORD);
  // Each load: when it started, and its status (0: the connection was cut).
  const loads: { at: number; status: number }[] = [];
  let started = 0;
  let killedAt = Infinity;
  const worker = async () => {
    while (started < 120) {
      started += 1;
      const path = started % 2 ? '/' : '/reminders';
      const at = Date.now();
      const status = await fetch(`${nginx.base}${path}`, {
        headers: { Cookie: jar.header },
        redirect: 'manual',
      })
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 0);
      loads.push({ at, status });
      if (started === 30 && killedAt === Infinity) {
        killedAt = Date.now();
        a.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  expect(a.child.signalCode ?? (await new Promise((r) => a.child.once('exit', (_c, s) => r(s))))).toBe(
    'SIGKILL',
  );
  // A page the killed node was still sending is cut off (nginx cannot resend what it has begun to pass on): at most
  // the four in flight at the kill. Every load begun after it is served by the other node.
  const after = loads.filter((l) => l.at > killedAt);
  expect(after.length).toBeGreaterThan(60);
  expect(after.filter((l) => l.status !== 200)).toEqual([]);
  expect(loads.filter((l) => l.at <= killedAt && l.status !== 200).length).toBeLessThanOrEqual(4);
  // With one node left, what is queued now is still done, once.
  await deliver(10, 'after-kill');
});
