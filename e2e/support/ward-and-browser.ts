import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../packages/server/test/support/test-app.ts';
import { launchBrowser } from './browser.ts';

/**
 * One real Ward and one Chromium for a test file: started before its tests, closed after.
 * Read `t` and `browser` inside tests (they exist once `beforeAll` has run).
 */
export function useWardAndBrowser(options: Parameters<typeof startTestApp>[0] = {}): { t: TestApp; browser: Browser } {
  const ward = {} as { t: TestApp; browser: Browser };
  beforeAll(async () => {
    ward.t = await startTestApp(options);
    ward.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ward.browser?.close();
    await ward.t?.close();
  });
  return ward;
}
