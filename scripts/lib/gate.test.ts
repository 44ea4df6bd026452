import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { busyText, createGate, doorText, passes, unservableUrl } from './gate.mjs';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(null));
  server = undefined;
});

/** A real HTTP server on loopback whose handler takes `ms` to answer, behind the gate; counts what it handles. */
async function gated(limit: number, maxQueued: number, ms: number) {
  const gate = createGate({ limit, maxQueued, busy: busyText(process.cwd()) });
  const seen = { now: 0, most: 0, handled: [] as string[] };
  server = createServer((req, res) =>
    gate.admit(req, res, () => {
      seen.now++;
      seen.most = Math.max(seen.most, seen.now);
      seen.handled.push(req.url ?? '');
      setTimeout(() => {
        seen.now--;
        res.end('ok');
      }, ms);
    }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { gate, seen, base };
}

describe('the admission gate (scripts/lib/gate.mjs)', () => {
  it('holds requests in Next beyond the limit in line, and serves every one', async () => {
    const { seen, base } = await gated(3, 100, 40);
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => fetch(`${base}/page/${i}`).then((r) => r.status)),
    );
    expect(replies).toEqual(Array(12).fill(200));
    expect(seen.most).toBe(3);
    expect(seen.handled).toHaveLength(12);
  });

  it('starts a waiting request in its own async context, never in the one of the request that made room', async () => {
    // A request Next renders runs inside stores of its own (React's render with its cache, Next's request); the
    // gate started the next in line from the finishing response's event, inside those stores, so React's `cache` in
    // a server action could hand back the person of the page rendered before (seen in an e2e run).
    const render = new AsyncLocalStorage<string>();
    const gate = createGate({ limit: 1, maxQueued: 10, busy: busyText(process.cwd()) });
    const seen: (string | undefined)[] = [];
    server = createServer((req, res) =>
      gate.admit(req, res, () => {
        seen.push(render.getStore());
        // The response is written from inside this request's render, as a renderer writes its last chunk.
        render.run(`render of ${req.url}`, () => setTimeout(() => res.end('ok'), 20));
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const replies = await Promise.all(
      ['/a', '/b', '/c', '/d'].map((u) => fetch(`${base}${u}`).then((r) => r.status)),
    );
    expect(replies).toEqual([200, 200, 200, 200]);
    expect(seen).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('drops a waiting request whose client has gone, unserved', async () => {
    const { gate, seen, base } = await gated(1, 100, 150);
    const first = fetch(`${base}/first`);
    await new Promise((r) => setTimeout(r, 30));
    // The second waits behind the first, then its client gives up.
    const req = request(`${base}/abandoned`);
    req.on('error', () => {});
    req.end();
    await new Promise((r) => setTimeout(r, 30));
    expect(gate.stats()).toEqual({ active: 1, queued: 1 });
    req.destroy();
    const third = fetch(`${base}/third`);
    expect((await first).status).toBe(200);
    expect((await third).status).toBe(200);
    expect(seen.handled).toEqual(['/first', '/third']);
    expect(gate.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('frees the slots of pipelined requests whose connection closed before their turn', async () => {
    const { gate, seen, base } = await gated(1, 100, 80);
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    socket.on('error', () => {});
    // Three requests on one connection at once: the second and third have no socket of their own yet.
    socket.write(['/p1', '/p2', '/p3'].map((p) => `GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`).join(''));
    await new Promise((r) => setTimeout(r, 30));
    expect(gate.stats()).toEqual({ active: 1, queued: 2 });
    socket.destroy();
    await new Promise((r) => setTimeout(r, 150));
    expect(gate.stats()).toEqual({ active: 0, queued: 0 });
    // Nothing held: the next request is served at once.
    expect((await fetch(`${base}/after`)).status).toBe(200);
    expect(seen.handled).toEqual(['/p1', '/after']);
  });

  it('answers 503 with Retry-After in both languages when the line is full', async () => {
    const { base } = await gated(1, 2, 100);
    const all = await Promise.all(Array.from({ length: 5 }, () => fetch(`${base}/x`)));
    const busy = all.filter((r) => r.status === 503);
    expect(all.filter((r) => r.status === 200)).toHaveLength(3);
    expect(busy).toHaveLength(2);
    expect(busy[0]!.headers.get('retry-after')).toBe('5');
    expect(await busy[0]!.text()).toMatch(/服务器繁忙.*busy/);
  });

  it('lets static files, the health check and uploads past the line', async () => {
    const h = (url: string, length?: number) => ({
      url,
      headers: length === undefined ? {} : { 'content-length': String(length) },
    });
    expect(passes(h('/_next/static/chunks/a.js'))).toBe(true);
    expect(passes(h('/api/health'))).toBe(true);
    expect(passes(h('/reminders', 5 * 1024 * 1024))).toBe(true);
    expect(passes(h('/reminders', 2048))).toBe(false);
    expect(passes(h('/api/healthy'))).toBe(false);
    expect(passes(h('/'))).toBe(false);
    // A PDF waits on the PDF browser's own line.
    expect(passes(h('/api/feedback/7d0c5a86-2b8e-4c8e-9a55-0d1f3f5d2a11/pdf'))).toBe(true);
    expect(passes(h('/api/feedback/7d0c5a86-2b8e-4c8e-9a55-0d1f3f5d2a11/pdf?x=1'))).toBe(true);
    expect(passes(h('/api/feedback/7d0c5a86/pdfx'))).toBe(false);
    expect(passes(h('/feedback/7d0c5a86/print'))).toBe(false);
  });

  it('knows an address with a NUL for one no page can take, and says so in both languages', () => {
    for (const url of [
      '/people?q=%00',
      '/api/orgs/tree?q=a%00b',
      '/people/%00',
      '/admin/audit-log?action=%00',
    ])
      expect(unservableUrl(url), url).toBe(true);
    for (const url of ['/people?q=%E7%8E%8B', '/people?q=100', '/api/health', undefined])
      expect(unservableUrl(url), String(url)).toBe(false);
    expect(doorText(process.cwd(), 'badAddress')).toMatch(/空字符.*null character/);
  });
});
