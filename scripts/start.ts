// npm start — the portal at http://localhost:$PORT (3000). See README "Two commands".
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { grantAppRole, userOf } from '../lib/db/app-role';
import { appEnv, appServer, buildIfNeeded } from './lib/build';
// Only light modules here: this process keeps the embedded database for as long as the portal runs, and what it
// imports stays in its memory (the ORM behind prepare-db took 24 MB; preparing runs in a child). scripts/start.mjs runs this file.
import { DATA_DIR, resolveDatabaseUrl, wantsDemo } from './lib/database-url';

async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, 'auth-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(DATA_DIR, { recursive: true });
    const secret = randomBytes(32).toString('base64');
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    return secret;
  }
}

/** scripts/prepare.ts as a child (async spawn: this process serves the embedded database meanwhile). */
async function prepareInChild(url: string, demo: boolean) {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/prepare.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: url,
      PREPARE_SEED: demo ? '1' : '0',
      PREPARE_BOOTSTRAP: demo ? '0' : '1',
    },
  });
  current = child;
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  current = null;
  if (code !== 0) throw new Error(`preparing the database failed (exit ${code})`);
}

const port = process.env.PORT ?? '3000';
console.log(
  process.env.DATABASE_URL
    ? '▶ 使用 DATABASE_URL 指定的 PostgreSQL using the PostgreSQL server in DATABASE_URL'
    : `▶ 使用内置数据库 using the embedded PostgreSQL (${path.relative(process.cwd(), path.join(DATA_DIR, 'pg')) || DATA_DIR})`,
);
let database = await resolveDatabaseUrl();
const stopDb = async () => {
  await database.stop().catch((e) => console.error('embedded database stop failed', e));
};
// From here a signal stops whatever runs now: the child is asked to stop and the step awaiting it ends the start
// (the database stopped after it); between children the start ends at once.
let current: ChildProcess | null = null;
let stopping = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
  else void stopDb().then(() => process.exit(130));
};
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

try {
  const demo = wantsDemo(process.env);
  // With MIGRATION_DATABASE_URL, migrations, the demo and the first administrator run as the owner, and the app
  // connects as DATABASE_URL's role, granted only what it needs (INSERT/SELECT on the trace: lib/db/app-role.ts).
  const owner = process.env.MIGRATION_DATABASE_URL;
  await prepareInChild(owner ?? database.url, demo);
  if (stopping) throw new Error('stopped');
  if (database.embedded) {
    // Migrating and seeding grew PGlite's WASM memory, which never shrinks: the portal gets it started afresh on
    // the same port (bench:embedded: the process keeping it went from about 475 to 270 MB).
    const port = Number(new URL(database.url).port);
    await database.stop();
    database = await resolveDatabaseUrl(port);
  }
  if (owner && userOf(owner) !== userOf(database.url)) {
    const role = userOf(database.url);
    await grantAppRole(owner, role);
    console.log(`▶ 应用以数据库角色 ${role} 连接 the app connects as ${role}`);
  }
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: await authSecret(),
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  await buildIfNeeded(env, { typeCheck: false });
  if (stopping) throw new Error('stopped');
  // The heap limit is the app's, not the build's (its type check needs more).
  const server = appServer(appEnv(env), port);
  const child = spawn(server.command, server.args, { stdio: 'inherit', env: server.env });
  current = child;
  console.log(`▶ 五标已启动 Wubiao is starting at http://localhost:${port}`);
  const code: number = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 0 : 1))));
  await stopDb();
  process.exit(code);
} catch (e) {
  console.error('✖ 启动失败 start failed:', e instanceof Error ? e.message : e);
  await stopDb();
  process.exit(1);
}
