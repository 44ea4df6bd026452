import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closePdfBrowser,
  PDF_LIMITS,
  PdfBusy,
  PdfFailed,
  PdfTimeout,
  pdfStats,
  renderPdf,
} from '../../lib/pdf/render';

// A page server of its own: /slow answers after 800 ms, /never does not answer; everything else at once.
let server: Server;
let base: string;
const seenCookies: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seenCookies.push(req.headers.cookie ?? '');
    if (req.url === '/never') return;
    if (req.url === '/gone') {
      res.writeHead(302, { location: '/login' });
      return res.end();
    }
    if (req.url === '/broken') {
      res.writeHead(500);
      return res.end('boom');
    }
    const send = () => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><h1>检查调研情况反馈单</h1></body></html>');
    };
    if (req.url?.startsWith('/slow')) setTimeout(send, 800);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closePdfBrowser();
  server.closeAllConnections();
  server.close();
});

const saved = { ...PDF_LIMITS };
const reset = () => Object.assign(PDF_LIMITS, saved);

describe('PDF rendering on one shared browser', () => {
  it('renders many PDFs with one browser, as the asking person, and serves a version again from the cache', async () => {
    const before = pdfStats().launches;
    const runs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        renderPdf({ key: `t:${i}`, url: `${base}/p${i}`, cookie: 'sid=abc' }),
      ),
    );
    for (const r of runs) expect(Buffer.from(r.pdf.slice(0, 5)).toString()).toBe('%PDF-');
    expect(pdfStats().launches - before).toBeLessThanOrEqual(1);
    expect(seenCookies).toContain('sid=abc');
    const served = seenCookies.length;
    const again = await renderPdf({ key: 't:3', url: `${base}/p3`, cookie: 'sid=abc' });
    expect(again.cached).toBe(true);
    expect(seenCookies.length).toBe(served);
  }, 60_000);

  it('refuses at once when the queue is full, and the queued ones still finish', async () => {
    Object.assign(PDF_LIMITS, { concurrency: 1, queue: 1 });
    try {
      const results = await Promise.allSettled(
        [1, 2, 3].map((i) => renderPdf({ key: `q:${i}:${Date.now()}`, url: `${base}/slow${i}`, cookie: '' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(PdfBusy);
      expect(pdfStats()).toMatchObject({ running: 0, waiting: 0 });
    } finally {
      reset();
    }
  }, 60_000);

  it('abandons a page that does not answer in time, and frees its place', async () => {
    Object.assign(PDF_LIMITS, { timeoutMs: 700 });
    try {
      await expect(
        renderPdf({ key: `n:${Date.now()}`, url: `${base}/never`, cookie: '' }),
      ).rejects.toBeInstanceOf(PdfTimeout);
      expect(pdfStats()).toMatchObject({ running: 0, waiting: 0 });
    } finally {
      reset();
    }
  }, 60_000);

  it('prints nothing and caches nothing when the page is not the document (a sign-in redirect, an error)', async () => {
    for (const url of [`${base}/gone`, `${base}/broken`]) {
      await expect(renderPdf({ key: `f:${url}`, url, cookie: '' })).rejects.toBeInstanceOf(PdfFailed);
      expect(pdfStats().running).toBe(0);
    }
    // The same key renders afresh once the page is right (nothing was cached for it).
    const r = await renderPdf({ key: `f:${base}/gone`, url: `${base}/fine`, cookie: '' });
    expect(r.cached).toBe(false);
  }, 60_000);
});
