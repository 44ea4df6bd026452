// npm run db:backup [-- DIR] — the database (pg_dump on a server, the data folder of the embedded one: stop the
// portal first), uploaded files and the trace's checkpoints, into DIR (default .data/backups/<time>). See
// scripts/lib/backup.ts; the keys are not included — keep them apart.
import path from 'node:path';
import { backup, placesFrom } from './lib/backup';

const places = placesFrom();
const out = path.resolve(
  process.argv[2] ?? path.join(places.dataDir, 'backups', new Date().toISOString().replace(/[:.]/g, '-')),
);
try {
  const m = await backup(out, places, process.env.DATABASE_URL || undefined);
  const rows = Object.values(m.counts).reduce((s, n) => s + n, 0);
  console.log(`✔ 已备份 backup written: ${out}`);
  console.log(`  ${m.kind} database at ${m.migration}: ${Object.keys(m.counts).length} tables, ${rows} rows`);
  console.log(`  ${m.files} files, ${m.checkpoints} trace checkpoints`);
} catch (e) {
  console.error(`✖ 备份失败 backup failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
