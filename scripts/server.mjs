// The app's production server, in place of `next start`: Next's request handler behind an admission gate
// (scripts/lib/gate.mjs). npm start, the test layers, the benches and the two-node cluster all run this.
//
// PORT (3000) and APP_HOST (every interface): where people reach it. APP_CONCURRENCY (3): requests in Next's hands at
// once; APP_QUEUE (1000): requests waiting beyond those before a 503.
//
// A second listener, on a free loopback port and without the gate, takes the app's requests to itself: a server
// action that redirects fetches the target page from its own server while it holds its slot (Next's action handler,
// through __NEXT_PRIVATE_ORIGIN, which `next start` sets to its own address too), and the PDF browser opens the print
// page while the PDF's request holds one (APP_INTERNAL_ORIGIN, app/api/feedback/[id]/pdf/route.ts). Through the gate
// these would wait on the requests that wait for them.
//
// The configuration is the one the build resolved (.next/required-server-files.json), handed to Next as its
// standalone server does: next.config.ts is not loaded at run time, so neither are the compiler that reads
// TypeScript nor the i18n plugin's compiler and file watcher (about 40 MB of native code, and the heap they
// take). The .env files are read here, as Next reads them when it loads the configuration itself.
process.env.NODE_ENV = 'production';
const { createServer } = await import('node:http');
const { readFileSync } = await import('node:fs');
const { join } = await import('node:path');
const { createRequire } = await import('node:module');
// @next/env as Next itself resolves it (a dependency of next, not of the app).
const fromNext = createRequire(createRequire(import.meta.url).resolve('next/package.json'));
const { loadEnvConfig } = fromNext('@next/env');
loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const builtFile = join(process.cwd(), '.next', 'required-server-files.json');
let built;
try {
  built = JSON.parse(readFileSync(builtFile, 'utf8'));
} catch {
  console.error(`✖ 尚未构建应用：缺少 ${builtFile}。请运行 npm start（会先构建）或 npx next build。`);
  console.error(
    `✖ The app is not built: ${builtFile} is missing. Run npm start (it builds first) or npx next build.`,
  );
  process.exit(1);
}
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);
const { default: next } = await import('next');
const { busyText, createGate, doorText, unservableUrl } = await import('./lib/gate.mjs');
const { believeForwarding, foreignAction, trustedPeers } = await import('./lib/forwarded.mjs');

const port = Number(process.env.PORT || 3000);
const hostname = process.env.APP_HOST || undefined;
const whole = (v, fallback) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : fallback);
const limit = whole(process.env.APP_CONCURRENCY, 3);
const gate = createGate({
  limit,
  maxQueued: whole(process.env.APP_QUEUE, 1000),
  busy: busyText(process.cwd()),
});

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const serve = (req, res) =>
  handle(req, res).catch((e) => {
    console.error('request failed', e);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });

const listen = (server, p, host) =>
  new Promise((resolve) => {
    server.once('error', (e) => {
      console.error(`✖ the server could not listen on port ${p}:`, e.message);
      process.exit(1);
    });
    server.listen(p, host, () => resolve(server.address().port));
  });

const internal = createServer(serve);
const internalPort = await listen(internal, 0, '127.0.0.1');
process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${internalPort}`;
process.env.APP_INTERNAL_ORIGIN = process.env.__NEXT_PRIVATE_ORIGIN;

const badAddress = doorText(process.cwd(), 'badAddress');
const otherSite = doorText(process.cwd(), 'otherSite');
const trusted = trustedPeers(process.env.TRUSTED_PROXY_ADDRESSES);
const refuse = (res, status, text) => {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
};
const server = createServer((req, res) => {
  // Forwarding headers only from a proxy (scripts/lib/forwarded.mjs), before anything reads them.
  believeForwarding(req, trusted);
  if (unservableUrl(req.url)) return refuse(res, 400, badAddress);
  if (foreignAction(req)) return refuse(res, 403, otherSite);
  gate.admit(req, res, () => serve(req, res));
});
await listen(server, port, hostname);
console.log(`✓ Ready on port ${port}, ${limit} requests at once`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  internal.close();
  internal.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
