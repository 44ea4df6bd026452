import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedDb } from '../../scripts/lib/embedded-db';

describe('the embedded database under concurrent connections', () => {
  it('keeps each connection’s parameterized queries whole (no statement of another connection bound instead)', async () => {
    const e = await startEmbeddedDb(null);
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: e.url, max: 5 }));
    try {
      await pools[0]!.query('CREATE TABLE t (a int, b int, c int)');
      const results = await Promise.allSettled([
        ...Array.from({ length: 1500 }, (_, i) => {
          const p = pools[i % 3]!;
          if (i % 3 === 0) return p.query('SELECT $1::int + $2::int AS s', [i, 1]);
          if (i % 3 === 1) return p.query('SELECT $1::int + $2::int + $3::int AS s', [i, 1, 2]);
          return p.query('SELECT count(*) FROM t WHERE a = $1', [i]);
        }),
        ...Array.from({ length: 30 }, async (_, k) => {
          const c = await pools[k % 3]!.connect();
          try {
            await c.query('BEGIN');
            await c.query('INSERT INTO t VALUES ($1, $2, $3)', [k, k, k]);
            await c.query('COMMIT');
          } finally {
            c.release();
          }
        }),
      ]);
      const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(failed.map((f) => String(f.reason))).toEqual([]);
      expect((await pools[1]!.query('SELECT count(*)::int AS n FROM t')).rows[0].n).toBe(30);
    } finally {
      for (const p of pools) await p.end();
      await e.stop();
    }
  }, 120_000);
});
