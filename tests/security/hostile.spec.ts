/**
 * The hostile-input suite (issue 16.15), against the running build:
 *  - every server action of the build (read from its server-reference manifest) is called over HTTP, as a signed-in
 *    branch secretary, with inputs no schema accepts (missing, wrong types, too long, script-bearing, another unit's
 *    ids, unknown ids, the same call twice): no answer is a 5xx, and no row of the database changes;
 *  - every route handler and every page with an id in its path is asked with a malformed, an unknown and a foreign
 *    id: 401, 403 or 404 (or a page's 403/404), never a 5xx.
 * It runs after the end-to-end project (a dependency in playwright.config.ts), alone, so the fingerprint of the
 * database is this suite's own.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loginAs } from '../fixtures/login';

test.describe.configure({ mode: 'serial' });

type Entry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };
const manifest = JSON.parse(
  readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8'),
) as { node: Record<string, Entry> };

// Calls that change the caller's own session or sign-in state by design, whatever the input.
const SKIP = new Set(['logoutAction', 'loginAction', 'setLocaleAction']);

/** A page URL a worker path stands for: route groups dropped, dynamic segments filled with `fill`. */
const urlOf = (worker: string, fill: string) =>
  worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\/\([^)]+\)/g, '')
    .replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, fill) || '/';

const actions = Object.entries(manifest.node)
  .filter(([, e]) => e.exportedName && !SKIP.has(e.exportedName))
  .map(([id, e]) => {
    const workers = Object.keys(e.workers).filter((w) => w.endsWith('/page'));
    // A page without dynamic segments when there is one; the action runs whatever page it is posted to.
    const page = workers.find((w) => !w.includes('[')) ?? workers[0] ?? 'app/(portal)/page';
    return { id, name: `${e.filename}#${e.exportedName}`, url: urlOf(page, randomUUID()) };
  });

const TABLES_LEFT_OUT = new Set([
  'UserSession',
  'LoginThrottle',
  'Notification',
  'Delivery',
  '_prisma_migrations',
]);

/** A fingerprint of every row of every table (the trace: this person's events), to tell that nothing changed. */
/**
 * Every table's rows as one hash. The trace counts only the signed-in person's events, and reminder tasks only those
 * that existed when the test began: the hourly job (lib/jobs.ts, minute 5) may give units made by earlier tests their
 * tasks meanwhile, traced by the system. A task an action of this person made would show in their trace.
 */
async function fingerprint(userId: string, since: Date): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows } = await c.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const out: Record<string, string> = {};
    for (const { t } of rows) {
      if (TABLES_LEFT_OUT.has(t)) continue;
      // The refusals themselves are recorded (security events of this person's refused tries): anything else is not.
      const where =
        t === 'AuditEvent'
          ? `WHERE x."actorId" = '${userId}'`
          : t === 'SecurityEvent'
            ? `WHERE NOT (x.kind = 'access.denied' AND x."userId" = '${userId}')`
            : t === 'ReminderTask'
              ? `WHERE x."createdAt" < '${since.toISOString()}'`
              : '';
      const r = await c.query(
        `SELECT count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS f FROM "${t}" x ${where}`,
      );
      out[t] = r.rows[0].f;
    }
    return out;
  } finally {
    await c.end();
  }
}

async function foreignIds(): Promise<string[]> {
  // Records of the FIRST branch, which secretary2 (of another branch) may not touch.
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const q = async (sql: string) => (await c.query<{ id: string }>(sql)).rows.map((r) => r.id);
    const first = await q(
      `SELECT o.id FROM "Organization" o JOIN "User" u ON u."orgId" = o.id WHERE u.username = 'secretary'`,
    );
    return [
      ...first,
      ...(await q(`SELECT id FROM "ReminderTask" WHERE "orgId" = '${first[0]}' LIMIT 1`)),
      ...(await q(`SELECT id FROM "Person" WHERE "orgId" = '${first[0]}' LIMIT 1`)),
      ...(await q(`SELECT id FROM "Meeting" WHERE "orgId" = '${first[0]}' LIMIT 1`)),
      ...(await q(`SELECT id FROM "User" WHERE username = 'secretary'`)),
    ];
  } finally {
    await c.end();
  }
}

/** Inputs no action's schema accepts (each action takes one argument; a few take none or FormData). */
function hostileInputs(foreign: string[]): unknown[][] {
  const long = '长'.repeat(20_000);
  const script = '<script>alert(document.cookie)</script>';
  return [
    [],
    [null],
    [42],
    ['not an object'],
    [[1, 2, 3]],
    [{ id: 'not-a-uuid' }],
    [{ id: 12345, name: { nested: true } }],
    [{ id: randomUUID(), title: long, name: long, body: long }],
    [{ id: randomUUID(), title: script, name: script, reason: script, unexpected: true }],
    ...foreign.map((id) => [{ id, orgId: id, userId: id, personId: id, taskId: id, unexpected: script }]),
  ];
}

