// npm run bench:embedded — the embedded default's memory (issue 17.2: ≤ 600 MB): `npm start` exactly as a new user
// runs it (no DATABASE_URL: PGlite in the start process, `next start` as its child) on a data folder of its own
// (.data/bench-embedded, seeded with the demo on first start), then EMBEDDED_SECONDS (default 60) of load at 10
// connections over the pages people use most (bench/lib/http.ts demoPageMix). Prints the RSS of each process of the tree before and after, and the
// goal met or missed. EMBEDDED_FRESH=1 starts from an empty data folder.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../scripts/lib/embedded-db';
import { demoPageMix } from './lib/http';

const SECONDS = Number(process.env.EMBEDDED_SECONDS ?? 60);
const GOAL_MB = 600;
const dataDir = path.resolve('.data', 'bench-embedded');
if (process.env.EMBEDDED_FRESH === '1') await rm(dataDir, { recursive: true, force: true });

/** Each process of the tree under `pid`: its command line and RSS in MB. */
async function processes(pid: number): Promise<{ pid: number; cmd: string; mb: number }[]> {
  const out: { pid: number; cmd: string; mb: number }[] = [];
  const visit = async (p: number) => {
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      const cmd = (await readFile(`/proc/${p}/cmdline`, 'utf8')).split('\0').join(' ').trim();
      out.push({ pid: p, cmd: cmd.slice(0, 90), mb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 });
      for (const t of await readdir(`/proc/${p}/task`)) {
        const children = await readFile(`/proc/${p}/task/${t}/children`, 'utf8').catch(() => '');
        for (const c of children.split(/\s+/).filter(Boolean)) await visit(Number(c));
      }
    } catch {
      // ended meanwhile
    }
  };
  await visit(pid);
  return out;
}

const show = (label: string, ps: { pid: number; cmd: string; mb: number }[]) => {
  const total = ps.reduce((s, p) => s + p.mb, 0);
  console.log(`${label}: ${total.toFixed(0)} MB in all`);
  for (const p of ps.filter((q) => q.mb > 5)) console.log(`  ${p.mb.toFixed(0).padStart(6)} MB  ${p.cmd}`);
  return total;
};

const port = await freePort();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  WUBIAO_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: '1',
};
delete env.DATABASE_URL;
// As package.json's start script runs it.
const child = spawn(process.execPath, ['scripts/start.mjs'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
const base = `http://127.0.0.1:${port}`;
try {
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('npm start ended before it answered');
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - t0 > 15 * 60_000) throw new Error('npm start did not answer within 15 minutes');
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(
    `bench:embedded: npm start answered in ${((Date.now() - t0) / 1000).toFixed(0)} s (${dataDir})`,
  );
  const before = show('before load', await processes(child.pid!));
  const requests = await demoPageMix(base, null);
  const r = await autocannon({ url: base, connections: 10, duration: SECONDS, requests });
  console.log(
    `load: ${SECONDS} s at 10 connections, ${(r.requests.total / SECONDS).toFixed(1)} req/s, errors ${r.errors + r.timeouts + r.non2xx}`,
  );
  const after = show('after load', await processes(child.pid!));
  console.log(
    `goal: the embedded default ≤ ${GOAL_MB} MB after load: ${after.toFixed(0)} MB ${after <= GOAL_MB ? 'met' : 'MISSED'} (before load ${before.toFixed(0)} MB)`,
  );
} finally {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
}
