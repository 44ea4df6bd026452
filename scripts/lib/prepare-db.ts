import { applyMigrations } from '../../lib/db/schema-engine';
import { createPrismaClient } from '../../lib/db/client';

/**
 * Migrates the database; then, when it holds no organization yet, seeds the demo company (`demo`), or, when it holds
 * no account (`bootstrap`, a production start), makes the one system administrator with a one-time password.
 */
export async function prepareDatabase(
  url: string,
  opts: { seed: boolean; bootstrap?: boolean },
): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`▶ 已执行数据库迁移 migrations applied: ${applied.join(', ')}`);
  if (!opts.seed && !opts.bootstrap) return;
  const db = createPrismaClient(url);
  try {
    if (opts.seed) {
      if ((await db.organization.count()) > 0) return;
      console.log('▶ 数据库为空，正在写入演示数据 seeding the demo company…');
      const { seedDemo } = await import('../../prisma/seed');
      await seedDemo(db);
      return;
    }
    const { bootstrapAdmin } = await import('../../lib/bootstrap');
    await bootstrapAdmin(db, { committeeName: process.env.COMPANY_COMMITTEE_NAME });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Whether `npm start` seeds the demo: always on the embedded default (unless SEED_DEMO=false), and on a PostgreSQL
 * server only when SEED_DEMO=true is set explicitly.
 */
export const wantsDemo = (env: Record<string, string | undefined>) =>
  env.DATABASE_URL ? env.SEED_DEMO === 'true' : env.SEED_DEMO !== 'false';
