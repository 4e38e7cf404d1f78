import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { runWard } from './support/ward-process.ts';
import { recordAudit, type AuditEntry } from '../src/features/audit/record-audit.ts';
import { auditKeysFrom } from '../src/features/audit/audit-key.ts';
import { verifyAuditTrail } from '../src/features/audit/verify-audit.ts';
import { writeAuditCheckpoint } from '../src/features/audit/write-audit-checkpoint.ts';
import { chainPage, toChainedEntry } from '../src/features/audit/audit.repository.ts';
import { entryHash, genesisHash, type ChainHashes } from '../src/features/audit/audit-chain.rules.ts';

/**
 * Someone with the database owner's rights (the protection triggers switched off) tampers with
 * the audit trail in every way we could think of; `ward audit verify` must say so each time, in
 * plain words, and an untouched trail must verify. Each case starts from the same saved trail.
 */
const auditKey = randomBytes(32);
const keys = auditKeysFrom(auditKey);
const plainSha256: ChainHashes = {
  v1: (d) => createHash('sha256').update(d).digest(),
  v2: (d) => createHash('sha256').update(d).digest(),
};
const wrongKey: ChainHashes = { ...plainSha256, v2: (d) => createHmac('sha256', randomBytes(32)).update(d).digest() };

describe('a tampered audit trail', () => {
  let t: TestApp;
  let sql: pg.Client;
  let demo: string;
  let other: string;
  let ids: number[];
  let otherIds: number[];
  let checkpointFile: string;

  const verify = (checkpointFiles: string[] = []) =>
    verifyAuditTrail(t.app.db, keys, { checkpointDir: t.config.auditCheckpointDir, checkpointFiles });
  const idAt = (seq: number) => ids[seq - 1]!;
  const last = () => ids.length;

  /** Rewrites hashes (and the format) from entry number `fromSeq` on, as an attacker without the key would. */
  async function rehashFrom(organisationId: string, fromSeq: number, hashes: ChainHashes, format: 1 | 2 = 2) {
    let prev = genesisHash;
    for (const entry of (await chainPage(t.ownerDb, organisationId, 0, 10_000)).map(toChainedEntry)) {
      if (entry.seq < fromSeq) {
        prev = entry.hash;
        continue;
      }
      const hash = entryHash(hashes, prev, { ...entry, format }, entry.storedTime);
      await sql.query('UPDATE audit_events SET prev_hash = $1, hash = $2, format = $3 WHERE id = $4', [
        Buffer.from(prev),
        Buffer.from(hash),
        format,
        entry.id,
      ]);
      prev = hash;
    }
  }

  beforeAll(async () => {
    // No scheduled checkpoint in the middle of a tampered case.
    t = await startTestApp({
      env: { WARD_AUDIT_KEY: auditKey.toString('base64'), WARD_AUDIT_CHECKPOINT_SCHEDULE: 'off' },
    });
    sql = new pg.Client({ connectionString: t.databaseUrl });
    await sql.connect();
    demo = t.app.ctx.organisation.id;
    other = (
      await sql.query<{ id: string }>(
        `INSERT INTO organisations (slug, name, settings) VALUES ('other-council', 'Other Council', '{}') RETURNING id`,
      )
    ).rows[0]!.id;
    const staffId = randomUUID();
    const entry = (organisationId: string, i: number): AuditEntry => ({
      organisationId,
      actor: { kind: 'staff', id: staffId, role: 'agent', source: '203.0.113.0' },
      action: 'read',
      purpose: 'review-contact',
      recordType: 'conversation',
      recordId: randomUUID(),
      dataSubjectId: randomUUID(),
      caseReference: `4K7M-9P${i}X`,
      fields: ['visitor_name', 'summary'],
      reason: `checking contact ${i}`,
    });
    // A real access too: reading a chat by its case reference.
    const admin = await t.signUpStaff({ role: 'admin' });
    const chat = await t.startChat();
    const read = await fetch(`${t.url}/api/conversations/by-reference/${chat.caseReference}`, {
      headers: { cookie: admin.cookie },
    });
    expect(read.status).toBe(200);
    for (let i = 0; i < 8; i++) await t.app.db.transaction().execute((tx) => recordAudit(tx, entry(demo, i)));
    for (let i = 0; i < 3; i++) await t.app.db.transaction().execute((tx) => recordAudit(tx, entry(other, i)));
    const rows = async (organisationId: string) =>
      (
        await sql.query<{ id: number }>('SELECT id FROM audit_events WHERE organisation_id = $1 ORDER BY seq', [
          organisationId,
        ])
      ).rows.map((r) => Number(r.id));
    ids = await rows(demo);
    otherIds = await rows(other);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    checkpointFile = (await writeAuditCheckpoint(t.app.db, keys, { dir: t.config.auditCheckpointDir })).file;

    // The attacker: the owner, with the append-only triggers off. The trail is saved to restore between cases.
    await sql.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await sql.query('CREATE TEMP TABLE saved AS SELECT * FROM audit_events');
  });
  afterAll(async () => {
    await sql?.query('ALTER TABLE audit_events ENABLE TRIGGER USER').catch(() => undefined);
    await sql?.end();
    await t?.close();
  });

  const restore = async () => {
    await sql.query('DELETE FROM audit_events');
    await sql.query('INSERT INTO audit_events SELECT * FROM saved');
  };

  // Each case starts from the saved trail, whatever happened in the one before.
  afterEach(async () => {
    if (sql) await restore();
  });

  it('verifies when untouched, against its signed checkpoint', async () => {
    const result = await verify();
    expect(result.problems).toEqual([]);
    expect(result.checkpointFiles).toEqual([checkpointFile]);
    const verdicts = Object.fromEntries(result.organisations.map((o) => [o.slug, o]));
    expect(verdicts.demo).toMatchObject({ verdict: { ok: true, count: ids.length }, checkpoints: { count: 1 } });
    expect(verdicts['other-council']).toMatchObject({ verdict: { ok: true, count: 3 }, checkpoints: { count: 1 } });
  });

  const changed = (seq: number) =>
    new RegExp(`^demo: entry #\\d+ \\(number ${seq}\\): its contents do not match its keyed hash`);
  const edits: Array<[string, string, unknown[]]> = [
    ['the actor', 'actor_id = $2', [randomUUID()]],
    ['the actor kind', "actor_kind = 'system'", []],
    ['the actor role', "actor_role = 'admin'", []],
    ['the action', "action = 'delete'", []],
    ['the data subject', 'data_subject_id = $2', [randomUUID()]],
    ['the record type', "record_type = 'case'", []],
    ['the record id', 'record_id = $2', [randomUUID()]],
    ['the case reference', "case_reference = 'ZZZZ-ZZZZ'", []],
    ['the fields', "fields = ARRAY['visitor_name']", []],
    ['the purpose', "purpose = 'retention'", []],
    ['the reason', "reason = 'routine'", []],
    ['the source', "source = '198.51.100.0'", []],
    ['the time, by a second', "occurred_at = occurred_at - interval '1 second'", []],
  ];
  for (const [what, set, params] of edits)
    it(`reports ${what} changed`, async () => {
      await sql.query(`UPDATE audit_events SET ${set} WHERE id = $1`, [idAt(5), ...params]);
      expect((await verify()).problems[0]).toMatch(changed(5));
      await restore();
    });

  it('reports a time moved by less than a millisecond', async () => {
    await sql.query(`UPDATE audit_events SET occurred_at = occurred_at + interval '400 microseconds' WHERE id = $1`, [
      idAt(4),
    ]);
    expect((await verify()).problems[0]).toMatch(changed(4));
    await restore();
  });

  it('reports an edit rehashed, with everything after it, with plain SHA-256 or another key', async () => {
    for (const hashes of [plainSha256, wrongKey]) {
      await sql.query(`UPDATE audit_events SET purpose = 'retention' WHERE id = $1`, [idAt(3)]);
      await rehashFrom(demo, 3, hashes);
      expect((await verify()).problems[0]).toBe(
        `demo: entry #${idAt(3)} (number 3): its contents do not match its keyed hash (the entry was changed, or rehashed without the audit key) (2 entries before it verified)`,
      );
      await restore();
    }
  });

  it('reports an edit rehashed in the old unkeyed format', async () => {
    await sql.query(`UPDATE audit_events SET purpose = 'retention' WHERE id = $1`, [idAt(3)]);
    await rehashFrom(demo, 3, plainSha256, 1);
    expect((await verify()).problems[0]).toBe(
      `demo: entry #${idAt(3)} (number 3): it is in the old unkeyed format after keyed entries: it was forged or rewritten (2 entries before it verified)`,
    );
    await restore();
  });

  it('reports the whole trail rewritten in the old unkeyed format, against the checkpoint', async () => {
    await sql.query(`UPDATE audit_events SET purpose = 'retention' WHERE id = $1`, [idAt(3)]);
    await rehashFrom(demo, 1, plainSha256, 1);
    expect((await verify()).problems).toEqual([
      `demo: entry number ${last()} is not the one the checkpoint of ${await checkpointAt()} saw (#${idAt(last())}): the trail was rewritten (checkpoint file ${path.basename(checkpointFile)})`,
    ]);
    await restore();
  });
  const checkpointAt = async () =>
    (JSON.parse(await readFile(checkpointFile, 'utf8')) as { checkpoints: Array<{ at: string }> }).checkpoints[0]!.at;

  it('reports the first entry deleted', async () => {
    await sql.query('DELETE FROM audit_events WHERE id = $1', [idAt(1)]);
    expect((await verify()).problems[0]).toBe(
      `demo: entry #${idAt(2)} (number 2): entry number 1 is missing before it (deleted, moved or reordered) (0 entries before it verified)`,
    );
    await restore();
  });

  it('reports a middle entry deleted, and deleted with the rest renumbered and rehashed', async () => {
    await sql.query('DELETE FROM audit_events WHERE id = $1', [idAt(4)]);
    expect((await verify()).problems[0]).toMatch(/^demo: entry #\d+ \(number 5\): entry number 4 is missing before it/);
    await sql.query('UPDATE audit_events SET seq = seq + 100000 WHERE organisation_id = $1 AND seq > 4', [demo]);
    await sql.query('UPDATE audit_events SET seq = seq - 100001 WHERE organisation_id = $1 AND seq > 100000', [demo]);
    await rehashFrom(demo, 4, plainSha256);
    expect((await verify()).problems[0]).toMatch(
      new RegExp(`^demo: entry #${idAt(5)} \\(number 4\\): its contents do not match its keyed hash`),
    );
    await restore();
  });

  it('reports the last entry, and the last three, deleted against the checkpoint', async () => {
    const at = await checkpointAt();
    const file = path.basename(checkpointFile);
    await sql.query('DELETE FROM audit_events WHERE id = $1', [idAt(last())]);
    expect((await verify()).problems).toEqual([
      `demo: the trail has ${last() - 1} entries, but the checkpoint of ${at} saw ${last()}: the last entry was deleted (checkpoint file ${file})`,
    ]);
    await sql.query('DELETE FROM audit_events WHERE id = ANY($1)', [ids.slice(-3)]);
    expect((await verify()).problems).toEqual([
      `demo: the trail has ${last() - 3} entries, but the checkpoint of ${at} saw ${last()}: the last 3 entries were deleted (checkpoint file ${file})`,
    ]);
    await restore();
  });

  it('reports the whole trail emptied, for every organisation', async () => {
    await sql.query('DELETE FROM audit_events');
    const { problems } = await verify();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^demo: the trail is empty, but the checkpoint of .* saw \d+ entries: every entry was deleted/,
    );
    expect(problems[1]).toMatch(
      /^other-council: the trail is empty, but the checkpoint of .* saw 3 entries: every entry/,
    );
    await restore();
  });

  it('reports a forged entry added at the end, linked and numbered in turn', async () => {
    const next = last() + 1;
    await sql.query(
      `INSERT INTO audit_events (organisation_id, occurred_at, actor_kind, actor_id, actor_role, action, data_subject_id, record_type, record_id, case_reference, fields, purpose, reason, source, prev_hash, hash, seq, format)
       SELECT organisation_id, now(), actor_kind, actor_id, actor_role, 'export', data_subject_id, record_type, record_id, case_reference, fields, purpose, reason, source, hash, hash, $2, 2
       FROM audit_events WHERE id = $1`,
      [idAt(last()), next],
    );
    await rehashFrom(demo, next, wrongKey);
    expect((await verify()).problems[0]).toMatch(
      new RegExp(`^demo: entry #\\d+ \\(number ${next}\\): its contents do not match its keyed hash`),
    );
    await restore();
  });

  it('reports two entries reordered', async () => {
    await sql.query('UPDATE audit_events SET id = -1 WHERE id = $1', [idAt(3)]);
    await sql.query('UPDATE audit_events SET id = $1 WHERE id = $2', [idAt(3), idAt(6)]);
    await sql.query('UPDATE audit_events SET id = $1 WHERE id = -1', [idAt(6)]);
    expect((await verify()).problems[0]).toBe(
      `demo: entry #${idAt(3)} (number 6): entries number 3 to 5 are missing before it (deleted, moved or reordered) (2 entries before it verified)`,
    );
    await restore();
  });

  it('reports an entry moved to another organisation, in both', async () => {
    await sql.query('UPDATE audit_events SET organisation_id = $1, seq = 4 WHERE id = $2', [other, idAt(last())]);
    const { problems } = await verify();
    // It sits before the other organisation's own entries (a lower id), where its number is out of place.
    expect(problems[0]).toBe(
      `other-council: entry #${idAt(last())} (number 4): entries number 1 to 3 are missing before it (deleted, moved or reordered) (0 entries before it verified)`,
    );
    expect(problems[1]).toMatch(
      /^demo: the trail has \d+ entries, but the checkpoint of .*: the last entry was deleted/,
    );
    await restore();
    await sql.query('UPDATE audit_events SET organisation_id = $1, seq = 4 WHERE id = $2', [other, idAt(2)]);
    expect((await verify()).problems[0]).toMatch(/^demo: entry #\d+ \(number 3\): entry number 2 is missing before it/);
    await restore();
    expect(otherIds).toHaveLength(3);
  });

  it('reports a checkpoint whose signature does not verify, and a file that is not a checkpoint', async () => {
    const forged = path.join(path.dirname(checkpointFile), 'kept-elsewhere-forged.json');
    const content = JSON.parse(await readFile(checkpointFile, 'utf8')) as { checkpoints: Array<{ count: number }> };
    content.checkpoints[0]!.count = 2;
    await writeFile(forged, JSON.stringify(content));
    const notOne = path.join(path.dirname(checkpointFile), 'notes.json');
    await writeFile(notOne, '{"hello": "world"}');
    expect((await verify([forged, notOne])).problems).toEqual([
      `checkpoint file kept-elsewhere-forged.json, demo: its signature does not verify (the file was changed, or signed with another audit key)`,
      'checkpoint file notes.json: it is not a Ward audit checkpoint file',
    ]);
  });

  it('the ward command exits 0 on the intact trail and 1 with the problem, checking a checkpoint kept elsewhere', async () => {
    const env = {
      DATABASE_URL: t.databaseUrl,
      WARD_AUDIT_KEY: auditKey.toString('base64'),
      WARD_AUDIT_CHECKPOINT_DIR: path.join(t.config.dataDir, 'empty-checkpoint-folder'),
    };
    const kept = path.join(t.config.dataDir, 'kept-elsewhere.json');
    await copyFile(checkpointFile, kept);
    const ok = await runWard(['audit', 'verify', '--checkpoint', kept], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`OK: demo: ${last()} entries verified`);
    expect(ok.stdout).toContain('OK: demo: holds against 1 signed checkpoint');

    await sql.query('DELETE FROM audit_events WHERE id = ANY($1)', [ids.slice(-3)]);
    const broken = await runWard(['audit', 'verify', '--checkpoint', kept], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /^BROKEN: demo: the trail has \d+ entries, but the checkpoint of .* the last 3 entries were deleted/m,
    );
    // Without the checkpoint the shortened chain looks whole: which is why checkpoints are kept elsewhere.
    const unchecked = await runWard(['audit', 'verify'], env);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toContain('Note: no checkpoints in');
    await restore();

    const wrongKeyRun = await runWard(['audit', 'verify'], {
      ...env,
      WARD_AUDIT_KEY: randomBytes(32).toString('base64'),
    });
    expect(wrongKeyRun.code).toBe(1);
    expect(wrongKeyRun.stdout).toMatch(
      /^BROKEN: demo: entry #\d+ \(number 1\): its contents do not match its keyed hash/m,
    );
    // Four `ward` processes, each starting Node and reading the trail: seconds each on a busy machine.
  }, 120_000);
});
