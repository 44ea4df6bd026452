import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db/client';

// The embedded engine serves every connection from one session: there the cache is off (scripts/lib/embedded-db.ts
// names it in the address's application_name).
const embedded = /[?&]application_name=wubiao-embedded/.test(process.env.DATABASE_URL ?? '');

const prepared = createPrismaClient(process.env.DATABASE_URL, { prepared: true });
const unnamed = createPrismaClient(process.env.DATABASE_URL, { prepared: false });
afterAll(() => Promise.all([prepared.$disconnect(), unnamed.$disconnect()]));

/** Runs two reads on one connection (a transaction holds it), then lists that connection's named statements. */
const namesAfterReads = (client: typeof prepared) =>
  client.$transaction(async (tx) => {
    await tx.organization.findMany({ where: { name: { startsWith: '测试' } }, take: 3 });
    await tx.organization.findMany({ where: { name: { startsWith: '测试' } }, take: 3 });
    const rows = await tx.$queryRaw<{ name: string; statement: string }[]>`
      SELECT name, statement FROM pg_prepared_statements WHERE name LIKE ${'w%'}`;
    return rows;
  });

describe('statements prepared once per connection', () => {
  it.skipIf(embedded)(
    'a read with parameters is prepared by name and used again, not parsed anew',
    async () => {
      const rows = await namesAfterReads(prepared);
      const org = rows.filter((r) => r.statement.includes('"Organization"'));
      // The same read twice: one statement, named by its text's hash.
      expect(org).toHaveLength(1);
      expect(org[0]!.name).toMatch(/^w[A-Za-z0-9_-]{27}$/);
    },
  );

  it.skipIf(embedded)(
    'a prepared statement is planned for its parameters every time, never by a generic plan',
    async () => {
      const plans = await prepared.$transaction(async (tx) => {
        for (let i = 0; i < 8; i++)
          await tx.organization.findMany({ where: { path: { startsWith: `/plan-${i % 2}` } }, take: 2 });
        return tx.$queryRaw<{ mode: string; generic: number; custom: number }[]>`
          SELECT current_setting('plan_cache_mode') AS mode, generic_plans::int AS generic,
                 custom_plans::int AS custom
          FROM pg_prepared_statements WHERE statement LIKE ${'%"Organization"."path"%'}`;
      });
      // (The connection may hold the earlier test's reads of Organization too.)
      expect(plans.map((p) => p.custom)).toContain(8);
      for (const p of plans) expect(p).toMatchObject({ mode: 'force_custom_plan', generic: 0 });
    },
  );

  it('with the cache off, nothing is prepared by name', async () => {
    expect(await namesAfterReads(unnamed)).toEqual([]);
  });

  it('an address naming the embedded database turns it off, whatever the environment says', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('application_name', 'wubiao-embedded');
    const client = createPrismaClient(url.toString());
    try {
      expect(await namesAfterReads(client)).toEqual([]);
    } finally {
      await client.$disconnect();
    }
  });

  it.skipIf(embedded)(
    'raw SQL of several commands without parameters still runs (as a simple query)',
    async () => {
      await prepared.$executeRawUnsafe(
        'CREATE TEMP TABLE wb_sc (n int); INSERT INTO wb_sc VALUES (1); DROP TABLE wb_sc',
      );
      const n = await prepared.$queryRaw<{ n: number }[]>`SELECT ${2}::int AS n`;
      expect(n[0]!.n).toBe(2);
    },
  );
});
