/**
 * Background jobs on PostgreSQL (pg-boss, schema "pgboss"), started with the app (instrumentation.ts)
 * on the embedded default too. Several app instances share one queue: each job runs once, and the
 * schedule is kept in the database.
 */
import PgBoss from 'pg-boss';
import { createPrismaClient } from './db/client';
import { refreshStatistics } from './db/statistics';
import { setJobsState } from './jobs-state';
import { DELIVER_QUEUE, deliverOne, sweepPending } from './channels/deliver';
import { scanDueNotices } from './channels/due-notices';
import { generateEventTasks } from './reminders/mutations/events';
import { generateCurrent } from './reminders/mutations/generate';
import { purgeSecurityEvents } from './trace/retention';
import { watchTrace } from './trace/watch';

const DELIVER_WORKERS = 5;

export const QUEUES = {
  generateReminders: 'reminders.generate',
  dueNotices: 'channels.due-notices',
  sweep: 'channels.sweep',
  deliver: DELIVER_QUEUE,
  traceWatch: 'trace.watch',
  retention: 'security.retention',
  statistics: 'db.statistics',
} as const;

// Kept on globalThis: Next loads instrumentation and server actions in separate module graphs of one process.
const g = globalThis as unknown as { wubiaoJobs?: Promise<PgBoss> | null };
let started: Promise<PgBoss> | null = g.wubiaoJobs ?? null;

/** Runs `step` up to five times, waiting a growing, jittered pause between tries. */
async function retrying(step: () => Promise<void>) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (e) {
      if (attempt >= 5) throw e;
      console.error(`[jobs] setting up the queues failed (try ${attempt}): ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 500 * attempt + Math.random() * 500));
    }
  }
}

export function startJobs(url = process.env.DATABASE_URL): Promise<PgBoss> | null {
  if (!url || process.env.JOBS === 'off') return null;
  if (!started) setJobsState('starting');
  started ??= (async () => {
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 3 });
    boss.on('error', (e) => console.error('[jobs]', e.message));
    await boss.start();
    const db = createPrismaClient(url);
    // A start that fails part-way stops what it began (no half-started runner polling beside the retry).
    try {
      // Queues and schedules first, retried: two nodes starting at once on a new database can deadlock in pg-boss's
      // create_queue (seen in the two-node tests); both are idempotent.
      await retrying(async () => {
        for (const q of Object.values(QUEUES)) await boss.createQueue(q);
        // Hourly, so new units and new periods get their tasks within the hour; idempotent by design.
        await boss.schedule(QUEUES.generateReminders, '5 * * * *', {}, { tz: 'Asia/Shanghai' });
        await boss.schedule(QUEUES.dueNotices, '15 * * * *', {}, { tz: 'Asia/Shanghai' });
        await boss.schedule(QUEUES.sweep, '*/10 * * * *', {}, { tz: 'Asia/Shanghai' });
        // The trace checked and a signed checkpoint written outside the database, hourly (lib/trace/watch.ts).
        await boss.schedule(QUEUES.traceWatch, '25 * * * *', {}, { tz: 'Asia/Shanghai' });
        // Security events past their retention (never under 180 days), nightly.
        await boss.schedule(QUEUES.retention, '40 3 * * *', {}, { tz: 'Asia/Shanghai' });
        // The planner's statistics, nightly, where no autovacuum keeps them (lib/db/statistics.ts).
        await boss.schedule(QUEUES.statistics, '50 3 * * *', {}, { tz: 'Asia/Shanghai' });
      });
      await boss.work(QUEUES.generateReminders, async () => {
        const results = await generateCurrent(db);
        const events = await generateEventTasks(db);
        const inserted = results.reduce((s, r) => s + r.inserted, 0) + events.inserted;
        if (inserted) console.log(`[jobs] reminders generated: ${inserted}`);
      });
      await boss.work(QUEUES.dueNotices, async () => {
        const r = await scanDueNotices(db);
        if (r.created) console.log(`[jobs] due/overdue notifications: ${r.created}`);
        await sweepPending(db, boss, 0);
      });
      await boss.work(QUEUES.sweep, async () => void (await sweepPending(db, boss)));
      // One job per delivery; a failure throws and pg-boss retries that delivery alone (RETRY). Several workers, each
      // fetching one job a second: pg-boss waits its polling interval between fetches even when it found work, so one
      // worker at the default 2 s sent half a delivery a second. (One batch of several would complete a job that failed
      // and was picked up again by another node before the batch returned.)
      for (let i = 0; i < DELIVER_WORKERS; i += 1)
        await boss.work<{ id: string }>(
          QUEUES.deliver,
          { pollingIntervalSeconds: 1 },
          async ([job]) => void (await deliverOne(db, job!.data.id)),
        );
      await boss.work(QUEUES.traceWatch, async () => void (await watchTrace(db)));
      await boss.work(QUEUES.retention, async () => void (await purgeSecurityEvents(db)));
      await boss.work(QUEUES.statistics, async () => void (await refreshStatistics(db)));
      // Once at start too, so a new installation's first checkpoint (and its boundary) is signed at once.
      await boss.send(QUEUES.traceWatch, {}, { singletonKey: 'startup', singletonSeconds: 300 });
      // And once at start (one instance wins the singleton for the minute).
      await boss.send(QUEUES.generateReminders, {}, { singletonKey: 'startup', singletonSeconds: 60 });
    } catch (e) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      await db.$disconnect().catch(() => undefined);
      throw e;
    }
    setJobsState('running');
    return boss;
  })().catch((e) => {
    started = g.wubiaoJobs = null;
    setJobsState('failed');
    console.error('[jobs] could not start', e);
    throw e;
  });
  g.wubiaoJobs = started;
  return started;
}
