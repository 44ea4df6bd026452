import path from 'node:path';
import { startEmbeddedDb } from './embedded-db';

export const DATA_DIR = path.resolve(process.cwd(), process.env.WUBIAO_DATA_DIR ?? '.data');

/** DATABASE_URL when set; otherwise the embedded database kept under .data/pg (on `port` when given). */
export async function resolveDatabaseUrl(port?: number): Promise<{
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const db = await startEmbeddedDb(path.join(DATA_DIR, 'pg'), port);
  return { url: db.url, embedded: true, stop: db.stop };
}

/**
 * Whether `npm start` seeds the demo: always on the embedded default (unless SEED_DEMO=false), and on a PostgreSQL
 * server only when SEED_DEMO=true is set explicitly.
 */
export const wantsDemo = (env: Record<string, string | undefined>) =>
  env.DATABASE_URL ? env.SEED_DEMO === 'true' : env.SEED_DEMO !== 'false';
