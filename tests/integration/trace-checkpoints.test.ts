import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendTrace } from '../../lib/audit-log';
import { folderCheckpoints, verifyTrace, type CheckpointStore } from '../../lib/trace/checkpoints';
import { watchTrace } from '../../lib/trace/watch';
import { testDb } from '../fixtures/db';
import { makeTree, makeUser } from '../fixtures/factories';

const db = testDb();
const actor = { id: null, name: 'vitest', ip: '127.0.0.1', userAgent: 'vitest' };
let dir: string;
let store: CheckpointStore;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'wb-checkpoints-'));
  store = folderCheckpoints(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const write = (n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.$transaction((tx) =>
        appendTrace(tx, actor, { action: 'test.checkpoint', entityType: 'Test', after: { i } }),
      ),
    ),
  );

/** Runs `change` with the append-only trigger off, as a superuser could; `undo` puts the trace back. */
async function tamper(change: string, undo: string, check: () => Promise<void>) {
  const around = async (sql: string) =>
    db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete');
      await tx.$executeRawUnsafe(sql);
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete');
    });
  await db.$executeRawUnsafe('DROP TABLE IF EXISTS wb_saved_events');
  await db.$executeRawUnsafe('CREATE TABLE wb_saved_events AS SELECT * FROM "AuditEvent" WHERE false');
  await around(change);
  try {
    await check();
  } finally {
    await around(undo);
    await db.$executeRawUnsafe('DROP TABLE IF EXISTS wb_saved_events');
  }
  expect((await verifyTrace(db, store)).ok).toBe(true);
}
const lastIds = async (n: number) =>
  (await db.auditEvent.findMany({ orderBy: { id: 'desc' }, take: n, select: { id: true } })).map((e) => e.id);

describe('a trace no one can quietly rewrite', () => {
  it('is written keyed, and a checkpoint of it is signed outside the database', async () => {
    await write(5);
    const ev = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(ev.keyed).toBe(true);
    const r = await watchTrace(db, store);
    expect(r.ok).toBe(true);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const c = JSON.parse(await readFile(path.join(dir, files[0]!), 'utf8'));
    expect(c).toMatchObject({ headId: String(ev.id), headHash: ev.hash, count: await db.auditEvent.count() });
    expect(c.sig).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names an edited event', async () => {
    await write(3);
    const [, id] = await lastIds(2);
    await tamper(
      `INSERT INTO wb_saved_events SELECT * FROM "AuditEvent" WHERE id = ${id};
       UPDATE "AuditEvent" SET "actorName" = 'forged' WHERE id = ${id}`,
      `UPDATE "AuditEvent" e SET "actorName" = s."actorName" FROM wb_saved_events s WHERE e.id = s.id`,
      async () => {
        const r = await verifyTrace(db, store);
        expect(r.problems).toContainEqual({ kind: 'chain', id, reason: 'edited' });
      },
    );
  });

  it('names where an event was deleted, and where one was inserted', async () => {
    await write(3);
    const [last, middle] = await lastIds(2);
    await tamper(
      `INSERT INTO wb_saved_events SELECT * FROM "AuditEvent" WHERE id = ${middle};
       DELETE FROM "AuditEvent" WHERE id = ${middle}`,
      `INSERT INTO "AuditEvent" SELECT * FROM wb_saved_events`,
      async () => {
        const r = await verifyTrace(db, store);
        expect(r.problems).toContainEqual({ kind: 'chain', id: last, reason: 'link' });
      },
    );
    // An event inserted at the end with a plain hash (no key at hand): refused as unkeyed, named.
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const fake = head.id + 1000n;
    await tamper(
      `INSERT INTO "AuditEvent" (id, at, action, "entityType", "prevHash", hash, keyed)
       VALUES (${fake}, now(), 'forged', 'Test', '${head.hash}', '${'f'.repeat(64)}', false)`,
      `DELETE FROM "AuditEvent" WHERE id = ${fake}`,
      async () => {
        const r = await verifyTrace(db, store);
        expect(r.problems).toContainEqual({ kind: 'chain', id: fake, reason: 'unkeyed' });
      },
    );
  });

  it('names the head a checkpoint saw when the end of the trace is cut off, and tells the 审计管理员', async () => {
    await write(2);
    const r0 = await watchTrace(db, store);
    expect(r0.ok).toBe(true);
    const [head, before] = await lastIds(2);
    const tree = await makeTree(db);
    const auditor = await makeUser(db, 'AUDIT_ADMIN', tree.root);
    const files = (await readdir(dir)).length;
    await tamper(
      `INSERT INTO wb_saved_events SELECT * FROM "AuditEvent" WHERE id IN (${head}, ${before});
       DELETE FROM "AuditEvent" WHERE id IN (${head}, ${before})`,
      `INSERT INTO "AuditEvent" SELECT * FROM wb_saved_events`,
      async () => {
        const r = await verifyTrace(db, store);
        // The shorter chain is still a chain: only the checkpoint gives it away.
        expect(r.problems.some((p) => p.kind === 'chain')).toBe(false);
        expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'truncated', id: head }));
        const w = await watchTrace(db, store);
        expect(w.ok).toBe(false);
        const n = await db.notification.findFirstOrThrow({ where: { userId: auditor.id, kind: 'SECURITY' } });
        expect(JSON.stringify(n.params)).toContain(String(head));
        // Nothing signed for a broken trace.
        expect((await readdir(dir)).length).toBe(files);
      },
    );
  });

  it('refuses a checkpoint changed or made without the key', async () => {
    const [name] = (await readdir(dir)).sort();
    const c = JSON.parse(await readFile(path.join(dir, name!), 'utf8'));
    const forged = path.join(dir, '2099-01-01T00-00-00.000Z-1.json');
    await writeFile(forged, JSON.stringify({ ...c, count: c.count - 1, at: '2099-01-01T00:00:00.000Z' }));
    try {
      const r = await verifyTrace(db, store);
      expect(r.problems).toContainEqual({ kind: 'checkpoint-forged', checkpoint: path.basename(forged) });
    } finally {
      await rm(forged);
    }
  });

  it('npm run trace:verify exits non-zero naming the event, and 0 on an intact trace', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, TRACE_CHECKPOINT_DIR: dir };
    const script = path.resolve('scripts/trace-verify.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const ok = await run(tsx, [script], { env });
    expect(ok.stdout).toContain('the trace holds');
    const [, id] = await lastIds(2);
    await tamper(
      `INSERT INTO wb_saved_events SELECT * FROM "AuditEvent" WHERE id = ${id};
       UPDATE "AuditEvent" SET after = '{"amount": 100}'::jsonb WHERE id = ${id}`,
      `UPDATE "AuditEvent" e SET after = s.after FROM wb_saved_events s WHERE e.id = s.id`,
      async () => {
        const failed = await run(tsx, [script], { env }).then(
          () => null,
          (e: { code: number; stderr: string }) => e,
        );
        expect(failed?.code).toBe(1);
        expect(failed?.stderr).toContain(`event ${id}`);
      },
    );
  });
});
