import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

/** Statements with more parameters than this (long IN lists, each length its own text) are not kept prepared. */
const MAX_PREPARED_PARAMS = 64;

/**
 * A prepared statement's name: the hash of its text, so each distinct statement is parsed once per connection. A
 * statement without parameters stays unnamed: pg sends it as a simple query, which may hold several commands (raw
 * SQL of scripts and tests).
 */
function statementName(query: { sql: string; args: unknown[] }): string | undefined {
  if (query.args.length === 0 || query.args.length > MAX_PREPARED_PARAMS) return undefined;
  return 'w' + createHash('sha1').update(query.sql).digest('base64url');
}

/**
 * Builds a PrismaClient on the pg adapter. Used by lib/db.ts for the app, and directly by scripts,
 * seeds and tests (which run outside Next and need their own client, sometimes two at once).
 * Reading DATABASE_URL lazily keeps `next build` from failing where it is unset.
 *
 * Statements are prepared by name once per connection (`prepared`, on unless DATABASE_STATEMENT_CACHE=off): Prisma
 * sends every query as a new unnamed statement, so PostgreSQL parsed and planned each one on every request — on the
 * seed:large data most of a page's database time (the secretary's workbench 29 → 15 ms, 督办 98 → 33 ms). The cost:
 * about 2 MB more per connection while it lives (idle connections close after 10 s; none lives past 15 minutes). The
 * embedded database turns it off (its address carries application_name=wubiao-embedded, scripts/lib/embedded-db.ts:
 * one PGlite session serves every connection); so must a deployment behind a pooler in transaction mode that does not
 * track prepared statements.
 */
export function createPrismaClient(
  url = process.env.DATABASE_URL,
  {
    prepared = process.env.DATABASE_STATEMENT_CACHE !== 'off' &&
      !/[?&]application_name=wubiao-embedded(&|$)/.test(url ?? ''),
  } = {},
) {
  const adapter = new PrismaPg(
    {
      connectionString: url ?? 'postgresql://unset@127.0.0.1:1/unset',
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // A prepared statement is planned for its parameters every time: after five runs PostgreSQL may switch to a
      // generic plan, and for the scope filters (`path LIKE $1 || '%'`) that plan cannot see the subtree's size: 督办's
      // overdue count went from 4.5 to 32 ms on the sixth run on the seed:large data. Parsing is what the cache saves.
      ...(prepared ? { maxLifetimeSeconds: 900, options: '-c plan_cache_mode=force_custom_plan' } : {}),
    },
    // The adapter's type says a string; pg sends a query without a name as an unnamed statement.
    prepared
      ? { statementNameGenerator: statementName as (q: { sql: string; args: unknown[] }) => string }
      : {},
  );
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
