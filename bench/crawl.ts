// npm run bench:crawl — every page a role reaches from its navigation, and the first link of each kind below
// those, at company scale: the pages bench:http does not measure (a 发展 list, a branch's attendance, the 党费
// ledger were each found slow this way). bench:http's data and database (bench/lib/company.ts), one app server
// on loopback, one request at a time.
//
// Prints per role the slowest pages: the server's CPU (its own counters in /proc) and the wall time a request
// (the faster of two after one untimed; the CPU over both, halved), each also as a multiple of the same figures for
// the sign-in page (/login) measured the same way in the same run (the baseline, as in bench:http), and the HTML's
// size; then whether any page answered 5xx or sent more than 300 KB of HTML (issue 17). CRAWL_USERS (default committee,bench-secretary,secretary) picks the roles;
// CRAWL_SHOW (15) how many rows each; CRAWL_MAX (150) how many kinds of page each role opens at most.
import { readFile } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import { createPrismaClient } from '../lib/db/client';
import { DEMO_PASSWORD } from '../prisma/seed-data';
import { benchDatabase } from '../scripts/lib/bench-db';
import { prepareCompany } from './lib/company';
import { signIn, startServer, stopServer, type Jar } from './lib/http';

const USERS = (process.env.CRAWL_USERS ?? 'committee,bench-secretary,secretary').split(',');
const SHOW = Number(process.env.CRAWL_SHOW ?? 15);
const MAX = Number(process.env.CRAWL_MAX ?? 150);
const HTML_KB = 300;

/** The process's CPU time so far in ms (user + system, from /proc; clock ticks of 10 ms). */
async function cpuMs(pid: number) {
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(stat[11]) + Number(stat[12])) * 10;
}

/** Links of a page to other pages of the portal (not files, downloads, APIs or signing out). */
const linksOf = (html: string) =>
  [...html.matchAll(/href="(\/[^"#]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((h) => !h.startsWith('/_next') && !h.startsWith('/api/') && !/logout|signout/.test(h));

/** The kind of a page: its path with ids and numbers as placeholders, without the query. */
const kindOf = (path: string) =>
  path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n');

type Row = { path: string; cpu: number; wall: number; kb: number; status: number };

/** One page: once untimed, then twice timed; the faster wall time, the server's CPU over both halved (its counters tick in 10 ms). */
async function measure(base: string, pid: number, jar: Jar | null, path: string) {
  const get = async () => {
    const r = await fetch(base + path, { headers: jar ? { Cookie: jar.header } : {}, redirect: 'manual' });
    return { status: r.status, html: await r.text() };
  };
  const first = await get();
  let wall = Infinity;
  let last = first;
  const c0 = await cpuMs(pid);
  for (let k = 0; k < 2; k += 1) {
    const t0 = performance.now();
    last = await get();
    wall = Math.min(wall, performance.now() - t0);
  }
  const row: Row = {
    path,
    cpu: ((await cpuMs(pid)) - c0) / 2,
    wall,
    kb: last.html.length / 1024,
    status: last.status,
  };
  return { row, html: first.html };
}

async function crawl(base: string, pid: number, jar: Jar) {
  const home = await measure(base, pid, jar, '/');
  const seen = new Set<string>();
  const queue: { path: string; fromNavigation: boolean }[] = [];
  const add = (path: string, fromNavigation: boolean) => {
    if (seen.has(kindOf(path)) || seen.size >= MAX) return;
    seen.add(kindOf(path));
    queue.push({ path, fromNavigation });
  };
  for (const path of new Set(['/', ...linksOf(home.html)])) add(path, true);
  const rows: Row[] = [];
  for (const { path, fromNavigation } of queue) {
    const { row, html } = await measure(base, pid, jar, path);
    rows.push(row);
    // One level below the navigation: the first page of each kind its pages link to.
    if (fromNavigation) for (const link of linksOf(html)) add(link, false);
  }
  return rows;
}

const database = await benchDatabase('pg-bench-http');
const db = createPrismaClient(database.url);
let server: ChildProcess | undefined;
const problems: string[] = [];
try {
  console.log(`bench:crawl on ${database.where}`);
  await prepareCompany(db, database.url);
  const started = await startServer(database.url);
  server = started.child;
  // The baseline: the sign-in page of the same server, measured the same way (several times, the median).
  const logins: Row[] = [];
  for (let k = 0; k < 5; k += 1) logins.push((await measure(started.base, server.pid!, null, '/login')).row);
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const login = { wall: mid(logins.map((r) => r.wall)), cpu: Math.max(1, mid(logins.map((r) => r.cpu))) };
  console.log(
    `\nbaseline: the sign-in page (/login), ${login.wall.toFixed(0)} ms wall, ${login.cpu.toFixed(0)} ms of server CPU a request`,
  );
  for (const username of USERS) {
    const rows = await crawl(started.base, server.pid!, await signIn(started.base, username, DEMO_PASSWORD));
    rows.sort((a, b) => b.wall - a.wall);
    console.log(`\n${username}: ${rows.length} kinds of page, the slowest ${Math.min(SHOW, rows.length)}`);
    console.log(
      '| page | wall ms | × sign-in | server CPU ms | × sign-in | HTML KB | status |\n|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of rows.slice(0, SHOW))
      console.log(
        `| ${r.path} | ${r.wall.toFixed(0)} | ${(r.wall / login.wall).toFixed(1)} | ${r.cpu.toFixed(0)} | ${(r.cpu / login.cpu).toFixed(1)} | ${r.kb.toFixed(0)} | ${r.status} |`,
      );
    for (const r of rows) {
      if (r.status >= 500) problems.push(`${username} ${r.path}: HTTP ${r.status}`);
      if (r.kb > HTML_KB) problems.push(`${username} ${r.path}: ${r.kb.toFixed(0)} KB of HTML`);
    }
  }
  console.log(
    problems.length
      ? `\n✖ ${problems.length} problem(s):\n${problems.join('\n')}`
      : `\n✓ no page answered 5xx or sent more than ${HTML_KB} KB of HTML`,
  );
  if (problems.length) process.exitCode = 1;
} finally {
  await stopServer(server);
  await db.$disconnect();
  await database.stop();
}
