/**
 * Background jobs on PostgreSQL (pg-boss, schema "pgboss"), started with the app (instrumentation.ts)
 * on the embedded default too. Several app instances share one queue: each job runs once, and the
 * schedule is kept in the database.
 */
import PgBoss from 'pg-boss';
import { createPrismaClient } from './db/client';
import { generateCurrent } from './reminders/generate';

export const QUEUES = { generateReminders: 'reminders.generate' } as const;

let started: Promise<PgBoss> | null = null;

export function startJobs(url = process.env.DATABASE_URL): Promise<PgBoss> | null {
  if (!url || process.env.JOBS === 'off') return null;
  started ??= (async () => {
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 3 });
    boss.on('error', (e) => console.error('[jobs]', e.message));
    await boss.start();
    const db = createPrismaClient(url);
    await boss.createQueue(QUEUES.generateReminders);
    // Hourly, so new units and new periods get their tasks within the hour; idempotent by design.
    await boss.schedule(QUEUES.generateReminders, '5 * * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.work(QUEUES.generateReminders, async () => {
      const results = await generateCurrent(db);
      const inserted = results.reduce((s, r) => s + r.inserted, 0);
      if (inserted) console.log(`[jobs] reminders generated: ${inserted}`);
    });
    // And once at start (one instance wins the singleton for the minute).
    await boss.send(QUEUES.generateReminders, {}, { singletonKey: 'startup', singletonSeconds: 60 });
    return boss;
  })().catch((e) => {
    started = null;
    console.error('[jobs] could not start', e);
    throw e;
  });
  return started;
}
