// A PostgreSQL instance of a test's own (Debian's initdb and pg_ctl) on a free loopback port, in a temporary folder,
// so the test may stop and start it under load without touching the machine's server. As root, PostgreSQL runs as
// the `postgres` system user (it refuses to run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './embedded-db';

const BIN_DIRS = [
  process.env.PG_BIN_DIR,
  '/usr/local/bin',
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
].filter((d): d is string => !!d);

export function pgBin(name: 'initdb' | 'pg_ctl'): string | null {
  return BIN_DIRS.map((d) => path.join(d, name)).find((p) => existsSync(p)) ?? null;
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
  const initdb = pgBin('initdb');
  const pgCtl = pgBin('pg_ctl');
  if (!initdb || !pgCtl)
    throw new Error(
      'initdb/pg_ctl not found: install PostgreSQL (apt-get install -y postgresql) or set PG_BIN_DIR',
    );
  const dir = await mkdtemp(path.join(tmpdir(), 'wubiao-pg-'));
  const data = path.join(dir, 'data');
  const root = process.getuid?.() === 0;
  let uid = 0;
  let gid = 0;
  if (root) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    uid = id('-u');
    gid = id('-g');
    await chown(dir, uid, gid);
  }
  // As the postgres user when we are root; the environment's locale does not matter (C, UTF-8).
  const as = (bin: string, args: string[]) => {
    const r = root
      ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
      : spawnSync(bin, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${path.basename(bin)} ${args[0]} failed: ${r.stderr || r.stdout}`);
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
}
