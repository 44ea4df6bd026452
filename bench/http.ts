// npm run bench:http — the pages people use most, over HTTP, against a trivial page of the same server in
// the same run. A real `next start` on loopback, driven by autocannon at 10 and 50 connections.
//
// Data: the demo company with the seed:large company (5,000 units, 100,000 people) hung under its committee,
// and every frequency's current reminder tasks generated for all of it; so the demo accounts keep their
// shapes (the committee sees the whole company, a secretary one branch) and one more secretary holds the
// 300-person branch. Into DATABASE_URL (a database for this bench only) or an embedded one (.data/pg-bench-http).
//
// Prints per page and connection count: req/s, the ratio to the trivial page (/login), p50/p95, errors and
// the HTML's size; the server's RSS before and after; then each goal of issue 17 met or missed.
// HTTP_SECONDS (default 8) per measurement, HTTP_CONNECTIONS (default 10,50), HTTP_PAGES (names, to pick);
// the RSS is read again HTTP_SETTLE_SECONDS (default 30) after the load.
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { createPrismaClient } from '../lib/db/client';
import { DEMO_PASSWORD } from '../prisma/seed-data';
import { benchDatabase } from '../scripts/lib/bench-db';
import { pct } from './lib/bench';
import { BIG_SECRETARY, prepareCompany } from './lib/company';
import { Jar, latestSheetOf, signIn, startServer, stopServer, treeRssMb } from './lib/http';

const SECONDS = Number(process.env.HTTP_SECONDS ?? 8);
const CONNECTIONS = (process.env.HTTP_CONNECTIONS ?? '10,50').split(',').map(Number);
const PICK = process.env.HTTP_PAGES?.split(',');
const SETTLE_SECONDS = Number(process.env.HTTP_SETTLE_SECONDS ?? 30);
const GOALS = { ratio: 0.5, htmlKb: 300, rssMb: 400 };

const database = await benchDatabase('pg-bench-http');
const db = createPrismaClient(database.url);
let server: ChildProcess | undefined;
try {
  console.log(`bench:http on ${database.where}, ${SECONDS} s per measurement`);
  await prepareCompany(db, database.url);

  const sheetId = await latestSheetOf(db, 'secretary');
  const article = await db.article.findFirstOrThrow({
    where: { version: { status: 'PUBLISHED' } },
    orderBy: { number: 'asc' },
    select: { number: true },
  });

  const started = await startServer(database.url);
  server = started.child;
  const base = started.base;
  const jars: Record<string, Jar> = {
    secretary: await signIn(base, 'secretary', DEMO_PASSWORD),
    committee: await signIn(base, 'committee', DEMO_PASSWORD),
    [BIG_SECRETARY]: await signIn(base, BIG_SECRETARY, DEMO_PASSWORD),
  };
  const pages: { name: string; who: string; path: string }[] = [
    { name: 'secretary workbench', who: 'secretary', path: '/' },
    { name: '工作提醒表', who: 'secretary', path: '/reminders' },
    ...(sheetId ? [{ name: 'self-check sheet', who: 'secretary', path: `/self-checks/${sheetId}` }] : []),
    { name: 'handbook article', who: 'secretary', path: `/handbook/articles/${article.number}` },
    { name: 'roster (300 people)', who: BIG_SECRETARY, path: '/people' },
    { name: 'big branch workbench', who: BIG_SECRETARY, path: '/' },
    { name: 'committee workbench', who: 'committee', path: '/' },
    { name: 'committee supervision', who: 'committee', path: '/reminders/supervision' },
    { name: 'insights', who: 'committee', path: '/insights' },
    { name: 'org tree', who: 'committee', path: '/orgs' },
    { name: 'gap analysis', who: 'committee', path: '/audits/gap' },
    { name: 'self-checks list', who: 'committee', path: '/self-checks' },
  ].filter((p) => !PICK || PICK.includes(p.name) || PICK.includes(p.path));
  // A pick that names no page would print every goal "met" over nothing.
  if (pages.length === 0) throw new Error(`HTTP_PAGES names no page: ${PICK?.join(', ')}`);

  // Each page once first: it must answer 200 with its own content (not a sign-in redirect); its HTML's size.
  const htmlKb = new Map<string, number>();
  for (const p of pages) {
    const res = await fetch(base + p.path, { headers: { Cookie: jars[p.who]!.header }, redirect: 'manual' });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${p.path} as ${p.who} answered ${res.status}`);
    htmlKb.set(p.name, Buffer.byteLength(body) / 1024);
  }

  const rssBefore = await treeRssMb(server.pid!);
  type Row = { name: string; conns: number; rps: number; p50: number; p95: number; errors: number };
  const measure = async (name: string, path: string, conns: number, cookie?: string): Promise<Row> => {
    const latencies: number[] = [];
    const r = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: base + path, connections: conns, duration: SECONDS, headers: cookie ? { cookie } : {} },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
    return {
      name,
      conns,
      rps: r.requests.total / SECONDS,
      p50: pct(latencies, 0.5),
      p95: pct(latencies, 0.95),
      errors: r.errors + r.timeouts + r.non2xx,
    };
  };
  const rows: (Row & { ratio: number })[] = [];
  for (const conns of CONNECTIONS) {
    const trivial = await measure('trivial page (/login)', '/login', conns);
    rows.push({ ...trivial, ratio: 1 });
    for (const p of pages) {
      const r = await measure(p.name, p.path, conns, jars[p.who]!.header);
      rows.push({ ...r, ratio: r.rps / trivial.rps });
    }
  }
  const rssAfter = await treeRssMb(server.pid!);
  // And once the load has been gone a while: whether the memory stays taken (V8 gives pages back when idle).
  await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
  const rssSettled = await treeRssMb(server.pid!);

  console.log('\n| page | conns | req/s | × trivial | p50 ms | p95 ms | errors | HTML KB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.conns} | ${r.rps.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.errors} | ${htmlKb.get(r.name)?.toFixed(0) ?? '–'} |`,
    );
  console.log(
    `\nserver RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB right after, ${rssSettled.toFixed(0)} MB ${SETTLE_SECONDS} s later`,
  );

  const at50 = rows.filter((r) => r.conns === Math.max(...CONNECTIONS) && r.ratio !== 1);
  const goals: [string, boolean][] = [
    [
      `every page ≥ ${GOALS.ratio}× the trivial page at ${Math.max(...CONNECTIONS)} connections (lowest ${Math.min(...at50.map((r) => r.ratio)).toFixed(2)}×)`,
      at50.every((r) => r.ratio >= GOALS.ratio),
    ],
    [
      `no page over ${GOALS.htmlKb} KB of HTML (largest ${Math.max(...htmlKb.values()).toFixed(0)} KB)`,
      [...htmlKb.values()].every((kb) => kb <= GOALS.htmlKb),
    ],
    [
      `server RSS ≤ ${GOALS.rssMb} MB right after the run (${rssAfter.toFixed(0)} MB)`,
      rssAfter <= GOALS.rssMb,
    ],
    ['no errors', rows.every((r) => r.errors === 0)],
  ];
  for (const [what, ok] of goals) console.log(`${ok ? '✓ met   ' : '✖ missed'} ${what}`);
} finally {
  await stopServer(server);
  await db.$disconnect();
  await database.stop();
}
