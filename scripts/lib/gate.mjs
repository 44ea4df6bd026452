// An admission gate for the app's HTTP server (scripts/server.mjs): at most `limit` requests are in Next's hands at
// once; the rest wait in arrival order, and one whose client has gone by its turn is dropped unserved. Plain
// JavaScript, as the server runs on node alone (no TypeScript loader in the production process).
//
// Why: a Next process rendering 50 pages at once holds 50 renders in its heap; near the heap limit V8's collector
// takes most of the time, and renders of clients that have given up go on. Measured on the seed:large data (50
// connections, the same build): see the README's bench:http section.

import { AsyncResource } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Requests that pass the gate: the build's static files; the health check (a balancer must not queue behind pages);
 * large bodies (an upload trickles in over a phone's network: it would hold a slot while it waits); PDFs (they wait on
 * the PDF browser, which has a line of its own). The app's requests to itself (a server action's redirect, the PDF
 * browser) come to its internal listener, which has no gate (scripts/server.mjs).
 */
export function passes(req) {
  const url = req.url ?? '';
  if (url.startsWith('/_next/static/') || url === '/api/health' || url.startsWith('/api/health?'))
    return true;
  // A PDF waits on the PDF browser, which has its own limit and line (PDF_CONCURRENCY, PDF_QUEUE, lib/pdf/render.ts).
  if (/^\/api\/feedback\/[^/?]+\/pdf(\?|$)/.test(url)) return true;
  return Number(req.headers['content-length'] ?? 0) > 1024 * 1024;
}

/**
 * An error page's words (errorPages.<key>) from the message files in both languages: at the door the request's
 * language is not known yet.
 * @param {string} root the app's folder
 * @param {string} key
 */
export function doorText(root, key) {
  const said = (locale) =>
    JSON.parse(readFileSync(join(root, 'lib', 'i18n', 'messages', `${locale}.json`), 'utf8')).errorPages[key];
  return `${said('zh-CN')} ${said('en')}`;
}

/** The 503's words. @param {string} root the app's folder */
export const busyText = (root) => doorText(root, 'busy');

/**
 * An address no page or route of the portal can take: a NUL (%00) anywhere in it. PostgreSQL refuses NUL in text,
 * so a search for it (`/people?q=%00`) reached the database and ended in a 500; it is refused at the door with 400.
 * @param {string | undefined} url the request's path and query, as received
 */
export const unservableUrl = (url) => /%00/.test(url ?? '');

/**
 * `busy`: the 503's text when the line is full (scripts/server.mjs gives it from the message files, both languages).
 * @param {{ limit: number, maxQueued: number, busy: string }} options
 * @returns {{ admit: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *   handle: () => void) => void, stats: () => { active: number, queued: number } }}
 */
export function createGate({ limit, maxQueued, busy }) {
  let active = 0;
  const queue = [];
  // The connection is checked too: a pipelined request's response has no socket of its own until the ones before it
  // are done, so when the connection goes it is neither destroyed nor ended, and it would never finish.
  const gone = ({ req, res }) =>
    res.destroyed || res.writableEnded || res.socket?.destroyed === true || req.socket?.destroyed === true;
  const pump = () => {
    while (active < limit && queue.length) {
      const job = queue.shift();
      if (!gone(job)) start(job);
    }
  };
  const start = ({ req, res, handle }) => {
    active++;
    let released = false;
    const socket = req.socket;
    const release = () => {
      if (released) return;
      released = true;
      active--;
      res.off('finish', release);
      res.off('close', release);
      socket?.off('close', release);
      pump();
    };
    // finish: the response is handed to the OS; close: the client went first; the connection's close: a pipelined
    // response that never got the socket (neither of the others fires for it).
    res.once('finish', release);
    res.once('close', release);
    socket?.once('close', release);
    try {
      handle();
    } catch (e) {
      release();
      throw e;
    }
  };
  return {
    admit(req, res, handle) {
      if (passes(req)) return void handle();
      if (queue.length >= maxQueued) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
        res.end(`${busy}\n`);
        return;
      }
      // Bound to the context the request arrived in: the one in line is started from the event of a response that
      // made room, and would otherwise run inside that request's stores (React's render and its cache, Next's
      // request), where a server action's `cache`d read could find the other request's person.
      queue.push({ req, res, handle: AsyncResource.bind(handle) });
      pump();
    },
    stats: () => ({ active, queued: queue.length }),
  };
}
