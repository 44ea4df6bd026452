import { applyMigrations } from '../../lib/db/schema-engine';
import { createPrismaClient } from '../../lib/db/client';

/** Migrates the database and, when it holds no organization yet, seeds the demo company. */
export async function prepareDatabase(url: string, opts: { seed: boolean }): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`▶ 已执行数据库迁移 migrations applied: ${applied.join(', ')}`);
  if (!opts.seed) return;
  const db = createPrismaClient(url);
  try {
    if ((await db.organization.count()) > 0) return;
    console.log('▶ 数据库为空，正在写入演示数据 seeding the demo company…');
    const { seedDemo } = await import('../../prisma/seed');
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}
