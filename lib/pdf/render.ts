/**
 * PDFs from the portal's own print pages (issue 16.10): one shared headless Chromium per app process, a bounded
 * queue in front of it, a time limit per page, and a cache of finished PDFs by the document's version. Before,
 * every PDF request launched its own browser: ten people downloading at once meant ten Chromiums on two cores.
 *
 *  - at most PDF_CONCURRENCY pages render at once (2), at most PDF_QUEUE wait (8); beyond that the request is
 *    refused at once as busy (503) instead of piling up;
 *  - a page that takes longer than PDF_TIMEOUT_MS (20 s) is abandoned (504); its context is closed;
 *  - the browser is started on first use and started again if it crashed;
 *  - finished PDFs are kept in memory (PDF_CACHE entries, LRU) under a key the caller makes from the document's
 *    version: the same version is served without rendering again.
 */
import type { Browser } from 'playwright-core';
import { chromiumLaunchOptions, findChromium } from '../browser';

export class PdfBusy extends Error {}
export class PdfTimeout extends Error {}
export class PdfUnavailable extends Error {}
/** The page did not render as the asking person's document (an error, a sign-in page): nothing is cached. */
export class PdfFailed extends Error {}

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
export const PDF_LIMITS = {
  concurrency: num(process.env.PDF_CONCURRENCY, 2),
  queue: num(process.env.PDF_QUEUE, 8),
  timeoutMs: num(process.env.PDF_TIMEOUT_MS, 20_000),
  cache: num(process.env.PDF_CACHE, 50),
};

type State = {
  browser: Promise<Browser> | null;
  running: number;
  waiting: (() => void)[];
  cache: Map<string, Uint8Array>;
  launches: number;
};
// On globalThis: route handlers may be loaded in more than one module graph of the same process.
const g = globalThis as unknown as { wubiaoPdf?: State };
const state: State = (g.wubiaoPdf ??= {
  browser: null,
  running: 0,
  waiting: [],
  cache: new Map(),
  launches: 0,
});

async function browser(): Promise<Browser> {
  if (state.browser) {
    const b = await state.browser.catch(() => null);
    if (b?.isConnected()) return b;
    state.browser = null;
  }
  if (!findChromium()) throw new PdfUnavailable();
  state.browser = (async () => {
    const { chromium } = await import('playwright-core');
    const b = await chromium.launch(chromiumLaunchOptions());
    state.launches += 1;
    b.on('disconnected', () => {
      state.browser = null;
    });
    return b;
  })();
  return state.browser;
}

async function slot<T>(run: () => Promise<T>): Promise<T> {
  if (state.running >= PDF_LIMITS.concurrency) {
    if (state.waiting.length >= PDF_LIMITS.queue) throw new PdfBusy();
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  } else state.running += 1;
  try {
    return await run();
  } finally {
    const next = state.waiting.shift();
    if (next) next();
    else state.running -= 1;
  }
}

export type PdfRequest = {
  /** The cache key: the document and its version (and the language it is rendered in). */
  key: string;
  url: string;
  /** Sent with the page request, so the page renders as the person asking (their session cookie). */
  cookie: string;
  /** The scheme the person reached the portal by, passed on so the session cookie's name is read as it was set. */
  forwardedProto?: string;
};

/** The PDF of `url`, from the cache when this version was rendered before. */
export async function renderPdf(req: PdfRequest): Promise<{ pdf: Uint8Array; cached: boolean }> {
  const hit = state.cache.get(req.key);
  if (hit) {
    state.cache.delete(req.key);
    state.cache.set(req.key, hit);
    return { pdf: hit, cached: true };
  }
  const pdf = await slot(async () => {
    const b = await browser();
    const context = await b.newContext({
      extraHTTPHeaders: { cookie: req.cookie, 'x-forwarded-proto': req.forwardedProto ?? 'http' },
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = (async () => {
        const page = await context.newPage();
        const res = await page.goto(req.url, { waitUntil: 'networkidle', timeout: PDF_LIMITS.timeoutMs });
        // Only the document itself is printed (and cached): not a redirect to the sign-in page, not an error page.
        if (!res?.ok() || new URL(page.url()).pathname !== new URL(req.url).pathname) throw new PdfFailed();
        return page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
        });
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PdfTimeout()), PDF_LIMITS.timeoutMs);
      });
      return new Uint8Array(await Promise.race([work, timeout]));
    } catch (e) {
      if (e instanceof Error && e.name === 'TimeoutError') throw new PdfTimeout();
      if (e instanceof PdfTimeout || e instanceof PdfFailed) throw e;
      // Navigation refused (the server unreachable at that address, a crashed page): not the reader's fault.
      throw new PdfFailed();
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => undefined);
    }
  });
  state.cache.set(req.key, pdf);
  while (state.cache.size > PDF_LIMITS.cache) state.cache.delete(state.cache.keys().next().value!);
  return { pdf, cached: false };
}

/** For tests and the benchmark: how many browsers this process has started, and the queue now. */
export const pdfStats = () => ({
  launches: state.launches,
  running: state.running,
  waiting: state.waiting.length,
  cached: state.cache.size,
});

/** Closes the shared browser (tests; a process about to exit). */
export async function closePdfBrowser() {
  const b = await state.browser?.catch(() => null);
  state.browser = null;
  await b?.close();
}
