import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendTrace } from '../../lib/audit-log';
import { grantAppRole } from '../../lib/db/app-role';
import { createPrismaClient, type Db } from '../../lib/db/client';
import { testDb } from '../fixtures/db';

const db = testDb();
const ownerUrl = process.env.DATABASE_URL!;
const role = `wb_app_${process.pid}`;
let app: Db | null = null;
let supported = true;

/** The test database's URL, signed in as the app role (trust auth on loopback, as on CI). */
const asRole = () => {
  const u = new URL(ownerUrl);
  u.username = role;
  u.password = '';
  return u.toString();
};

beforeAll(async () => {
  try {
    await db.$executeRawUnsafe(`CREATE ROLE ${role} LOGIN`);
  } catch {
    // The embedded engine (PGlite) has no roles: this test is about a PostgreSQL server.
    supported = false;
    return;
  }
  await grantAppRole(ownerUrl, role);
  app = createPrismaClient(asRole());
});
afterAll(async () => {
  await app?.$disconnect();
  if (!supported) return;
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  await c.query(`DROP OWNED BY ${role}`);
  await c.query(`DROP ROLE ${role}`);
  await c.end();
});

describe('the app role on a PostgreSQL server', () => {
  it('appends to and reads the trace, and does its other work', async ({ skip }) => {
    if (!supported) skip();
    const actor = { id: null, name: 'app-role', ip: null, userAgent: null };
    const ev = await app!.$transaction((tx) =>
      appendTrace(tx, actor, { action: 'test.appRole', entityType: 'Test' }),
    );
    expect((await app!.auditEvent.findUniqueOrThrow({ where: { id: ev.id } })).action).toBe('test.appRole');
    await app!.setting.upsert({
      where: { key: 'test.appRole' },
      create: { key: 'test.appRole', value: { ok: true } },
      update: { value: { ok: true } },
    });
  });

  it('cannot switch the append-only trigger off, nor change or empty the trace', async ({ skip }) => {
    if (!supported) skip();
    await expect(
      app!.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete'),
    ).rejects.toThrow(/owner|permission denied/);
    await expect(app!.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorName" = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(app!.$executeRawUnsafe('DELETE FROM "AuditEvent"')).rejects.toThrow(/permission denied/);
    await expect(app!.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/permission denied/);
    await expect(app!.$executeRawUnsafe('DELETE FROM "SecurityEvent"')).rejects.toThrow(/permission denied/);
    await expect(app!.$executeRawUnsafe('DROP TABLE "AuditEvent"')).rejects.toThrow(
      /owner|permission denied/,
    );
  });
});
