// The company-scale data of bench:http and bench:crawl: the demo company with the seed:large company (5,054 units,
// 100,410 people) hung under its committee, this quarter's reminder tasks, and a secretary of the 300-person branch.
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/schema-engine';
import { generateCurrent } from '../../lib/reminders/mutations/generate';
import { LARGE_BIG_BRANCH, LARGE_ROOT_NAME, seedLarge } from '../../prisma/seed-large';
import { seedDemo } from '../../prisma/seed';
import { DEMO_PASSWORD, ROOT_ORG_NAME } from '../../prisma/seed-data';

/** The 300-person branch's secretary (password DEMO_PASSWORD). */
export const BIG_SECRETARY = 'bench-secretary';

export async function prepareCompany(db: Db, url: string) {
  await applyMigrations(url);
  const t0 = performance.now();
  await seedDemo(db);
  const demoRoot = await db.organization.findFirstOrThrow({ where: { name: ROOT_ORG_NAME, parentId: null } });
  if (!(await db.organization.findFirst({ where: { name: LARGE_ROOT_NAME } }))) {
    await seedLarge(url, true, demoRoot);
    await generateCurrent(db);
  }
  const big = await db.organization.findFirstOrThrow({ where: { name: LARGE_BIG_BRANCH } });
  await db.user.upsert({
    where: { username: BIG_SECRETARY },
    update: {},
    create: {
      username: BIG_SECRETARY,
      name: '压测书记',
      orgId: big.id,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      roles: { create: { role: 'SECRETARY', orgId: big.id } },
    },
  });
  // Statistics as a running database has them: autovacuum analyzes after a load, but it may be off (it is on
  // these machines), and without statistics the planner guesses (the overdue count of 督办 joined 3,547 tasks to
  // their units one by one, estimating 4 rows).
  await db.$executeRawUnsafe('ANALYZE');
  const counts = await db.$queryRaw<{ orgs: number; people: number; tasks: number }[]>`
    SELECT (SELECT count(*)::int FROM "Organization") AS orgs, (SELECT count(*)::int FROM "Person") AS people,
           (SELECT count(*)::int FROM "ReminderTask") AS tasks`;
  console.log(
    `data: ${counts[0]!.orgs} units, ${counts[0]!.people} people, ${counts[0]!.tasks} reminder tasks (ready in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
}
