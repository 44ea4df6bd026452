import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db/client';
import { refreshStatistics } from '../../lib/db/statistics';
import { startEmbeddedDb } from '../../scripts/lib/embedded-db';
import { testDb } from '../fixtures/db';

const db = testDb();

async function lastAnalyzed(q: (sql: string) => Promise<{ rows: { at: Date | null }[] }>, table: string) {
  const { rows } = await q(`SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = '${table}'`);
  return rows[0]?.at ?? null;
}

describe('the planner has statistics where no autovacuum keeps them', () => {
  it('analyzes a server whose autovacuum launcher is not running, and leaves one that runs to it', async () => {
    const [{ launcher }] = await db.$queryRaw<{ launcher: boolean }[]>`
      SELECT current_setting('autovacuum') = 'on'
         AND EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher') AS launcher`;
    const before = new Date(Date.now() - 1000);
    const analyzed = await refreshStatistics(db);
    expect(analyzed).toBe(!launcher);
    const at = await lastAnalyzed(
      async (sql) => ({ rows: await db.$queryRawUnsafe<{ at: Date | null }[]>(sql) }),
      'Organization',
    );
    if (analyzed) expect(at!.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('analyzes the embedded database (PGlite has no autovacuum although its setting says on)', async () => {
    const e = await startEmbeddedDb(null);
    const raw = new pg.Client({ connectionString: e.url });
    await raw.connect();
    const client = createPrismaClient(e.url);
    try {
      await raw.query('CREATE TABLE "Stat" (n int); INSERT INTO "Stat" SELECT generate_series(1, 2000)');
      expect(await lastAnalyzed((sql) => raw.query(sql), 'Stat')).toBeNull();
      expect(await refreshStatistics(client)).toBe(true);
      expect(await lastAnalyzed((sql) => raw.query(sql), 'Stat')).not.toBeNull();
      // The planner now knows the table's size.
      const { rows } = await raw.query(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'Stat'`);
      expect(rows[0].n).toBe(2000);
    } finally {
      await client.$disconnect();
      await raw.end();
      await e.stop();
    }
  }, 120_000);
});
