// npm test — every layer, then ONE closing line "N passed, N failed" (CI reads only that).
//   npm test -- --layer unit,integration     or TEST_LAYERS=e2e npm test
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ensureBrowser } from './lib/browser-setup';
import { BUDGET_KB, kb, overBudget, routeSizes } from './lib/bundle-budget';
import { appServer, buildIfNeeded, run, waitFor } from './lib/build';
import { freePort } from './lib/embedded-db';
import { prepareDatabase } from './lib/prepare-db';
import { freshDatabase } from './lib/test-db';

type Count = { passed: number; failed: number; skipped: number };
const ALL = ['unit', 'integration', 'e2e', 'nodes', 'bundle'];
const flag = process.argv.indexOf('--layer');
const wanted =
  (flag >= 0 ? process.argv[flag + 1] : process.env.TEST_LAYERS)?.split(',').map((s) => s.trim()) ?? ALL;
const OUT = path.resolve('test-results');
await mkdir(OUT, { recursive: true });

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

async function vitest(project: string, env: NodeJS.ProcessEnv): Promise<Count> {
  const file = path.join(OUT, `vitest-${project}.json`);
  await rm(file, { force: true });
  const code = await run(
    path.resolve('node_modules/.bin/vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    { env },
  );
  const r = await readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  }>(file);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  // A file that fails to load has no failed test but a failed suite: count it, and a non-zero exit without failures.
  const failed =
    r.numFailedTests + (r.numFailedTests === 0 && (r.numFailedTestSuites > 0 || code !== 0) ? 1 : 0);
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

async function e2e(): Promise<Count> {
  // No browser, no end-to-end layer: counted as one failure, with the line above saying how to get one.
  if (!ensureBrowser()) return { passed: 0, failed: 1, skipped: 0 };
  const database = await freshDatabase('e2e');
  let server: ChildProcess | undefined;
  try {
    await prepareDatabase(database.url, { seed: true });
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString('base64'),
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    await buildIfNeeded(env);
    const port = await freePort();
    const app = appServer(env, port);
    server = spawn(app.command, app.args, { stdio: ['ignore', 'inherit', 'inherit'], env: app.env });
    const base = `http://127.0.0.1:${port}`;
    if (!(await waitFor(`${base}/api/health`, 90_000)))
      throw new Error('the app did not answer /api/health within 90 s');
    return await playwright(['--project', 'e2e', '--project', 'security'], 'playwright.json', {
      ...env,
      BASE_URL: base,
    });
  } finally {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((r) => server!.once('exit', r));
    await database.drop().catch((e) => console.error('dropping the e2e database failed', e));
  }
}

/** Runs Playwright with these arguments and counts its JSON report (a file that fails to load counts as a failure). */
async function playwright(args: string[], report: string, env: NodeJS.ProcessEnv): Promise<Count> {
  const file = path.join(OUT, report);
  await rm(file, { force: true });
  const code = await run(
    path.resolve('node_modules/.bin/playwright'),
    ['test', ...args, '--reporter=list,json'],
    { env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file } },
  );
  const r = await readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  }>(file);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  // Errors outside any test (a file that fails to load, a teardown, an uncaught error) count too, and a non-zero exit
  // with nothing else failed counts as one.
  const failed = r.stats.unexpected + (r.errors?.length ?? 0);
  return {
    passed: r.stats.expected + r.stats.flaky,
    failed: failed + (code !== 0 && failed === 0 ? 1 : 0),
    skipped: r.stats.skipped,
  };
}

/**
 * Two app nodes behind nginx on one PostgreSQL (tests/nodes): its own seeded database; the tests start the nodes,
 * nginx, an S3-compatible store and a fake robot themselves.
 */
async function nodes(): Promise<Count> {
  // Two nodes share a PostgreSQL server by definition (the embedded engine serves one process).
  if (!(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)) {
    console.log('  the two-node layer needs a PostgreSQL server (TEST_DATABASE_URL): skipped');
    return { passed: 0, failed: 0, skipped: 1 };
  }
  if (!ensureBrowser()) return { passed: 0, failed: 1, skipped: 0 };
  const database = await freshDatabase('nodes');
  try {
    await prepareDatabase(database.url, { seed: true });
    const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' };
    await buildIfNeeded(env);
    return await playwright(['--config', 'playwright.nodes.config.ts'], 'playwright-nodes.json', env);
  } finally {
    await database.drop().catch((e) => console.error('dropping the nodes database failed', e));
  }
}

async function integration(): Promise<Count> {
  const database = await freshDatabase('int');
  try {
    await prepareDatabase(database.url, { seed: false });
    return await vitest('integration', { ...process.env, DATABASE_URL: database.url });
  } finally {
    await database.drop().catch((e) => console.error('dropping the integration database failed', e));
  }
}

/** The bundle budget (a size, not a timing): one check, failed naming every route over it. */
async function bundle(): Promise<Count> {
  await buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  const sizes = await routeSizes(process.cwd());
  const over = overBudget(sizes);
  console.log(
    `  first-load JavaScript: largest ${kb(sizes[0]!.gzipBytes).toFixed(1)} kB (${sizes[0]!.route}), budget ${BUDGET_KB} kB`,
  );
  for (const s of over)
    console.error(`✖ ${s.route}: ${kb(s.gzipBytes).toFixed(1)} kB gzip, over ${BUDGET_KB} kB`);
  return { passed: over.length ? 0 : 1, failed: over.length ? 1 : 0, skipped: 0 };
}

const layers: Record<string, () => Promise<Count>> = {
  unit: () => vitest('unit', process.env),
  integration,
  e2e,
  nodes,
  bundle,
};

const total: Count = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
for (const name of ALL.filter((l) => wanted.includes(l))) {
  console.log(`\n━━ ${name} ━━`);
  let c: Count;
  try {
    c = await layers[name]!();
  } catch (e) {
    console.error(`✖ layer ${name} crashed:`, e);
    c = { passed: 0, failed: 1, skipped: 0 };
  }
  lines.push(
    `  ${name.padEnd(12)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
  );
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
console.log(`\n${lines.join('\n')}`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
