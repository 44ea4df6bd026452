import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attemptLogin } from '../../lib/auth/login';
import { createPrismaClient, type Db } from '../../lib/db/client';
import { isDemoDatabase } from '../../lib/demo';
import { wantsDemo } from '../../scripts/lib/database-url';
import { prepareDatabase } from '../../scripts/lib/prepare-db';
import { freshDatabase, type TestDb } from '../../scripts/lib/test-db';

// A database of its own: the production start acts only on an empty one.
let scratch: TestDb;
let db: Db;
beforeAll(async () => {
  scratch = await freshDatabase('boot');
  db = createPrismaClient(scratch.url);
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

/** The console lines `run` prints. */
async function printedBy(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    await run();
  } finally {
    log.mockRestore();
  }
  return lines;
}

describe('a production start on an empty PostgreSQL', () => {
  it('seeds the demo only on the embedded default or with SEED_DEMO=true', () => {
    expect(wantsDemo({})).toBe(true);
    expect(wantsDemo({ SEED_DEMO: 'false' })).toBe(false);
    expect(wantsDemo({ DATABASE_URL: 'postgresql://x/y' })).toBe(false);
    expect(wantsDemo({ DATABASE_URL: 'postgresql://x/y', SEED_DEMO: 'true' })).toBe(true);
  });

  it('makes one administrator with a one-time password printed once, to be changed; no demo, no known password', async () => {
    const lines = await printedBy(() => prepareDatabase(scratch.url, { seed: false, bootstrap: true }));
    const printed = lines
      .find((l) => l.includes('one-time password'))
      ?.split(': ')
      .at(-1)
      ?.trim();
    expect(printed).toMatch(/^\S{16}$/);
    const users = await db.user.findMany({ include: { roles: true } });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: 'admin', mustChangePassword: true });
    expect(users[0]!.roles.map((r) => r.role)).toEqual(['ADMIN']);
    const { passwordHash } = await db.user.findUniqueOrThrow({
      where: { id: users[0]!.id },
      select: { passwordHash: true },
    });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(printed!);
    expect(await db.organization.count()).toBe(1);
    expect(await isDemoDatabase(db, 0)).toBe(false);

    expect((await attemptLogin(db, { username: 'admin', password: 'Wubiao@2026' })).ok).toBe(false);
    expect((await attemptLogin(db, { username: 'admin', password: printed! })).ok).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'system.bootstrapAdmin' } })).toBe(1);

    // A second start changes nothing and prints no password.
    const again = await printedBy(() => prepareDatabase(scratch.url, { seed: false, bootstrap: true }));
    expect(again.some((l) => l.includes('password'))).toBe(false);
    expect(await db.user.count()).toBe(1);
  }, 120_000);

  it('the first administrator is asked to set up a second factor, and appoints the first 安全管理员 once', async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' }, include: { roles: true } });
    const root = await db.organization.findFirstOrThrow();
    const subject = {
      id: admin.id,
      grants: admin.roles.map((r) => ({ role: r.role, orgId: r.orgId, orgPath: root.path })),
    };
    const ctx = { user: subject, actor: { id: admin.id, name: admin.name, ip: null, userAgent: null } };
    const { createUser, assignRole, setUserActive, resetPassword } =
      await import('../../lib/users/mutations');
    const make = (username: string) =>
      createUser(db, ctx, { username, name: '安全员', orgId: root.id, password: 'Init#2026x' });
    const first = await make('secfirst');
    const second = await make('secsecond');
    await assignRole(db, ctx, { userId: first.id, role: 'SECURITY_ADMIN', orgId: root.id });
    await expect(
      assignRole(db, ctx, { userId: second.id, role: 'SECURITY_ADMIN', orgId: root.id }),
    ).rejects.toThrow('errors.forbidden');
    // The accounts that oversee the 系统管理员 are not theirs to disable or reset.
    await expect(setUserActive(db, ctx, { id: first.id, active: false })).rejects.toThrow('errors.forbidden');
    await expect(resetPassword(db, ctx, { id: first.id, password: 'Other#2026x' })).rejects.toThrow(
      'errors.forbidden',
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).active).toBe(true);
  }, 60_000);
});
