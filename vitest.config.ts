import { defineConfig } from 'vitest/config';

// Which project a test belongs to is told by its name (see docs/adr/0018-three-test-projects.md):
// in packages/server only `*.rules.test.ts` are unit tests; the other packages' tests are all unit tests.
const unitTests = [
  'packages/server/test/**/*.rules.test.ts',
  'packages/protocol/test/**/*.test.ts',
  'packages/widget/test/**/*.test.{ts,tsx}',
  'packages/console/test/**/*.test.{ts,tsx}',
];
// The PostgreSQL server and the log folder every integration and browser test shares (set up once per run).
const globalSetup = ['packages/server/test/support/global-setup.ts'];
// Node's fetch sends no Origin; the console's browser does, and Ward requires it (browser-fetch.ts).
const setupFiles = ['packages/server/test/support/browser-fetch.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: integration and browser tests each start servers; keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // No global set-up: unit tests run without PostgreSQL, Redis or any other server. Pure tests need no
        // fresh module graph per file, and loading one per file was most of their time.
        test: {
          name: 'unit',
          include: unitTests,
          // The console's AgentSession is tried against a real Socket.IO server: that is an integration test.
          exclude: ['packages/console/test/socket/**'],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/server/test/**/*.test.ts', 'packages/console/test/socket/**/*.test.ts'],
          exclude: ['packages/server/test/**/*.rules.test.ts'],
          globalSetup,
          setupFiles,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['e2e/**/*.test.ts'], globalSetup, setupFiles },
      },
    ],
  },
});
