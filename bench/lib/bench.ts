// Shared by the benches: the bench database (migrated) with the app's client and a raw pg client on it,
// and the statistics they print.
import pg from 'pg';
import { createPrismaClient } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/schema-engine';
import { benchDatabase } from '../../scripts/lib/bench-db';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};

/**
 * Runs the contenders round-robin (so drift, GC and JIT hit them alike): `warmup` untimed rounds, then
 * `runs` timed ones. Returns each contender's durations in ms.
 */
export async function sampleInTurn<F extends (() => Promise<unknown>)[]>(
  warmup: number,
  runs: number,
  fns: [...F],
): Promise<{ [K in keyof F]: number[] }> {
  for (let i = 0; i < warmup; i += 1) for (const fn of fns) await fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i += 1) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      samples[k]!.push(performance.now() - t);
    }
  }
  return samples as { [K in keyof F]: number[] };
}

/**
 * Says which database `bench:<name>` runs on, migrates it and connects;
 * close() ends both clients and the database.
 */
export async function openBench(name: string) {
  const database = await benchDatabase();
  const db = createPrismaClient(database.url);
  const raw = new pg.Client({ connectionString: database.url });
  const close = async () => {
    await raw.end().catch(() => {});
    await db.$disconnect();
    await database.stop();
  };
  try {
    console.log(`bench:${name} on ${database.where}`);
    await applyMigrations(database.url);
    await raw.connect();
  } catch (e) {
    await close();
    throw e;
  }
  return { database, db, raw, close };
}
