import type { Db } from './client';

/**
 * The planner's statistics where nothing else keeps them. PostgreSQL's autovacuum analyzes a table once enough of
 * it has changed; the embedded default (PGlite, one standalone backend) has no autovacuum although its setting says
 * on, and a server may run with it off (these machines do). Without statistics the planner guesses: on the
 * seed:large data it estimated 4 overdue tasks where there were 6,579 and joined 督办's 3,547 to their units one by
 * one (15 ms; 7 ms once analyzed). Run at start and nightly by the job queue; a database whose autovacuum launcher is
 * running is left to it. Returns whether it analyzed.
 */
export async function refreshStatistics(db: Db): Promise<boolean> {
  const [{ kept }] = await db.$queryRaw<{ kept: boolean }[]>`
    SELECT current_setting('autovacuum') = 'on'
       AND EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher') AS kept`;
  if (kept) return false;
  await db.$executeRawUnsafe('ANALYZE');
  return true;
}