async function callAction(
  request: APIRequestContext,
  baseURL: string,
  a: (typeof actions)[number],
  args: unknown[],
) {
  return request.post(a.url, {
    headers: {
      'Next-Action': a.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

test('every server action refuses hostile input without a 5xx and without changing a row', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(600_000);
  expect(actions.length).toBeGreaterThan(80);
  await loginAs(page, 'secretary2');
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  const me = (await c.query<{ id: string }>(`SELECT id FROM "User" WHERE username = 'secretary2'`)).rows[0]!
    .id;
  await c.end();
  const inputs = hostileInputs(await foreignIds());
  const since = new Date();
  const before = await fingerprint(me, since);
  const failures: string[] = [];
  const accepted: string[] = [];
  let refused = 0;
  for (const a of actions) {
    for (const args of inputs) {
      // Twice: a repeated submit is refused the same way.
      for (let i = 0; i < (args === inputs[5] ? 2 : 1); i++) {
        const r = await callAction(page.request, baseURL!, a, args);
        const body = await r.text();
        const what = `${a.name} ${JSON.stringify(args).slice(0, 80)}`;
        // A 5xx, or an exception the action client caught and hid behind "unexpected", is a defect.
        if (r.status() >= 500 || body.includes('errors.unexpected')) failures.push(`${what} → ${r.status()}`);
        // Every input here is one no action may accept.
        if (body.includes('"ok":true')) accepted.push(what);
        if (body.includes('"ok":false')) refused += 1;
      }
    }
  }
  expect(failures).toEqual([]);
  expect(accepted).toEqual([]);
  // The calls reached the actions (their refusals came back), not a generic wall in front of them.
  expect(refused).toBeGreaterThan(actions.length * 5);
  const after = await fingerprint(me, since);
  const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
  expect(changed).toEqual([]);
  // And the policy's refusals among them are on 安全事件, each with the address it came to.
  const c2 = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c2.connect();
  const denied = (
    await c2.query<{ n: number; unaddressed: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE coalesce(detail->>'path', '') = '')::int AS unaddressed
         FROM "SecurityEvent" WHERE kind = 'access.denied' AND "userId" = $1 AND at >= $2`,
      [me, since],
    )
  ).rows[0]!;
  await c2.end();
  expect(denied.n).toBeGreaterThan(10);
  expect(denied.unaddressed).toBe(0);
});

/** Every route handler and page path with a dynamic segment, from the app folder. */
function dynamicPaths(kind: 'route.ts' | 'page.tsx'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === kind && p.includes('[') && !p.includes('[...nextauth]'))
        out.push(path.relative('.', path.dirname(p)));
    }
  };
  walk('app');
  return out;
}

test('route handlers and pages answer malformed, unknown and foreign ids with 400/401/403/404, never a 5xx', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await loginAs(page, 'secretary2');
  const foreign = await foreignIds();
  const fills = ['not-a-uuid', '%00%27%22', randomUUID(), ...foreign];
  const failures: string[] = [];
  for (const kind of ['route.ts', 'page.tsx'] as const) {
    for (const dir of dynamicPaths(kind)) {
      for (const fill of fills) {
        const url = urlOf(dir, fill);
        const r = await page.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
        // An address with a NUL is refused at the door with 400 (scripts/lib/gate.mjs unservableUrl), page or not.
        const allowed = kind === 'route.ts' || fill.includes('%00') ? [400, 401, 403, 404] : [403, 404];
        if (!allowed.includes(r.status())) failures.push(`${url} → ${r.status()}`);
      }
    }
  }
  // And every route handler without an id, with query strings no form sends.
  const bad = `?v=${'-'.repeat(36)}&year=abc&orgId=not-a-uuid&page=-1&q=${encodeURIComponent('<script>')}`;
  for (const dir of staticRoutes()) {
    const r = await page.request.get(urlOf(dir, '') + bad, { maxRedirects: 0, failOnStatusCode: false });
    if (r.status() >= 500) failures.push(`${urlOf(dir, '')}${bad} → ${r.status()}`);
  }
  expect(failures).toEqual([]);
});

/** Route handlers without a dynamic segment (exports, templates, the health check). */
function staticRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'route.ts' && !p.includes('[')) out.push(path.relative('.', path.dirname(p)));
    }
  };
  walk('app/api');
  return out;
}

test('a form another site posts to a page is refused with 403, signed in or not; a route handler decides its own', async ({
  page,
  baseURL,
}) => {
  await loginAs(page, 'secretary2');
  const failures: string[] = [];
  const post = (url: string, request = page.request) =>
    request.post(url, {
      headers: { Origin: 'http://evil.example' },
      multipart: { title: '<script>alert(1)</script>', $ACTION_ID_x: '' },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  // Before, Next read such a form as a server action and threw on the foreign Origin: a 500 on every page.
  for (const url of ['/', '/login', '/reminders', '/people', '/meetings/new']) {
    const r = await post(url);
    if (r.status() !== 403) failures.push(`${url} → ${r.status()}`);
  }
  expect(failures).toEqual([]);
  // The refusal is the door's short text, none of the portal's page.
  const r = await post('/reminders');
  expect(await r.text()).not.toContain('工作提醒表');
  // An identity provider posts its answer to a route handler from its own site (form_post): not refused at the door.
  const callback = await page.request.post(`${baseURL}/api/auth/callback/oidc`, {
    headers: { Origin: 'http://idp.example' },
    form: { code: 'x', state: 'y' },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect(callback.status()).not.toBe(403);
  expect(callback.status()).toBeLessThan(500);
});
