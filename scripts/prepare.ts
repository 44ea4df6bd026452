// The database preparation of `npm start` (migrations, then the demo or the first administrator), run as a child of
// the start process: the migration engine (WASM) and the seeding's objects leave with it instead of staying in the
// process that keeps the embedded database for the portal's whole life (bench:embedded).
import { prepareDatabase } from './lib/prepare-db';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('scripts/prepare.ts needs DATABASE_URL');
try {
  await prepareDatabase(url, {
    seed: process.env.PREPARE_SEED === '1',
    bootstrap: process.env.PREPARE_BOOTSTRAP === '1',
  });
  // At once: the migration engine's idle connections would keep the process (and npm start) waiting 10 s.
  process.exit(0);
} catch (e) {
  console.error('✖ 数据库准备失败 preparing the database failed:', e instanceof Error ? e.message : e);
  process.exit(1);
}
