import { applyMigrations } from '../../lib/db/schema-engine';
import { createPrismaClient } from '../../lib/db/client';
import { refreshStatistics } from '../../lib/db/statistics';

/**
 * Migrates the database; then, when it holds no organization yet, seeds the demo company (`demo`), or, when it holds
 * no account (`bootstrap`, a production start), makes the one system administrator with a one-time password; last,
 * analyzes it where no autovacuum does (lib/db/statistics.ts).
 */
export async function prepareDatabase(
  url: string,
  opts: { seed: boolean; bootstrap?: boolean },
): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`▶ 已执行数据库迁移 migrations applied: ${applied.join(', ')}`);
  const db = createPrismaClient(url);
  try {
    if (opts.seed) {
      if ((await db.organization.count()) === 0) {
        console.log('▶ 数据库为空，正在写入演示数据 seeding the demo company…');
        const { seedDemo } = await import('../../prisma/seed');
        await seedDemo(db);
      }
    } else if (opts.bootstrap) {
      const { bootstrapAdmin } = await import('../../lib/bootstrap');
      await bootstrapAdmin(db, { committeeName: process.env.COMPANY_COMMITTEE_NAME });
    }
    // Statistics before the first request where no autovacuum keeps them (the embedded default).
    await refreshStatistics(db);
  } finally {
    await db.$disconnect();
  }
}
