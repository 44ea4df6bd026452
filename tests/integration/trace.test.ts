import { describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  appendTrace,
  appendTraceAlone,
  CHAIN_LOCK,
  verifyTraceChain,
  writeTracedAlone,
} from '../../lib/audit-log';
import { createTracePool } from '../../lib/db/trace-pool';
import { testDb } from '../fixtures/db';

const db = testDb();
const actor = { id: null, name: 'vitest', ip: '127.0.0.1', userAgent: 'vitest' };

describe('the trace (痕迹管理)', () => {
  it('links every event to the one before it, also under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.$transaction((tx) =>
          appendTrace(tx, actor, {
            action: 'test.concurrent',
            entityType: 'Test',
            entityId: String(i),
            after: { i },
          }),
        ),
      ),
    );
    const result = await verifyTraceChain(db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(10);
  });

  it('a traced read written alone (two round trips) joins the same chain among concurrent writers', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      const before = await db.auditEvent.count();
      const alone = (i: number) =>
        appendTraceAlone(() => pool.connect(), actor, {
          action: 'test.alone',
          entityType: 'Person',
          entityId: `p${i}`,
          orgPath: "0001.0002'; DROP TABLE x; --",
          after: { rows: i, filter: { q: '王 "建华"', status: null } },
        });
      const inTx = (i: number) =>
        db.$transaction((tx) =>
          appendTrace(tx, actor, { action: 'test.inTx', entityType: 'Test', after: { i } }),
        );
      const written = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 3 ? alone(i) : inTx(i))));
      expect(await db.auditEvent.count()).toBe(before + 12);
      const one = await db.auditEvent.findUniqueOrThrow({ where: { id: written[1]!.id } });
      expect(one).toMatchObject({
        action: 'test.alone',
        entityId: 'p1',
        orgPath: "0001.0002'; DROP TABLE x; --",
        after: { rows: 1, filter: { q: '王 "建华"', status: null } },
        before: null,
        keyed: true,
        hash: written[1]!.hash,
      });
      // A refused event (its action is over the column's 64 characters) leaves nothing, and the pool goes on.
      await expect(
        appendTraceAlone(() => pool.connect(), actor, { action: 'x'.repeat(65), entityType: 'Test' }),
      ).rejects.toThrow();
      expect(await db.auditEvent.count()).toBe(before + 12);
      await alone(99);
      const result = await verifyTraceChain(db);
      expect(result).toMatchObject({ ok: true });
    } finally {
      await pool.end();
    }
  });

  it('a write and its event in two round trips (writeTracedAlone) commit together, or neither does', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
    const key = `test.alone.${Date.now()}`;
    await db.setting.create({ data: { key, value: { n: 0 } } });
    const bump = (n: number) =>
      `UPDATE "Setting" SET value = ${pg.escapeLiteral(JSON.stringify({ n }))}::jsonb, "updatedAt" = now() WHERE key = ${pg.escapeLiteral(key)}`;
    const event = (n: number) => ({
      action: 'test.writeAlone',
      entityType: 'Setting',
      entityId: key,
      after: { n },
    });
    try {
      const before = await db.auditEvent.count({ where: { action: 'test.writeAlone' } });
      // Eight at once, beside writers through the ORM: each changes its row and traces it, on one chain.
      const changed = await Promise.all([
        ...Array.from({ length: 8 }, (_, i) =>
          writeTracedAlone(() => pool.connect(), bump(i + 1), actor, event(i + 1)),
        ),
        ...Array.from({ length: 4 }, (_, i) =>
          db.$transaction((tx) =>
            appendTrace(tx, actor, { action: 'test.inTx', entityType: 'Test', after: { i } }),
          ),
        ),
      ]);
      expect(changed.slice(0, 8)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
      expect(await db.auditEvent.count({ where: { action: 'test.writeAlone' } })).toBe(before + 8);
      // A statement that changes no row: nothing traced.
      const none = `UPDATE "Setting" SET value = '{}'::jsonb WHERE key = ${pg.escapeLiteral(`${key}.missing`)}`;
      expect(await writeTracedAlone(() => pool.connect(), none, actor, event(100))).toBe(0);
      // An event the table refuses (action over 64 characters): the write is rolled back with it.
      await expect(
        writeTracedAlone(() => pool.connect(), bump(200), actor, { ...event(200), action: 'x'.repeat(65) }),
      ).rejects.toThrow();
      // A statement that fails: no event.
      await expect(
        writeTracedAlone(() => pool.connect(), `UPDATE "Setting" SET nope = 1`, actor, event(300)),
      ).rejects.toThrow();
      expect(await db.auditEvent.count({ where: { action: 'test.writeAlone' } })).toBe(before + 8);
      const row = await db.setting.findUniqueOrThrow({ where: { key } });
      expect((row.value as { n: number }).n).toBeLessThanOrEqual(8);
      expect(await verifyTraceChain(db)).toMatchObject({ ok: true });
      // The pool's connections all came back (none left inside a transaction).
      expect(pool.idleCount + pool.waitingCount).toBe(pool.totalCount);
    } finally {
      await pool.end();
      await db.setting.delete({ where: { key } });
    }
  });

  it('a trace connection lost mid-write fails that write only: nothing half-written, no unheard error, the next write goes through', async () => {
    const pool = createTracePool(process.env.DATABASE_URL);
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    const written = (action: string) => db.auditEvent.count({ where: { action } });
    try {
      // Another writer holds the chain, so the write waits on the lock inside its transaction; then its
      // connection is cut, as a PostgreSQL restart or a dropped network would.
      await holder.query(`BEGIN; SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
      let pid: number | undefined;
      const connect = async () => {
        const c = await pool.connect();
        pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        return c;
      };
      const outcome = appendTraceAlone(connect, actor, { action: 'test.cut', entityType: 'Test' }).then(
        () => 'written',
        (e: Error) => e.message,
      );
      // The write's own connection, once it waits on the chain's lock. Asked from outside the holder's transaction:
      // a transaction sees pg_stat_activity as it was at its first look, so polls inside it never see a change.
      let state: { wait_event: string | null; state: string | null; query: string | null } | undefined;
      for (let i = 0; i < 200 && state?.wait_event !== 'advisory'; i += 1) {
        if (pid)
          [state] = await db.$queryRaw<NonNullable<typeof state>[]>`
            SELECT wait_event, state, left(query, 80) AS query FROM pg_stat_activity WHERE pid = ${pid}`;
        if (state?.wait_event !== 'advisory') await new Promise((r) => setTimeout(r, 50));
      }
      expect(state, `the write's connection ${pid}: ${JSON.stringify(state)}`).toMatchObject({
        wait_event: 'advisory',
      });
      await holder.query('SELECT pg_terminate_backend($1)', [pid]);
      expect(await outcome).not.toBe('written');
      await holder.query('COMMIT');
      expect(await written('test.cut')).toBe(0);
      await appendTraceAlone(() => pool.connect(), actor, { action: 'test.afterCut', entityType: 'Test' });
      expect(await written('test.afterCut')).toBe(1);
      expect((await verifyTraceChain(db)).ok).toBe(true);
    } finally {
      await holder.end();
      await pool.end();
    }
  });

  it('is written with the write or not at all', async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await appendTrace(tx, actor, { action: 'test.rollback', entityType: 'Test' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    await db.$transaction((tx) => appendTrace(tx, actor, { action: 'test.immutable', entityType: 'Test' }));
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "actorName" = 'forged'`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
  });

  it('finds tampering done around the trigger', async () => {
    const ev = await db.$transaction((tx) =>
      appendTrace(tx, actor, { action: 'test.tamper', entityType: 'Test', after: { amount: 1 } }),
    );
    // A superuser can switch the trigger off; the hash chain still gives the edit away.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete');
      await tx.$executeRaw`UPDATE "AuditEvent" SET after = '{"amount": 100}'::jsonb WHERE id = ${ev.id}`;
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete');
    });
    const result = await verifyTraceChain(db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(ev.id);
    // Put it back so other tests see an intact chain.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete');
      await tx.$executeRaw`UPDATE "AuditEvent" SET after = '{"amount": 1}'::jsonb WHERE id = ${ev.id}`;
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete');
    });
    expect((await verifyTraceChain(db)).ok).toBe(true);
  });
});
