/**
 * Backup and restore (issue 16.14) of everything the portal keeps: the database, the uploaded files and the trace's
 * signed checkpoints. A backup is one folder:
 *   manifest.json       – when, which kind, the latest migration, row counts of every table, file counts
 *   db.dump             – a PostgreSQL server's database (pg_dump, custom format), or
 *   pg.tar.gz           – the embedded database's data folder (PGlite dumpDataDir; the portal must be stopped)
 *   files/              – FILES_DIR (when files are on local disk; an S3 bucket is backed up by its own versioning)
 *   trace-checkpoints/  – the signed checkpoints (TRACE_CHECKPOINT_DIR)
 * The keys (.data/auth-secret, factor-key, trace-key) are NOT in it: keep them apart (a backup that carried them
 * would let whoever holds it re-sign the trace). Restoring needs the same TRACE_KEY and FACTOR_KEY.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type Places = { dataDir: string; filesDir: string; checkpointsDir: string };
export type Manifest = {
  v: 1;
  at: string;
  kind: 'server' | 'embedded';
  migration: string | null;
  counts: Record<string, number>;
  files: number;
  checkpoints: number;
};

export function placesFrom(env = process.env): Places {
  const dataDir = path.resolve(env.WUBIAO_DATA_DIR ?? '.data');
  return {
    dataDir,
    filesDir: path.resolve(env.FILES_DIR ?? path.join(dataDir, 'files')),
    checkpointsDir: path.resolve(env.TRACE_CHECKPOINT_DIR ?? path.join(dataDir, 'trace-checkpoints')),
  };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function countFiles(dir: string): Promise<number> {
  if (!(await exists(dir))) return 0;
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += 1;
  return n;
}

/** Row counts of every table of the public schema, and the latest applied migration. */
export async function tableCounts(
  url: string,
): Promise<{ counts: Record<string, number>; migration: string | null }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { t } of rows)
      counts[t] = Number(
        (await c.query(`SELECT count(*)::int AS n FROM "${t.replace(/"/g, '""')}"`)).rows[0].n,
      );
    const m = counts._prisma_migrations
      ? ((
          await c.query<{ name: string }>(
            'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1',
          )
        ).rows[0]?.name ?? null)
      : null;
    return { counts, migration: m };
  } finally {
    await c.end();
  }
}

/** Writes a backup into `out` (created; must not exist yet). `url`: a server's database; without it, the embedded one. */
/**
 * pg_dump / pg_restore arguments for a URL, with its password moved to PGPASSWORD (never on a command line, where
 * the process list would show it).
 */
function pgTool(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

export async function backup(out: string, places: Places, url?: string): Promise<Manifest> {
  if (await exists(out)) throw new Error(`${out} exists already: a backup never overwrites another`);
  // Every member's personal data is in it: readable by the owner only.
  process.umask(0o077);
  await mkdir(out, { recursive: true, mode: 0o700 });
  let counts: Record<string, number>;
  let migration: string | null;
  if (url) {
    const tool = pgTool(url);
    await run(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-acl', `--file=${path.join(out, 'db.dump')}`, tool.url],
      { env: tool.env },
    );
    ({ counts, migration } = await tableCounts(url));
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const source = path.join(places.dataDir, 'pg');
    if (!(await exists(source))) throw new Error(`no embedded database at ${source}`);
    // Opening the folder fails while `npm start` holds it: stop the portal first.
    const db = await PGlite.create({ dataDir: source, extensions: { pg_trgm } });
    try {
      const dump = await db.dumpDataDir('gzip');
      await writeFile(path.join(out, 'pg.tar.gz'), Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
    const { startEmbeddedDb } = await import('./embedded-db');
    const served = await startEmbeddedDb(source);
    try {
      ({ counts, migration } = await tableCounts(served.url));
    } finally {
      await served.stop();
    }
  }
  if (await exists(places.filesDir)) await cp(places.filesDir, path.join(out, 'files'), { recursive: true });
  if (await exists(places.checkpointsDir))
    await cp(places.checkpointsDir, path.join(out, 'trace-checkpoints'), { recursive: true });
  const manifest: Manifest = {
    v: 1,
    at: new Date().toISOString(),
    kind: url ? 'server' : 'embedded',
    migration,
    counts,
    files: await countFiles(path.join(out, 'files')),
    checkpoints: await countFiles(path.join(out, 'trace-checkpoints')),
  };
  await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

async function isEmptyDatabase(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    return rows[0].n === 0;
  } finally {
    await c.end();
  }
}

/**
 * Restores a backup into an EMPTY target: a server database (`url`), or the embedded folder (which must not exist).
 * Then checks every table's row count against the manifest; returns the differences (none when whole).
 */
export async function restore(
  from: string,
  places: Places,
  url?: string,
): Promise<{ manifest: Manifest; differences: string[] }> {
  const manifest = JSON.parse(await readFile(path.join(from, 'manifest.json'), 'utf8')) as Manifest;
  let target: string;
  let stop = async () => {};
  if (manifest.kind === 'server') {
    if (!url) throw new Error('this backup is of a PostgreSQL server: set DATABASE_URL to an empty database');
    if (!(await isEmptyDatabase(url)))
      throw new Error('the target database is not empty: restore only into a new one');
    const tool = pgTool(url);
    await run(
      'pg_restore',
      ['--no-owner', '--no-acl', '--exit-on-error', `--dbname=${tool.url}`, path.join(from, 'db.dump')],
      { env: tool.env },
    );
    target = url;
  } else {
    if (url) throw new Error('this backup is of the embedded database: unset DATABASE_URL to restore it');
    const dir = path.join(places.dataDir, 'pg');
    if ((await exists(dir)) && (await readdir(dir)).length)
      throw new Error(`${dir} is not empty: move it away first (a restore never overwrites a database)`);
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    await mkdir(dir, { recursive: true });
    const blob = new Blob([await readFile(path.join(from, 'pg.tar.gz'))]);
    const db = await PGlite.create({ dataDir: dir, loadDataDir: blob, extensions: { pg_trgm } });
    await db.close();
    const { startEmbeddedDb } = await import('./embedded-db');
    const served = await startEmbeddedDb(dir);
    target = served.url;
    stop = served.stop;
  }
  try {
    if (await exists(path.join(from, 'files')))
      await cp(path.join(from, 'files'), places.filesDir, { recursive: true });
    if (await exists(path.join(from, 'trace-checkpoints')))
      await cp(path.join(from, 'trace-checkpoints'), places.checkpointsDir, { recursive: true });
    const { counts } = await tableCounts(target);
    const differences = Object.entries(manifest.counts)
      .filter(([t, n]) => counts[t] !== n)
      .map(([t, n]) => `${t}: ${n} in the backup, ${counts[t] ?? 'no table'} restored`);
    return { manifest, differences };
  } finally {
    await stop();
  }
}

/** Removes a folder (tests). */
export const removeBackup = (dir: string) => rm(dir, { recursive: true, force: true });
