import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultOrganisation } from '../src/shared/organisation-settings.ts';
import { runWard } from './support/ward-process.ts';
import { createTestDatabase } from './support/test-database.ts';

describe('ward ropa', () => {
  it('refuses a format it does not know, and --format on another command', async () => {
    const bad = await runWard(['ropa', '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"--format" is md or csv (got "pdf")');
    const elsewhere = await runWard(['migrate', '--format', 'csv']);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('"--format" goes with "ward ropa"');
    expect((await runWard(['--help'])).stdout).toContain('ropa [--format md|csv]');
  });

  it(
    'prints the record of processing with the retention periods set in the organisation file',
    { timeout: 120_000 },
    async () => {
      const database = await createTestDatabase();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-ropa-'));
      try {
        const organisationFile = path.join(dir, 'organisation.json');
        await writeFile(
          organisationFile,
          JSON.stringify({
            slug: 'demo',
            name: 'Northshire District Council',
            settings: {
              topics: defaultOrganisation.settings.topics,
              retention: { 'chat-transcripts': { days: 45 } },
            },
          }),
        );
        const env = {
          DATABASE_URL: database.url,
          WARD_KEK: `k1:${randomBytes(32).toString('base64')}`,
          WARD_INDEX_KEY: randomBytes(32).toString('base64'),
          WARD_AUDIT_KEY: randomBytes(32).toString('base64'),
          WARD_ORGANISATION_FILE: organisationFile,
        };
        expect((await runWard(['migrate'], env)).code).toBe(0);
        const markdown = await runWard(['ropa'], env);
        expect(markdown.stderr).toBe('');
        expect(markdown.code).toBe(0);
        expect(markdown.stdout).toContain('# Record of processing activities: Northshire District Council');
        expect(markdown.stdout).toMatch(
          /\| Chat transcripts \| [^|]+ \| 45 days after the chat ended, then deleted \|/,
        );
        const csv = await runWard(['ropa', '--format', 'csv'], env);
        expect(csv.code).toBe(0);
        expect(csv.stdout.split('\r\n')[0]).toBe('"section","item","detail","basis or retention"');
        expect(csv.stdout).toContain('"45 days after the chat ended, then deleted"');
        expect(csv.stdout).toContain(
          '"purpose","Handling residents’ data protection rights requests","","Legal obligation"',
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
        await database.drop();
      }
    },
  );
});
