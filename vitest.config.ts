import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['packages/server/test/support/global-setup.ts'],
    // Node's fetch sends no Origin; the console's browser does, and Ward requires it (browser-fetch.ts).
    setupFiles: ['packages/server/test/support/browser-fetch.ts'],
    include: ['packages/*/test/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: integration and browser tests each start servers; keep parallelism modest.
    maxWorkers: 2,
  },
});
