// A PostgreSQL instance of a test's own (Debian's initdb and pg_ctl) on a free loopback port, in a temporary folder,
// so the test may stop and start it under load without touching the machine's server. As root, PostgreSQL runs as
// the `postgres` system user (it refuses to run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './embedded-db';

/** Folders with PostgreSQL's server programs: PG_BIN_DIR, /usr/local/bin, then Debian's, newest version first. */
function binDirs(): string[] {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  return [process.env.PG_BIN_DIR, '/usr/local/bin', ...debian].filter((d): d is string => !!d);
}

/** The folder holding both initdb and pg_ctl, or null. */
export function pgBinDir(): string | null {
  return (
    binDirs().find((d) => existsSync(path.join(d, 'initdb')) && existsSync(path.join(d, 'pg_ctl'))) ?? null
  );
}

/** A client program (pg_dump, pg_restore, psql) of the same version as the server when it sits beside it. */
export function pgClient(name: 'pg_dump' | 'pg_restore' | 'psql'): string {
  const dir = pgBinDir();
  return dir && existsSync(path.join(dir, name)) ? path.join(dir, name) : name;
}

export type PrivatePostgres = {
  url: string;
  port: number;
  /** An immediate shutdown (as a crash: no checkpoint, WAL replayed at the next start), then nothing listens until start(). */
  stop: () => void;
  start: () => void;
  destroy: () => Promise<void>;
};

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = pgBinDir();
  if (!bin)
    throw new Error(
      'initdb/pg_ctl not found: install PostgreSQL (apt-get install -y postgresql) or set PG_BIN_DIR',
    );
  const initdb = path.join(bin, 'initdb');
  const pgCtl = path.join(bin, 'pg_ctl');
  const dir = await mkdtemp(path.join(tmpdir(), 'wubiao-pg-'));
  try {
    const data = path.join(dir, 'data');
    const root = process.getuid?.() === 0;
    if (root) {
      const id = (flag: string) =>
        Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      await chown(dir, id('-u'), id('-g'));
    }
    // As the postgres user when we are root; the environment's locale does not matter (C, UTF-8).
    const as = (program: string, args: string[]) => {
      const r = root
        ? spawnSync('runuser', ['-u', 'postgres', '--', program, ...args], { encoding: 'utf8' })
        : spawnSync(program, args, { encoding: 'utf8' });
      if (r.status !== 0)
        throw new Error(`${path.basename(program)} ${args[0]} failed: ${r.stderr || r.stdout || r.error}`);
    };
    as(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=on`;
    const log = path.join(dir, 'server.log');
    const start = () => as(pgCtl, ['start', '-D', data, '-w', '-t', '60', '-l', log, '-o', opts]);
    const stop = () => as(pgCtl, ['stop', '-D', data, '-w', '-t', '60', '-m', 'immediate']);
    start();
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      stop,
      start,
      destroy: async () => {
        try {
          stop();
        } catch {
          // already stopped
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
