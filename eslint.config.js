import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.ward-data/**', '.ci/node/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
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
    // Transport is thin: route handlers and socket handlers reach the database only through services.
    files: ['packages/server/src/transport/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/*.repository.ts'] }],
    },
  },
  {
    files: ['packages/server/src/cli/**/*.ts', 'packages/server/bench/**/*.ts', 'packages/server/test/check-test-logs.ts', '**/build.ts', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
