import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendTrace } from '../../lib/audit-log';
import { folderCheckpoints, writeCheckpoint } from '../../lib/trace/checkpoints';
import { backup, restore, tableCounts } from '../../scripts/lib/backup';
import { freshDatabase, type TestDb } from '../../scripts/lib/test-db';
import { testDb } from '../fixtures/db';

const db = testDb();
const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
let tmp: string;
let onServer = true;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'wb-backup-'));
  const [{ version }] = await db.$queryRaw<{ version: string }[]>`SELECT version()`;
  // The embedded engine (PGlite, compiled with emscripten) has no pg_dump: the server part needs a server.
  onServer = !/emscripten|wasm/i.test(version);
  // And pg_dump / pg_restore on this machine (Debian: postgresql-client).
  if (onServer)
    onServer = await run('pg_dump', ['--version']).then(
      () => true,
      () => false,
    );
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('npm run db:backup and db:restore on a PostgreSQL server', () => {
  let target: TestDb | null = null;
  afterAll(async () => {
    await target?.drop();
  });

  it('restore a backup into a fresh database: every table, the files and checkpoints, and a trace that verifies', async ({
    skip,
  }) => {
    if (!onServer) skip();
    const src = { files: path.join(tmp, 'src-files'), checkpoints: path.join(tmp, 'src-cp') };
    const dst = { files: path.join(tmp, 'dst-files'), checkpoints: path.join(tmp, 'dst-cp') };
    await mkdir(path.join(src.files, 'ab'), { recursive: true });
    await writeFile(path.join(src.files, 'ab', 'ab'.padEnd(64, '0')), '支委会会议记录扫描件');
    await db.$transaction((tx) =>
      appendTrace(
        tx,
        { id: null, name: 'vitest', ip: null, userAgent: null },
        { action: 'test.backup', entityType: 'Test' },
      ),
    );
    await writeCheckpoint(db, folderCheckpoints(src.checkpoints));
    const out = path.join(tmp, 'backup');
    const env = { ...process.env, FILES_DIR: src.files, TRACE_CHECKPOINT_DIR: src.checkpoints };
    const b = await run(tsx, ['scripts/db-backup.ts', out], { env });
    expect(b.stdout).toContain('backup written');
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.counts.AuditEvent).toBeGreaterThan(0);

    target = await freshDatabase('restore');
    const renv = {
      ...process.env,
      DATABASE_URL: target.url,
      FILES_DIR: dst.files,
      TRACE_CHECKPOINT_DIR: dst.checkpoints,
    };
    const r = await run(tsx, ['scripts/db-restore.ts', out], { env: renv });
    expect(r.stdout).toContain('every table');
    expect((await tableCounts(target.url)).counts).toEqual(manifest.counts);
    expect(await readFile(path.join(dst.files, 'ab', 'ab'.padEnd(64, '0')), 'utf8')).toBe(
      '支委会会议记录扫描件',
    );
    // The restored trace verifies against the restored checkpoints (same TRACE_KEY).
    const v = await run(tsx, ['scripts/trace-verify.ts'], { env: renv });
    expect(v.stdout).toContain('the trace holds');
    expect(v.stdout).toMatch(/[1-9]\d* checkpoints/);

    // Never over a database that holds something.
    const again = await run(tsx, ['scripts/db-restore.ts', out], { env: renv }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(again?.code).toBe(1);
    expect(again?.stderr).toContain('not empty');
  }, 180_000);
});

describe('the embedded database', () => {
  it('is backed up as its data folder and restored into a new one, row for row', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const src = {
      dataDir: path.join(tmp, 'emb-src'),
      filesDir: path.join(tmp, 'emb-f'),
      checkpointsDir: path.join(tmp, 'emb-c'),
    };
    await mkdir(path.join(src.dataDir, 'pg'), { recursive: true });
    const pgl = await PGlite.create({ dataDir: path.join(src.dataDir, 'pg') });
    await pgl.exec(`CREATE TABLE "Ledger" (id int primary key, name text);
      INSERT INTO "Ledger" SELECT g, '党费收缴台账' || g FROM generate_series(1, 120) g;`);
    await pgl.close();
    const out = path.join(tmp, 'emb-backup');
    const m = await backup(out, src);
    expect(m).toMatchObject({ kind: 'embedded', counts: { Ledger: 120 } });
    const dst = {
      dataDir: path.join(tmp, 'emb-dst'),
      filesDir: path.join(tmp, 'emb-f2'),
      checkpointsDir: path.join(tmp, 'emb-c2'),
    };
    const r = await restore(out, dst);
    expect(r.differences).toEqual([]);
    await expect(restore(out, dst)).rejects.toThrow('not empty');
  }, 120_000);
});
