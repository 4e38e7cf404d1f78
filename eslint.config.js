import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.ward-data/**', '.ci/node/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      // Prettier wraps code at 120; long comments and JSX text must be wrapped by hand.
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // Architecture rules: pure rules never do IO; the protocol package has no IO at all.
    files: ['**/*.rules.ts', 'packages/protocol/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'pg', 'kysely', 'fastify', 'socket.io', '**/db/**', '**/*.repository.ts'] },
      ],
    },
  },
  {
    // The console's realtime logic stays plain TypeScript, testable without React; hooks are use-*.ts.
    files: ['packages/console/src/realtime/**/*.ts'],
    ignores: ['packages/console/src/realtime/**/use-*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', 'react-dom/*', '**/*.tsx'] }],
    },
  },
  {
    // Transport is thin: route handlers and socket handlers reach the database only through services.
    files: ['packages/server/src/transport/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/*.repository.ts'] }],
    },
  },
  {
    // Unit tests (the `unit` project in vitest.config.ts) run without any server: none of these imports.
    files: ['packages/server/test/**/*.rules.test.ts', 'packages/{protocol,widget,console}/test/**/*.{ts,tsx}'],
    ignores: ['packages/console/test/socket/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['pg', 'pg-boss', 'kysely', 'redis', '@socket.io/*', 'socket.io', 'socket.io-client', 'fastify'],
            ...['nodemailer', 'nodemailer/*', 'smtp-server', 'imapflow', 'playwright-core'],
            ...['node:child_process', 'node:net', 'node:http', 'node:https'],
            ...['**/support/**', '**/db/**', '**/*.repository.ts', '**/*.service.ts', '**/app.ts'],
          ],
        },
      ],
    },
  },
  {
    files: [
      'packages/server/src/cli/**/*.ts',
      'packages/server/bench/**/*.ts',
      'packages/server/test/check-test-logs.ts',
      '**/build.ts',
      '.ci/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
