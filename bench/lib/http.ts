// What the HTTP benches share: a browser's cookie jar, signing in through next-auth's credentials
// endpoint, a production server started on loopback, and its resident memory.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../lib/db/client';
import { DEMO_PASSWORD } from '../../prisma/seed-data';
import { appEnv, appNodeOptions, buildIfNeeded } from '../../scripts/lib/build';
import { startNginx, startNode, stopNode } from '../../scripts/lib/cluster';

/** A browser's cookie jar, enough for one origin. */
export class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Signs in as the login form does; throws unless a session cookie comes back. */
export async function signIn(base: string, username: string, password: string, jar = new Jar()) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${base}/` }),
  });
  jar.take(res);
  if (!jar.header.includes('session-token'))
    throw new Error(`login of ${username} refused (${res.status} ${res.headers.get('location')})`);
  return jar;
}

/** The id of a server action in the build's manifest (its exported name and the file that defines it). */
export async function actionId(name: string, filename: string): Promise<string> {
  const m = JSON.parse(
    await readFile(path.join('.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const id = Object.entries(m.node).find(([, v]) => v.exportedName === name && v.filename === filename)?.[0];
  if (!id) throw new Error(`${name} (${filename}) is not in the build's server-reference manifest`);
  return id;
}

export type ActionReply = { ok: boolean; data?: { id?: string }; error?: string };

/**
 * A server action as a page posts it: the action id in a header, the argument as JSON; the result is the line of
 * the RSC stream that carries `"ok":`. Throws on any other HTTP status or a reply without a result.
 */
export async function callAction(base: string, jar: Jar, page: string, id: string, arg: unknown) {
  const res = await fetch(`${base}${page}`, {
    method: 'POST',
    headers: {
      'Next-Action': id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: base,
      Cookie: jar.header,
    },
    body: JSON.stringify([arg]),
  });
  jar.take(res);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${page}`);
  const line = text.split('\n').find((l) => l.includes('"ok":'));
  if (!line) throw new Error(`no action result from ${page}`);
  return JSON.parse(line.slice(line.indexOf(':') + 1)) as ActionReply;
}

/**
 * `next start` on a free loopback port on this database (no jobs, no demo seeding, a fresh AUTH_SECRET);
 * resolves once /api/health answers.
 */
export async function startServer(databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const { base, children } = await startServers(databaseUrl, 1);
  return { base, child: children[0]! };
}

/**
 * `nodes` such servers sharing one AUTH_SECRET; with more than one, nginx in front of them (scripts/lib/cluster.ts)
 * and `base` is nginx's address.
 */
export async function startServers(databaseUrl: string, nodes: number) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
    JOBS: 'off',
    SEED_DEMO: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  await buildIfNeeded(env);
  // The app's Node options as npm start sets them (its heap limit), or APP_NODE_OPTIONS; not the bench's or the build's.
  const app = appEnv(env, process.env.APP_NODE_OPTIONS ?? appNodeOptions(''));
  const started = await Promise.all(Array.from({ length: nodes }, () => startNode(app)));
  const children = started.map((n) => n.child);
  const proxy = nodes > 1 ? await startNginx(started.map((n) => `127.0.0.1:${n.port}`)) : null;
  return {
    base: proxy?.base ?? started[0]!.base,
    children,
    stop: async () => {
      await proxy?.stop();
      await Promise.all(children.map((c) => stopNode(c)));
    },
  };
}

export const stopServer = (child: ChildProcess | undefined) => stopNode(child);

/** The id of the latest self-check sheet of a user's unit, or null. */
export async function latestSheetOf(db: Db, username: string): Promise<string | null> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { orgId: true } });
  const sheet = await db.selfCheckSheet.findFirst({
    where: { orgId: user.orgId ?? undefined },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  return sheet?.id ?? null;
}

/**
 * The demo accounts' most-used pages as autocannon requests, signed in as `secretary` and `committee`: workbenches,
 * 工作提醒表, the secretary's self-check sheet (when given), the handbook, meetings, supervision, insights, people
 * and the org tree. For the memory benches (bench:soak, bench:embedded).
 */
export async function demoPageMix(base: string, sheetId: string | null) {
  const jars = {
    secretary: await signIn(base, 'secretary', DEMO_PASSWORD),
    committee: await signIn(base, 'committee', DEMO_PASSWORD),
  };
  const pages: { who: keyof typeof jars; path: string }[] = [
    { who: 'secretary', path: '/' },
    { who: 'secretary', path: '/reminders' },
    ...(sheetId ? [{ who: 'secretary' as const, path: `/self-checks/${sheetId}` }] : []),
    { who: 'secretary', path: '/handbook' },
    { who: 'secretary', path: '/meetings' },
    { who: 'committee', path: '/' },
    { who: 'committee', path: '/reminders/supervision' },
    { who: 'committee', path: '/insights' },
    { who: 'committee', path: '/people' },
    { who: 'committee', path: '/orgs' },
  ];
  return pages.map((p) => ({
    method: 'GET' as const,
    path: p.path,
    headers: { cookie: jars[p.who].header },
  }));
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export async function treeRssMb(pid: number): Promise<number> {
  let kb = 0;
  const seen = new Set<number>();
  const visit = async (p: number) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of await readdir(`/proc/${p}/task`)) {
        const children = await readFile(`/proc/${p}/task/${t}/children`, 'utf8').catch(() => '');
        for (const c of children.split(/\s+/).filter(Boolean)) await visit(Number(c));
      }
    } catch {
      // the process ended meanwhile
    }
  };
  await visit(pid);
  return kb / 1024;
}
