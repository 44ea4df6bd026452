import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

/**
 * Builds a PrismaClient on the pg adapter. Used by lib/db.ts for the app, and directly by scripts,
 * seeds and tests (which run outside Next and need their own client, sometimes two at once).
 * Reading DATABASE_URL lazily keeps `next build` from failing where it is unset.
 */
export function createPrismaClient(url = process.env.DATABASE_URL) {
  const adapter = new PrismaPg({
    connectionString: url ?? 'postgresql://unset@127.0.0.1:1/unset',
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
