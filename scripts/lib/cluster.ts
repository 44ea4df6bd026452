// More than one app node on one machine, as a deployer runs them: app server processes (scripts/server.mjs) on loopback ports sharing
// one PostgreSQL and one AUTH_SECRET, and nginx (Debian's package) in front of them. Used by the two-node tests
// (tests/nodes) and bench:exam-http NODES=2.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appServer } from './build';
import { freePort } from './embedded-db';

export type AppNode = { base: string; port: number; child: ChildProcess };

/** One app server (scripts/server.mjs) of the current build on a free loopback port; resolves once /api/health answers. */
export async function startNode(
  env: NodeJS.ProcessEnv,
  log: { stdout?: 'inherit' | 'ignore'; stderr?: 'inherit' | 'ignore'; port?: number } = {},
): Promise<AppNode> {
  const port = log.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const app = appServer({ NEXT_TELEMETRY_DISABLED: '1', ...env }, port, '127.0.0.1');
  const child = spawn(app.command, app.args, {
    stdio: ['ignore', log.stdout ?? 'ignore', log.stderr ?? 'inherit'],
    env: app.env,
  });
  await upOrExited(child, `${base}/api/health`, 90_000, `the app on port ${port}`);
  return { base, port, child };
}

/**
 * Waits until `url` answers or the process ends (a port taken meanwhile, a crash): never mistakes another process
 * on the port for this one, never waits out the timeout for a process that is gone.
 */
async function upOrExited(child: ChildProcess, url: string, ms: number, what: string) {
  let exited = false;
  const onExit = () => (exited = true);
  child.once('exit', onExit);
  try {
    const until = Date.now() + ms;
    while (Date.now() < until && !exited) {
      const ok = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (ok && !exited) return;
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    child.off('exit', onExit);
  }
  child.kill('SIGKILL');
  throw new Error(
    exited ? `${what} exited before it answered ${url}` : `${what} did not answer ${url} in time`,
  );
}

export async function stopNode(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 20_000,
) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  // A node still finishing its jobs after the grace period is killed, so a test's clean-up never hangs on it.
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/**
 * The nginx configuration in front of the nodes: round robin, a node that refuses connections or answers 502/503 is
 * skipped for the request (and for `fail_timeout`), the client's address appended to X-Forwarded-For (the app believes
 * the entry TRUSTED_PROXIES from the right: lib/auth/request-meta.ts), bodies up to the upload limit.
 */
export function nginxConfig(o: { listen: number; upstreams: string[]; prefix: string }) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return `${root ? 'user root;\n' : ''}worker_processes 1;
pid ${o.prefix}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${o.prefix}/body;
  proxy_temp_path ${o.prefix}/proxy;
  fastcgi_temp_path ${o.prefix}/fastcgi;
  uwsgi_temp_path ${o.prefix}/uwsgi;
  scgi_temp_path ${o.prefix}/scgi;
  client_max_body_size 25m;
  upstream wubiao {
${o.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${o.listen};
    location / {
      proxy_pass http://wubiao;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

export type Nginx = { base: string; stop: () => Promise<void>; errorLog: () => Promise<string> };

/** nginx on a free loopback port in front of `upstreams` (host:port), its files in a temporary folder. */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  if (!existsSync(NGINX))
    throw new Error(`nginx not found at ${NGINX}: install Debian's package (apt-get install -y nginx)`);
  const prefix = await mkdtemp(path.join(tmpdir(), 'wubiao-nginx-'));
  const errorLog = path.join(prefix, 'logs', 'error.log');
  try {
    for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) await mkdir(path.join(prefix, d));
    const listen = await freePort();
    const conf = path.join(prefix, 'nginx.conf');
    await writeFile(conf, nginxConfig({ listen, upstreams, prefix }));
    const args = ['-p', prefix, '-c', conf, '-e', errorLog];
    const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx refused its configuration: ${check.stderr}`);
    const child = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${listen}`;
    await upOrExited(child, `${base}/api/health`, 30_000, 'nginx').catch(async (e: Error) => {
      throw new Error(`${e.message}: ${await readFile(errorLog, 'utf8').catch(() => '')}`);
    });
    return {
      base,
      errorLog: () => readFile(errorLog, 'utf8').catch(() => ''),
      stop: async () => {
        // A graceful stop: the master ends its workers before it exits.
        await stopNode(child, 'SIGQUIT');
        await rm(prefix, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(prefix, { recursive: true, force: true });
    throw e;
  }
}
