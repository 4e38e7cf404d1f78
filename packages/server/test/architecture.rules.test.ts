import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The architecture rules of eslint.config.js (ADR 19), checked on snippets placed where a file would sit.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const server = 'packages/server/src';
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
});

/** The rules that fired on `code` as if it were the file at `file`. */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, server, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the feature order', () => {
  it('refuses a feature importing one above it', async () => {
    const code =
      "import { canAgentSee } from '../conversations/conversation.rules.ts';\nexport const x = canAgentSee;\n";
    expect(await rulesBroken('features/audit/x.ts', code)).toEqual(['no-restricted-imports']);
    expect(await rulesBroken('features/cases/x.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('refuses two features of one row importing each other', async () => {
    const code = "import { submitForm } from '../forms/submit-form.ts';\nexport const x = submitForm;\n";
    expect(await rulesBroken('features/emails/x.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('lets a feature import the features below it, and pure rules stay pure', async () => {
    const code = "import { openCase } from '../cases/open-case.ts';\nexport const x = openCase;\n";
    expect(await rulesBroken('features/conversations/x.ts', code)).toEqual([]);
    const io = "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n";
    expect(await rulesBroken('features/conversations/x.rules.ts', io)).toEqual(['no-restricted-imports']);
  });

  it('lets every channel write contact events, and reports read what is below them but write no channel', async () => {
    const writer =
      "import { recordContactEvents } from '../contact-events/contact-events.repository.ts';\nexport const x = recordContactEvents;\n";
    for (const feature of ['cases', 'conversations', 'forms', 'emails'])
      expect(await rulesBroken(`features/${feature}/x.repository.ts`, writer)).toEqual([]);
    const scope = "import { reportScopeOf } from '../access/access.rules.ts';\nexport const x = reportScopeOf;\n";
    expect(await rulesBroken('features/reports/x.ts', scope)).toEqual([]);
    const form = "import { submitForm } from '../forms/submit-form.ts';\nexport const x = submitForm;\n";
    expect(await rulesBroken('features/reports/x.ts', form)).toEqual(['no-restricted-imports']);
    const report =
      "import { readReportSummary } from '../reports/read-report.ts';\nexport const x = readReportSummary;\n";
    expect(await rulesBroken('features/contact-events/x.ts', report)).toEqual(['no-restricted-imports']);
  });

  it('keeps configuration out of features and features out of config.ts and shared/', async () => {
    const config = "import { loadConfig } from '../../config.ts';\nexport const x = loadConfig;\n";
    expect(await rulesBroken('features/crypto/x.ts', config)).toEqual(['no-restricted-imports']);
    const feature = "import { readyForms } from './features/forms/x.ts';\nexport const x = readyForms;\n";
    expect(await rulesBroken('config.ts', feature)).toEqual(['@typescript-eslint/no-restricted-imports']);
    const typeOnly = "import type { Keyring } from '../features/crypto/keyring.ts';\nexport type X = Keyring;\n";
    expect(await rulesBroken('shared/x.ts', typeOnly)).toEqual([]);
  });
});

describe('repositories own SQL and sealing', () => {
  it('refuses Kysely imported outside a repository, but not its types', async () => {
    const code = "import { sql } from 'kysely';\nexport const now = sql`now()`;\n";
    expect(await rulesBroken('features/cases/x.ts', code)).toEqual([
      '@typescript-eslint/no-restricted-imports',
      'no-restricted-syntax',
    ]);
    expect(await rulesBroken('features/cases/x.repository.ts', code)).toEqual([]);
    const types = "import type { Transaction } from 'kysely';\nexport type T = Transaction<object>;\n";
    expect(await rulesBroken('features/cases/x.ts', types)).toEqual([]);
  });

  it('refuses a query built in a verb file', async () => {
    const code =
      "import type { Tx } from '../../db/client.ts';\n" +
      "export const x = (tx: Tx) => tx.selectFrom('cases').selectAll().execute();\n";
    expect(await rulesBroken('features/cases/x.ts', code)).toEqual(['no-restricted-syntax']);
    expect(await rulesBroken('features/cases/cases.repository.ts', code)).toEqual([]);
  });

  it('refuses sealing personal data outside a repository', async () => {
    const code = "import { sealField } from '../crypto/subject-keys.ts';\nexport const x = sealField;\n";
    expect(await rulesBroken('features/records/x.ts', code)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesBroken('features/records/x.repository.ts', code)).toEqual([]);
  });

  it('keeps repositories out of transport', async () => {
    const code = "import { findCase } from '../../features/cases/cases.repository.ts';\nexport const x = findCase;\n";
    expect(await rulesBroken('transport/http/x.ts', code)).toEqual(['no-restricted-imports']);
  });
});
