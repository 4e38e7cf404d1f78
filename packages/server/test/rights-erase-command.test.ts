import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReferenceFromRandom, type IntakeResponse } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { caseClient } from './support/case-requests.ts';
import { runWard } from './support/ward-process.ts';
import { loadSubjectKeys } from '../src/features/crypto/subject-keys.ts';

describe('ward rights erase and ward rights replay-erasures', () => {
  const keys = {
    WARD_KEK: `k1:${randomBytes(32).toString('base64')}`,
    WARD_INDEX_KEY: randomBytes(32).toString('base64'),
    WARD_AUDIT_KEY: randomBytes(32).toString('base64'),
  };
  let t: TestApp;
  let env: Record<string, string>;
  let api: ReturnType<typeof caseClient>;
  beforeAll(async () => {
    t = await startTestApp({ env: keys });
    api = caseClient(t);
    env = { ...keys, DATABASE_URL: t.databaseUrl, WARD_DATA_DIR: t.config.dataDir };
  });
  afterAll(() => t?.close());

  it('refuses wrong arguments, and an unknown case reference, erasing nothing', { timeout: 120_000 }, async () => {
    const noReason = await runWard(['rights', 'erase', 'ABCD-1234', '--yes'], env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason TEXT');
    const misplaced = await runWard(['migrate', '--yes'], env);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('"--reason" and "--yes" go with "ward rights erase"');
    const nowhere = caseReferenceFromRandom([1, 2, 3, 4, 5, 6, 7]);
    const unknown = await runWard(['rights', 'erase', nowhere, '--reason', 'Upheld', '--yes'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`there is no case ${nowhere}: nothing was erased`);
    const notAReference = await runWard(['rights', 'erase', 'hello', '--reason', 'Upheld'], env);
    expect(notAReference.code).toBe(1);
    expect(notAReference.stderr).toContain('is not a case reference');
    expect((await runWard(['--help'])).stdout).toContain('rights erase CASE-REFERENCE --reason TEXT [--yes]');
  });

  it(
    'erases the resident of a case only with --yes, says what went and why, and replays',
    { timeout: 180_000 },
    async () => {
      const { cookie } = await api.staff('agent', ['council-tax']);
      const contact = await api.call<IntakeResponse>(
        'POST',
        '/api/intake/contacts',
        { cookie },
        {
          channel: 'phone',
          departmentId: 'council-tax',
          summary: 'Asked about a refund',
          name: 'Cora Resident',
          email: 'cora.resident@example.com',
        },
      );
      expect(contact.status).toBe(201);
      const subject = (
        await t.app.db
          .selectFrom('cases')
          .select('data_subject_id')
          .where('id', '=', contact.body.caseId)
          .executeTakeFirstOrThrow()
      ).data_subject_id;
      const keyOf = async () => (await loadSubjectKeys(t.app.db, t.app.ctx.keyring, [subject])).get(subject);

      const dry = await runWard(
        ['rights', 'erase', contact.body.caseReference.toLowerCase(), '--reason', 'Upheld'],
        env,
      );
      expect(dry.code).toBe(1);
      expect(dry.stdout).toContain('Would erase:');
      expect(dry.stdout).toContain('1 case');
      expect(dry.stdout).toContain('1 customer record');
      expect(dry.stderr).toContain('run again with --yes');
      expect(await keyOf()).not.toBeNull();

      const done = await runWard(
        ['rights', 'erase', contact.body.caseReference, '--reason', 'Erasure upheld by the DPO', '--yes'],
        env,
      );
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      expect(done.stdout).toContain(`of the resident of case ${contact.body.caseReference}`);
      expect(done.stdout).toMatch(/\d+ data keys? destroyed/);
      expect(done.stdout).not.toContain('Cora');
      expect(await keyOf()).toBeNull();
      const audit = await t.app.db
        .selectFrom('audit_events')
        .select(['actor_kind', 'reason', 'record_type'])
        .where('purpose', '=', 'rights-request')
        .where('action', '=', 'delete')
        .execute();
      expect(audit.map((a) => a.record_type)).toEqual(expect.arrayContaining(['case', 'customer_record']));
      expect(audit.every((a) => a.actor_kind === 'system')).toBe(true);
      expect(audit[0]!.reason).toContain('Erasure upheld by the DPO');

      const replay = await runWard(['rights', 'replay-erasures'], env);
      expect(replay.code).toBe(0);
      expect(replay.stdout).toContain('Replayed 1 erasure from the erasure ledger.');
      expect(replay.stdout).toContain('0 data keys destroyed again');
    },
  );
});
