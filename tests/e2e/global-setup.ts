// Signs in once per demo role through the real login form and keeps each session (storage state) for the tests,
// so a test starts signed in instead of paying for a password check (argon2) and a form round trip.
import { chromium, type FullConfig } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { DEMO_USERS, signInThroughForm, stateFile } from '../fixtures/login';

export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0]!.use;
  await mkdir('test-results/.auth', { recursive: true });
  const browser = await chromium.launch(launchOptions);
  try {
    // One after the other: seven password checks at once would only queue on the server's two cores.
    for (const username of DEMO_USERS) {
      {
        const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
        const page = await context.newPage();
        await signInThroughForm(page, username);
        await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
        await context.storageState({ path: stateFile(username) });
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}
