// npm run bench:lighthouse — Lighthouse (the npm package) with Debian's Chromium, in its default mobile emulation
// (a mid-range phone, throttled 4G), on the five pages people on a site use from a phone: login, the secretary's
// workbench, 工作提醒表, audit scoring and an exam paper. A real `next start` of this build on the demo data, on
// loopback. Prints performance, accessibility and best-practices per page against the goals (90 / 95 / 95).
//
// Data: the demo company, into DATABASE_URL (a database for this bench only) or an embedded one
// (.data/pg-bench-lighthouse). LIGHTHOUSE_PAGES (names, to pick).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import type { ChildProcess } from 'node:child_process';
import { findChromium } from '../lib/browser';
import { createPrismaClient } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { seedDemo } from '../prisma/seed';
import { DEMO_PASSWORD } from '../prisma/seed-data';
import { benchDatabase } from '../scripts/lib/bench-db';
import { actionId, callAction, signIn, startServer, stopServer } from './lib/http';

const GOALS = { performance: 90, accessibility: 95, 'best-practices': 95 } as const;
const PICK = process.env.LIGHTHOUSE_PAGES?.split(',');

const database = await benchDatabase('pg-bench-lighthouse');
const db = createPrismaClient(database.url);
let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  console.log(`bench:lighthouse on ${database.where}`);
  await applyMigrations(database.url);
  await seedDemo(db);
  // An audit the auditor scores and an exam the member takes, from the demo data.
  const audit = await db.audit.findFirst({
    where: { plan: { members: { some: { user: { username: 'auditor' } } } } },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  const started = await startServer(database.url);
  server = started.child;
  const base = started.base;
  const jars = {
    secretary: await signIn(base, 'secretary', DEMO_PASSWORD),
    auditor: await signIn(base, 'auditor', DEMO_PASSWORD),
    member: await signIn(base, 'member', DEMO_PASSWORD),
  };
  const cookies = {
    secretary: jars.secretary.header,
    auditor: jars.auditor.header,
    member: jars.member.header,
  };
  // The member opens this month's 党员月度学习测试 (open now in the demo data): the paper is the page measured.
  const now = new Date();
  const open = await db.exam.findFirst({
    where: { opensAt: { lte: now }, closesAt: { gt: now }, auditId: null, trainingId: null },
    orderBy: { opensAt: 'desc' },
    select: { id: true },
  });
  if (open) {
    const start = await actionId('startAttemptAction', 'lib/exams/actions.ts');
    await callAction(base, jars.member, '/exams', start, { examId: open.id });
  }
  const exam = await db.examAttempt.findFirst({
    where: { userId: (await db.user.findUniqueOrThrow({ where: { username: 'member' } })).id },
    orderBy: { startedAt: 'desc' },
    select: { id: true },
  });
  const pages: { name: string; path: string; cookie?: string }[] = [
    { name: 'login', path: '/login' },
    { name: 'workbench', path: '/', cookie: cookies.secretary },
    { name: 'reminders', path: '/reminders', cookie: cookies.secretary },
    ...(audit ? [{ name: 'audit-scoring', path: `/audits/${audit.id}`, cookie: cookies.auditor }] : []),
    ...(exam ? [{ name: 'exam-paper', path: `/exams/attempts/${exam.id}`, cookie: cookies.member }] : []),
  ].filter((p) => !PICK || PICK.includes(p.name));
  if (!audit) console.log('(no audit of the auditor in the demo data: audit-scoring skipped)');
  if (!exam) console.log('(no exam in progress for the member in the demo data: exam-paper skipped)');

  chrome = await chromeLauncher.launch({
    chromePath: findChromium()?.path ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const rows: { page: string; scores: Record<keyof typeof GOALS, number> }[] = [];
  for (const p of pages) {
    // Each page in a tab of its own with the person's session cookie, kept through Lighthouse's run.
    const tab: Page = await browser.newPage();
    for (const c of (p.cookie ?? '').split('; ').filter(Boolean)) {
      const i = c.indexOf('=');
      await tab.setCookie({ name: c.slice(0, i), value: c.slice(i + 1), url: base });
    }
    const result = await lighthouse(
      `${base}${p.path}`,
      { output: 'json', logLevel: 'error', onlyCategories: Object.keys(GOALS), disableStorageReset: true },
      undefined,
      tab,
    );
    await tab.close();
    if (!result) throw new Error(`lighthouse gave no result for ${p.path}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${p.path}: ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== p.path)
      throw new Error(`${p.path} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
    const score = (k: keyof typeof GOALS) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
    rows.push({
      page: p.name,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
      },
    });
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .filter((a) => a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => a.id);
    console.log(`  ${p.name}: below 90 in ${failing.slice(0, 12).join(', ') || 'nothing'}`);
  }
  console.log('\n| page | performance | accessibility | best practices |');
  console.log('|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.page} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} |`,
    );
  console.log(`| goal | ${GOALS.performance} | ${GOALS.accessibility} | ${GOALS['best-practices']} |`);
  for (const k of Object.keys(GOALS) as (keyof typeof GOALS)[]) {
    const missed = rows.filter((r) => r.scores[k] < GOALS[k]).map((r) => `${r.page} ${r.scores[k]}`);
    console.log(`${k} ≥ ${GOALS[k]}: ${missed.length ? `missed (${missed.join(', ')})` : 'met'}`);
  }
  await browser.disconnect();
} finally {
  await chrome?.kill();
  await stopServer(server);
  await db.$disconnect();
  await database.stop();
}
