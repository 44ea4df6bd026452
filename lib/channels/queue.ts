import type PgBoss from 'pg-boss';
import { enqueueDeliveries } from './deliver';

// The queue started by lib/jobs.ts, kept on globalThis (Next loads instrumentation and server actions in separate
// module graphs of one process); read here without importing the job runner, which imports the domains.
const g = globalThis as unknown as { wubiaoJobs?: Promise<PgBoss> | null };

/**
 * Hands freshly written deliveries to the queue, after the user's transaction committed. Never
 * throws and never waits for the sending: where jobs are off, the sweep of another instance sends them.
 */
export function queueDeliveries(ids: string[]) {
  const boss = g.wubiaoJobs;
  if (!ids.length || !boss) return;
  boss
    .then((boss) => enqueueDeliveries(boss, ids))
    .catch((e) => console.error('[jobs] could not queue deliveries', e));
}
