import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWard } from './support/ward-process.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

const keys = {
  WARD_KEK: `k1:${randomBytes(32).toString('base64')}`,
  WARD_INDEX_KEY: randomBytes(32).toString('base64'),
  WARD_AUDIT_KEY: randomBytes(32).toString('base64'),
};

describe('ward rights export', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp({ env: keys });
    dir = await mkdtemp(path.join(os.tmpdir(), 'ward-rights-export-'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a missing --out, an unknown reference and a malformed one, writing nothing', async () => {
    const env = { DATABASE_URL: t.databaseUrl, ...keys };
    const noOut = await runWard(['rights', 'export', 'K7QX-3M9T'], env);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('Say where to write the pack');
    const out = path.join(dir, 'unknown.zip');
    const unknown = await runWard(['rights', 'export', '0000-0000', '--out', out], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no case has the reference 0000-0000; nothing was exported');
    const malformed = await runWard(['rights', 'export', 'not-a-reference', '--out', out], env);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('"not-a-reference" is not a case reference');
    await expect(readFile(out)).rejects.toThrow();
    expect((await runWard(['--help'])).stdout).toContain('rights export CASE-REFERENCE --out FILE.zip');
  });

  it(
    "writes the pack of the case's resident, prints what it holds and audits it as the system",
    { timeout: 60_000 },
    async () => {
      const chat = await t.startChat({ name: 'Cato Commandline', email: 'cato.commandline@example.com' });
      const visitor = await t.visitorSocket(chat.visitorToken);
      await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'Command line words' });
      visitor.disconnect();
      const out = path.join(dir, 'pack.zip');
      const run = await runWard(['rights', 'export', chat.caseReference.toLowerCase(), '--out', out], {
        DATABASE_URL: t.databaseUrl,
        ...keys,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Export pack for the resident of case ${chat.caseReference} written to ${out}`);
      expect(run.stdout).toContain('  chats: 1');
      expect(run.stdout).toContain('  messages: 1');
      expect(run.stdout).toContain('report.pdf');
      expect(run.stdout).not.toContain('Cato');
      const files = unzipSync(new Uint8Array(await readFile(out)));
      const data = JSON.parse(strFromU8(files['data.json']!));
      expect(data.conversations[0]).toMatchObject({ caseReference: chat.caseReference, name: 'Cato Commandline' });
      expect(data.conversations[0].messages[0].text).toBe('Command line words');
      const audit = await t.ownerDb
        .selectFrom('audit_events')
        .select(['actor_kind', 'purpose'])
        .where('action', '=', 'export')
        .where('case_reference', '=', chat.caseReference)
        .execute();
      expect(audit).toEqual([{ actor_kind: 'system', purpose: 'rights-request' }]);
    },
  );
});
