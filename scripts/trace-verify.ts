// npm run trace:verify [-- --checkpoint] — checks the trace (痕迹) of DATABASE_URL (or the embedded database): the
// keyed hash chain and every signed checkpoint outside the database. Prints each problem, naming the event, and exits
// 1 if there is any. With --checkpoint, writes a new signed checkpoint when (and only when) everything holds.
import { createPrismaClient } from '../lib/db/client';
import { describeProblem, verifyTrace, writeCheckpoint } from '../lib/trace/checkpoints';
import { resolveDatabaseUrl } from './lib/database-url';

const { url, stop } = await resolveDatabaseUrl();
const db = createPrismaClient(url);
let code = 0;
try {
  const report = await verifyTrace(db);
  console.log(`trace: ${report.checked} events checked, ${report.checkpoints} checkpoints`);
  if (report.checkpoints === 0)
    console.log('note: no checkpoint yet — events cut off the end could not be told (run with --checkpoint)');
  for (const p of report.problems) console.error(`✖ ${describeProblem(p)}`);
  if (!report.ok) code = 1;
  else {
    console.log('✔ the trace holds');
    if (process.argv.includes('--checkpoint')) {
      const c = await writeCheckpoint(db);
      console.log(`checkpoint written: head ${c.headId}, ${c.count} events, ${c.at}`);
    }
  }
} finally {
  await db.$disconnect();
  await stop();
}
process.exit(code);
