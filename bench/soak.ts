// npm run bench:soak — memory over time (issue 17.6): one `next start` on the demo company, driven without pause
// for SOAK_MINUTES (default 10) by autocannon at SOAK_CONNECTIONS (default 10) over the pages people use most, in
// slices of SOAK_SLICE_SECONDS (30). After each slice: the server's RSS (process tree) and the slice's req/s. The
// first SOAK_WARMUP_MINUTES (2) are warm-up; after them RSS should stay flat: the bench prints the growth from the
// end of warm-up to the highest and to the last sample (goal: the last no more than 10% above the end of warm-up).
// Into DATABASE_URL (a database for this bench only) or an embedded one (.data/pg-bench-soak).
// APP_NODE_OPTIONS passes Node options (a heap limit, say) to the app only.
import autocannon from 'autocannon';
import { createPrismaClient } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { seedDemo } from '../prisma/seed';
import { benchDatabase } from '../scripts/lib/bench-db';
import { demoPageMix, latestSheetOf, startServers, treeRssMb } from './lib/http';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 10);
const SLICE = Number(process.env.SOAK_SLICE_SECONDS ?? 30);
const WARMUP = Number(process.env.SOAK_WARMUP_MINUTES ?? 2);
const GROWTH_GOAL = 0.1;

const database = await benchDatabase('pg-bench-soak');
const db = createPrismaClient(database.url);
let servers: Awaited<ReturnType<typeof startServers>> | undefined;
try {
  console.log(
    `bench:soak on ${database.where}: ${MINUTES} min at ${CONNECTIONS} connections, ${SLICE} s slices, ${WARMUP} min warm-up${process.env.APP_NODE_OPTIONS ? `, app NODE_OPTIONS=${process.env.APP_NODE_OPTIONS}` : ''}`,
  );
  await applyMigrations(database.url);
  await seedDemo(db);
  const sheetId = await latestSheetOf(db, 'secretary');
  servers = await startServers(database.url, 1);
  const { base } = servers;
  const pid = servers.children[0]!.pid!;
  // Every page in every slice: autocannon's request list, round robin over the connections.
  const requests = await demoPageMix(base, sheetId);
  const samples: { minute: number; rss: number; rps: number; errors: number }[] = [];
  const t0 = Date.now();
  console.log(`start: RSS ${(await treeRssMb(pid)).toFixed(0)} MB`);
  console.log('minute   RSS MB   req/s   errors');
  while (Date.now() - t0 < MINUTES * 60_000) {
    const r = await autocannon({ url: base, connections: CONNECTIONS, duration: SLICE, requests });
    const s = {
      minute: (Date.now() - t0) / 60_000,
      rss: await treeRssMb(pid),
      rps: r.requests.total / SLICE,
      errors: r.errors + r.timeouts + r.non2xx,
    };
    samples.push(s);
    console.log(
      `${s.minute.toFixed(1).padStart(6)} ${s.rss.toFixed(0).padStart(8)} ${s.rps.toFixed(1).padStart(7)} ${String(s.errors).padStart(8)}`,
    );
  }
  const warm = samples.filter((s) => s.minute <= WARMUP).at(-1) ?? samples[0]!;
  const after = samples.filter((s) => s.minute > warm.minute);
  if (!after.length) throw new Error('the soak ended inside its warm-up: raise SOAK_MINUTES');
  const peak = Math.max(...after.map((s) => s.rss));
  const last = after.at(-1)!;
  const growth = (last.rss - warm.rss) / warm.rss;
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  console.log(
    `\nafter warm-up (${warm.minute.toFixed(1)} min) RSS ${warm.rss.toFixed(0)} MB → peak ${peak.toFixed(0)} MB (${(((peak - warm.rss) / warm.rss) * 100).toFixed(1)}%), last ${last.rss.toFixed(0)} MB (${(growth * 100).toFixed(1)}%); req/s ${after[0]!.rps.toFixed(1)} → ${last.rps.toFixed(1)}; errors ${errors}`,
  );
  console.log(
    `goal: RSS flat after warm-up (last no more than ${GROWTH_GOAL * 100}% above it): ${growth <= GROWTH_GOAL ? 'met' : 'MISSED'}; errors 0: ${errors === 0 ? 'met' : 'MISSED'}`,
  );
} finally {
  await servers?.stop();
  await db.$disconnect();
  await database.stop();
}
