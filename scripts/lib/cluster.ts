// More than one app node on one machine, as a deployer runs them: `next start` processes on loopback ports sharing
// one PostgreSQL and one AUTH_SECRET, and nginx (Debian's package) in front of them. Used by the two-node tests
// (tests/nodes) and the benches that measure two nodes (bench:exam-http NODES=2).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nextBin, waitFor } from './build';
import { freePort } from './embedded-db';

export type AppNode = { base: string; port: number; child: ChildProcess };

/** One `next start` of the current build on a free loopback port; resolves once /api/health answers. */
export async function startNode(
  env: NodeJS.ProcessEnv,
  log: { stdout?: 'inherit' | 'ignore'; stderr?: 'inherit' | 'ignore' } = {},
): Promise<AppNode> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(nextBin(), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', log.stdout ?? 'ignore', log.stderr ?? 'inherit'],
    env: { NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  if (!(await waitFor(`${base}/api/health`, 90_000))) {
    child.kill('SIGKILL');
    throw new Error(`the app on port ${port} did not answer /api/health within 90 s`);
  }
  return { base, port, child };
}

export async function stopNode(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
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
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) await mkdir(path.join(prefix, d));
  const listen = await freePort();
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(conf, nginxConfig({ listen, upstreams, prefix }));
  const errorLog = path.join(prefix, 'logs', 'error.log');
  const args = ['-p', prefix, '-c', conf, '-e', errorLog];
  const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused its configuration: ${check.stderr}`);
  const child = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${listen}`;
  if (!(await waitFor(`${base}/api/health`, 30_000))) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not answer on ${base}: ${await readFile(errorLog, 'utf8').catch(() => '')}`);
  }
  return {
    base,
    errorLog: () => readFile(errorLog, 'utf8').catch(() => ''),
    stop: async () => {
      await stopNode(child, 'SIGQUIT');
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
