// For npm test: a Chromium and a CJK font for the end-to-end layer (and the feedback-sheet PDF), found or
// installed in the order of lib/browser.ts, then Playwright's own download, then Debian's packages when root.
import { spawnSync } from 'node:child_process';
import { findChromium, findCjkFont, type BrowserChoice } from '../../lib/browser';

const HOW_TO =
  'install Chromium and a Chinese font (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk; ' +
  'or npx playwright install chromium), or point CHROMIUM_PATH at a Chromium or Chrome';

function tryRun(cmd: string, args: string[], timeoutMs: number) {
  const r = spawnSync(cmd, args, {
    stdio: 'ignore',
    timeout: timeoutMs,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = () => tryRun('sh', ['-c', 'command -v apt-get'], 5000);

/** The browser for this run with one line saying which was chosen, or null with one line saying how to get one. */
export function ensureBrowser(): BrowserChoice | null {
  let browser = findChromium();
  if (!browser) {
    console.log('browser: none found; trying Playwright’s own download (npx playwright install chromium)');
    tryRun('npx', ['playwright', 'install', 'chromium'], 180_000);
    browser = findChromium();
  }
  let font = findCjkFont();
  if ((!browser || !font) && isRoot() && hasApt()) {
    console.log('browser: installing Debian’s chromium and fonts-noto-cjk (running as root)');
    tryRun('apt-get', ['update', '-qq'], 300_000);
    tryRun('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], 600_000);
    browser = findChromium();
    font = findCjkFont();
  }
  if (!browser) {
    console.log(`browser: none — the end-to-end layer cannot run: ${HOW_TO}`);
    return null;
  }
  console.log(
    `browser: ${browser.path} (${browser.source}); Chinese font: ${font ?? `none — pages will show boxes for Chinese: ${HOW_TO}`}`,
  );
  process.env.CHROMIUM_PATH = browser.path;
  return browser;
}
