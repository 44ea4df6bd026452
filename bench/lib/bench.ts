// Shared by the benches: the bench database (migrated) with the app's client and a raw pg client on it,
// and the statistics they print.
import pg from 'pg';
import { createPrismaClient, type Db } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/schema-engine';
import { benchDatabase } from '../../scripts/lib/bench-db';
import { LARGE_ROOT_NAME, seedLarge } from '../../prisma/seed-large';

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

/**
 * The seed:large company's root (5,000 units, 100,000 people, a year of meetings), made first where the database has
 * none. It stands alone or hangs under the demo company's root (bench:http's database), so it is found by name.
 */
export async function largeRoot(db: Db, url: string) {
  const find = () =>
    db.organization.findFirst({ where: { name: LARGE_ROOT_NAME }, orderBy: { depth: 'asc' } });
  const found = await find();
  if (found) return found;
  console.log('no seed:large data yet: generating it (5,000 units, 100,000 people, a year of meetings)…');
  await seedLarge(url, true);
  return (await find())!;
}
