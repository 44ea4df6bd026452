import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './lib/browser';

// The browser lib/browser.ts finds (CHROMIUM_PATH, the system's Chromium, Playwright's own); npm test installs one
// first where it can (scripts/lib/browser-setup.ts).
export default defineConfig({
  // The hostile-input suite runs after the end-to-end tests, alone, so the rows it watches are its own.
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    { name: 'security', testDir: 'tests/security', dependencies: ['e2e'] },
  ],
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  use: {
    baseURL: process.env.BASE_URL ?? 'http://localhost:3000',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
