import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * How every headless Chromium of the project starts: no sandbox (root in CI), no GPU, and none of the background
 * connections a closed network refuses (updates, sync, QUIC).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch options for playwright-core: the browser found below, started with CHROMIUM_ARGS. */
export const chromiumLaunchOptions = () => ({
  executablePath: findChromium()?.path ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

export type BrowserChoice = { path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' };

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * The Chromium the tests and the feedback-sheet PDF use, in this order: CHROMIUM_PATH, the system's Chromium or
 * Chrome, Playwright's own download (`npx playwright install chromium`, where the network allows it). null when
 * there is none; scripts/lib/browser-setup.ts can then install Debian's package when running as root.
 */
export function findChromium(): BrowserChoice | null {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return { path: env, source: 'CHROMIUM_PATH' };
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, source: 'playwright' };
  } catch {
    // playwright-core knows no browser of its own here
  }
  return null;
}

/** A font with Chinese glyphs, as fontconfig sees it (Debian: fonts-noto-cjk); null when none or no fc-list. */
export function findCjkFont(): string | null {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 5000 });
    return (
      out
        .split('\n')
        .map((l) => l.trim())
        .find(Boolean) ?? null
    );
  } catch {
    return null;
  }
}
