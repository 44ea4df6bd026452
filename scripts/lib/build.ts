import { spawn } from 'node:child_process';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
];
const SKIP = new Set(['generated', 'node_modules', '.next']);

async function newest(p: string): Promise<number> {
  let s;
  try {
    s = await stat(p);
  } catch {
    return 0;
  }
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of await readdir(p)) {
    if (SKIP.has(e) || e.endsWith('.test.ts')) continue;
    max = Math.max(max, await newest(path.join(p, e)));
  }
  return max;
}

/** True when .next holds a production build newer than every source file. */
export async function buildIsCurrent(root = process.cwd()): Promise<boolean> {
  const built = await newest(path.join(root, '.next', 'BUILD_ID'));
  if (!built) return false;
  for (const s of SOURCES) if ((await newest(path.join(root, s))) > built) return false;
  return true;
}

/** Runs a command as a child (async: the embedded database may be served from this process). */
export function run(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: opts.env ?? process.env, cwd: opts.cwd });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The app process's V8 heap limit unless NODE_OPTIONS already sets one. Without it V8 lets a busy server's heap grow
 * to about 1.1 GB of RSS (bench:soak, 10 connections); at 512 MB it stays near 600 MB for about 10% fewer requests a
 * second; at 256 MB it ran out of memory under the same load. And a young generation of 8 MB semi-spaces (V8's
 * default is 16) unless NODE_OPTIONS sets one: a render's garbage is collected sooner, in smaller steps.
 */
export const APP_HEAP_MB = 512;
export const APP_SEMI_SPACE_MB = 8;
export function appNodeOptions(current = process.env.NODE_OPTIONS ?? ''): string {
  const options = [current];
  if (!/--max[-_]old[-_]space[-_]size/.test(current)) options.push(`--max-old-space-size=${APP_HEAP_MB}`);
  if (!/--max[-_]semi[-_]space[-_]size/.test(current))
    options.push(`--max-semi-space-size=${APP_SEMI_SPACE_MB}`);
  return options.join(' ').trim();
}

/**
 * The app process's environment: its V8 options (appNodeOptions, or `nodeOptions`) and glibc's malloc, each setting
 * unless the environment has its own:
 * - two arenas (MALLOC_ARENA_MAX): each thread (the pool's crypto, argon2, the database driver) would otherwise keep
 *   an arena of its own: about 70 MB less RSS after 50 connections on four of bench:http's pages, the same requests
 *   a second;
 * - freed memory given back to the system past 128 KiB at the top of a heap, and blocks of 128 KiB and more mapped
 *   on their own (MALLOC_TRIM_THRESHOLD_, MALLOC_MMAP_THRESHOLD_): glibc's own thresholds grow with the largest
 *   block freed, up to 32 MB, and a server that has sent large pages kept that memory. With the semi-spaces above,
 *   bench:http's RSS after the run 453 → 373 MB on one build and database (each alone: 407 and 409 MB).
 */
export function appEnv<E extends Record<string, string | undefined>>(env: E, nodeOptions = appNodeOptions()) {
  return {
    ...env,
    NODE_OPTIONS: nodeOptions,
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
    MALLOC_TRIM_THRESHOLD_: env.MALLOC_TRIM_THRESHOLD_ ?? String(128 * 1024),
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? String(128 * 1024),
  };
}

export const nextBin = () => path.join(process.cwd(), 'node_modules', '.bin', 'next');

/**
 * The app's production server (scripts/server.mjs: Next's handler behind an admission gate, in place of `next start`)
 * as a command for spawn, listening on `port` (and only on `host` when given).
 */
export function appServer(env: NodeJS.ProcessEnv, port: number | string, host?: string) {
  return {
    command: process.execPath,
    // WebAssembly (the ORM's query compiler, the HTTP parser of fetch) compiled once, by the optimizing compiler,
    // not first by the baseline compiler and again when hot, both kept: 345–363 → 326–327 MB of RSS after ten
    // seconds over each of bench:http's pages at 10 connections, the same requests a second. (A V8 flag that
    // NODE_OPTIONS does not take.)
    args: ['--no-liftoff', path.join(process.cwd(), 'scripts', 'server.mjs')],
    env: { ...env, PORT: String(port), ...(host ? { APP_HOST: host } : {}) },
  };
}

/**
 * Builds the app when a source is newer than the last build. `typeCheck: false` (npm start) skips next build's
 * TypeScript pass: a user's first start needs a running portal, not a type check, and that pass is a third of the
 * build on a 2-core machine; the test layers build with it.
 */
export async function buildIfNeeded(env: NodeJS.ProcessEnv, { typeCheck = true } = {}): Promise<void> {
  // A build npm start made without the type check is not current for a caller that wants one (the test layers).
  const untyped = path.join(process.cwd(), '.next', 'wubiao-untyped');
  if ((await buildIsCurrent()) && !(typeCheck && (await stat(untyped).catch(() => null)))) return;
  console.log('▶ 正在构建应用 building the app (next build)…');
  const code = await run(nextBin(), ['build'], {
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1', ...(typeCheck ? {} : { WB_BUILD_SKIP_TYPECHECK: '1' }) },
  });
  if (code !== 0) throw new Error(`next build failed (${code})`);
  if (typeCheck) await rm(untyped, { force: true });
  else await writeFile(untyped, 'built by npm start without the type check\n');
}

/** Polls url until it answers 200 or the time runs out. */
export async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
