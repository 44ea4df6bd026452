import path from 'node:path';
import { DATA_DIR } from './database-url';
import { startEmbeddedDb } from './embedded-db';

/** DATABASE_URL, else an embedded database of its own under .data/<name> (the demo data stays clean). */
export async function benchDatabase(
  name = 'pg-bench',
): Promise<{ url: string; stop: () => Promise<void>; where: string }> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, stop: async () => {}, where: 'DATABASE_URL' };
  const dir = path.join(DATA_DIR, name);
  const db = await startEmbeddedDb(dir);
  return { ...db, where: `embedded ${path.relative(process.cwd(), dir)}` };
}
