import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const server = 'packages/server/src';

/**
 * The order of the server's features (ADR 19), bottom first. A feature imports only features on
 * lower rows; features on one row do not import each other. `shared/` sits below them all.
 */
export const featureOrder = [
  ['crypto', 'redaction', 'audit', 'access', 'limits', 'contact-events'],
  ['organisations', 'mail', 'consents'],
  ['staff'],
  ['records'],
  ['cases'],
  ['conversations'],
  ['routing'],
  ['emails', 'forms', 'transcripts', 'api-keys', 'webhooks', 'reports'],
  // Supervision composes conversations, cases and the wallboard's figures; nothing depends on it (ADR 42).
  ['supervision'],
  ['left-messages'],
  ['retention'],
  ['rights', 'processing'],
];

// Pure code (rules, the protocol) does no IO.
const pure = [
  { group: ['node:*', 'pg', 'kysely', 'fastify', 'socket.io'], message: 'Pure code does no IO.' },
  { group: ['**/db/**', '**/*.repository.ts'], message: 'Pure code does no IO: pass the data in.' },
];

const repositoryImport = {
  group: ['**/*.repository.ts'],
  message: 'Transport reaches the database only through a feature verb.',
};

/** Features on the same row as `feature` or above it: what it must not import. */
function notBelow(feature) {
  const row = featureOrder.findIndex((names) => names.includes(feature));
  const above = featureOrder.slice(row).flat();
  const forbidden = above.filter((name) => name !== feature);
  return {
    regex: `(^\\.\\.|/features)/(${forbidden.join('|')})/`,
    message: `features/${feature} imports only the features below it (ADR 19, docs/ARCHITECTURE.md): move the shared part down, or compose in a feature above both.`,
  };
}

const outward = [
  {
    regex: '(^|/)(config(\\.ts)?|app(\\.ts)?|transport/.*|cli/.*)$',
    message: 'Features take configuration values passed in and know nothing of transport or the command line.',
  },
];

/**
 * Repositories own SQL and sealing (ADR 19): Kysely values and the envelope and subject keys are
 * used only in *.repository.ts, db/ and features/crypto/. Types (`import type { Tx }`) are fine.
 */
const dataAccess = [
  {
    group: ['kysely'],
    allowTypeImports: true,
    message: 'SQL belongs in a *.repository.ts function taking the db or transaction first.',
  },
  {
    group: ['**/crypto/subject-keys.ts', '**/crypto/envelope.ts'],
    allowTypeImports: true,
    message: 'Sealing and opening personal data belongs in a *.repository.ts function.',
  },
];
const queryBuilderCall = {
  selector:
    'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|mergeInto)$/]',
  message: 'SQL belongs in a *.repository.ts function taking the db or transaction first.',
};
const sqlTemplate = {
  selector: 'TaggedTemplateExpression[tag.name="sql"], TaggedTemplateExpression[tag.object.name="sql"]',
  message: 'SQL belongs in a *.repository.ts function taking the db or transaction first.',
};
const dataAccessOwners = [`${server}/**/*.repository.ts`, `${server}/db/**`, `${server}/features/crypto/**`];

const featureNames = featureOrder.flat();

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
    // Pure rules never do IO; the protocol package has no IO at all.
    files: ['**/*.rules.ts', 'packages/protocol/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: pure }] },
  },
  {
    files: [`${server}/transport/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [repositoryImport] }] },
  },
  // The feature order, one block per feature (its *.rules.ts files also stay pure).
  ...featureNames.flatMap((feature) => [
    {
      files: [`${server}/features/${feature}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [notBelow(feature), ...outward] }] },
    },
    {
      files: [`${server}/features/${feature}/**/*.rules.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [notBelow(feature), ...outward, ...pure] }] },
    },
  ]),
  {
    files: [`${server}/**/*.ts`],
    ignores: dataAccessOwners,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: dataAccess }],
      'no-restricted-syntax': ['error', queryBuilderCall, sqlTemplate],
    },
  },
  {
    // shared/ and config.ts sit below every feature: at most the composition types of service-context.ts.
    files: [`${server}/shared/**/*.ts`, `${server}/config.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...dataAccess,
            {
              group: ['**/features/**', '**/transport/**'],
              allowTypeImports: true,
              message: 'shared/ and config.ts sit below the features: move the piece here, or pass it in.',
            },
          ],
        },
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
      'packages/server/chaos/**/*.ts',
      'packages/server/test/check-test-logs.ts',
      '**/build.ts',
      'packages/console/check-budget.ts',
      'scripts/**/*.ts',
      '.ci/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
