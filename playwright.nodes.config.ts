import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './lib/browser';

// The two-node layer (npm test's `nodes`): the tests start their own app nodes, nginx, an S3-compatible store and a
// fake group robot on loopback, on the database the layer seeded (DATABASE_URL), with the build already made.
export default defineConfig({
  projects: [{ name: 'nodes', testDir: 'tests/nodes' }],
  outputDir: 'test-results/nodes',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
