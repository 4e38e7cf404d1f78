import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { auditCheckpointQueue } from '../src/features/audit/audit-checkpoint-job.ts';
import { auditKeysFrom, auditKeysOf } from '../src/features/audit/audit-key.ts';
import { verifyAuditTrail } from '../src/features/audit/verify-audit.ts';
import { parseCheckpointFile } from '../src/features/audit/audit-checkpoint.rules.ts';

describe('audit checkpoints on a schedule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('makes the audit key in the data folder on first start, readable by Ward alone', async () => {
    const file = path.join(t.config.dataDir, 'audit-key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    expect(key).toHaveLength(32);
    expect(auditKeysOf(t.app.db).publicKeyPem).toBe(auditKeysFrom(key).publicKeyPem);
  });

  it(
    'writes a signed checkpoint to the checkpoint folder every hour, which verify then holds the trail against',
    {
      timeout: 60_000,
    },
    async () => {
      const admin = await t.signUpStaff({ role: 'admin' });
      const chat = await t.startChat();
      await fetch(`${t.url}/api/conversations/by-reference/${chat.caseReference}`, {
        headers: { cookie: admin.cookie },
      });
      const boss = new PgBoss({
        connectionString: t.databaseUrl,
        schema: 'ward_jobs',
        supervise: false,
        schedule: false,
      });
      await boss.start();
      const dir = t.config.auditCheckpointDir;
      const written = async () => (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
      try {
        expect((await boss.getSchedules()).map((s) => [s.name, s.cron])).toContainEqual([
          auditCheckpointQueue,
          '0 * * * *',
        ]);
        await boss.send(auditCheckpointQueue, {});
        for (let attempt = 0; attempt < 100 && (await written()).length === 0; attempt++)
          await new Promise((resolve) => setTimeout(resolve, 250));
      } finally {
        await boss.stop({ graceful: false });
      }
      const [name] = await written();
      expect(name).toMatch(/^audit-checkpoint-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.json$/);
      expect((await stat(path.join(dir, name!))).mode & 0o222).toBe(0); // left read-only
      const parsed = parseCheckpointFile(await readFile(path.join(dir, name!), 'utf8'));
      expect(parsed).toMatchObject({ ok: true, checkpoints: [{ organisation: 'demo' }] });
      expect(await readFile(path.join(dir, 'audit-checkpoint-public-key.pem'), 'utf8')).toBe(
        auditKeysOf(t.app.db).publicKeyPem,
      );
      const result = await verifyAuditTrail(t.app.db, auditKeysOf(t.app.db), { checkpointDir: dir });
      expect(result.problems).toEqual([]);
      expect(result.organisations[0]).toMatchObject({ slug: 'demo', checkpoints: { count: 1 } });
    },
  );
});
