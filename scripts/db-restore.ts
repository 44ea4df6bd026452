// npm run db:restore -- DIR — restores a backup of npm run db:backup into an EMPTY target: the database in
// DATABASE_URL (a server backup) or the embedded folder .data/pg (an embedded backup; it must not exist yet), with its
// files and trace checkpoints; then compares every table's row count with the backup's. Run npm run trace:verify after.
import path from 'node:path';
import { placesFrom, restore } from './lib/backup';

const from = process.argv[2];
if (!from) {
  console.error('usage: npm run db:restore -- <backup folder>');
  process.exit(2);
}
try {
  const { manifest, differences } = await restore(
    path.resolve(from),
    placesFrom(),
    process.env.DATABASE_URL || undefined,
  );
  if (differences.length) {
    for (const d of differences) console.error(`✖ ${d}`);
    process.exit(1);
  }
  console.log(
    `✔ 已恢复 restored the backup of ${manifest.at} (${manifest.migration}); every table's rows match`,
  );
  console.log('  next: npm run trace:verify');
} catch (e) {
  console.error(`✖ 恢复失败 restore failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
