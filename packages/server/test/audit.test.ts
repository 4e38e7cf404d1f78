import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditPage, StaffMember } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { runWard } from './support/ward-process.ts';
import { recordAudit, systemActor } from '../src/features/audit/record-audit.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';
import { verifyAuditTrail } from '../src/features/audit/verify-audit.ts';
import { auditKeysOf } from '../src/features/audit/audit-key.ts';

const kek = `kek-audit:${randomBytes(32).toString('base64')}`;
const auditKey = randomBytes(32).toString('base64');

describe('the audit trail', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: { cookie: string; id: string };
  let agent: { cookie: string; id: string };

  const get = (path: string, cookie = admin.cookie) => fetch(`${t.url}${path}`, { headers: { cookie } });
  const signUp = async (role: 'agent' | 'admin') => {
    const { cookie } = await t.signUpStaff({ role });
    const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).json()) as { staff: StaffMember };
    return { cookie, id: me.staff.id };
  };
  const auditRows = (where = 'true', params: unknown[] = []) =>
    sql
      .query(`SELECT * FROM audit_events WHERE ${where} ORDER BY id`, params)
      .then((r) => r.rows as Array<Record<string, unknown>>);
  const wardEnv = () => ({
    DATABASE_URL: t.databaseUrl,
    WARD_KEK: kek,
    WARD_AUDIT_KEY: auditKey,
    WARD_AUDIT_CHECKPOINT_DIR: t.config.auditCheckpointDir,
  });
  const verify = () => runWard(['audit', 'verify'], wardEnv());

  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_KEK: kek, WARD_AUDIT_KEY: auditKey, WARD_AUDIT_CHECKPOINT_SCHEDULE: 'off' } });
    sql = new pg.Client({ connectionString: t.databaseUrl });
    await sql.connect();
    admin = await signUp('admin');
    agent = await signUp('agent');
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('records who opened which conversation by case reference, which fields, why, when and from where', async () => {
    const chat = await t.startChat({ name: 'Audit Resident' });
    const visitor = await t.visitorSocket(chat.visitorToken);
    await visitor.emitWithAck('message:send', { clientMessageId: randomUUID(), body: 'my bin was missed' });
    visitor.disconnect();
    const before = Date.now();
    const response = await get(`/api/conversations/by-reference/${chat.caseReference.toLowerCase()}`);
    expect(response.status).toBe(200);
    const [entry, ...more] = await auditRows('case_reference = $1', [chat.caseReference]);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor_kind: 'staff',
      actor_id: admin.id,
      actor_role: 'admin',
      action: 'read',
      record_type: 'conversation',
      record_id: chat.conversationId,
      case_reference: chat.caseReference,
      purpose: 'handle-chat',
      reason: null,
      source: '127.0.0.0',
    });
    const subject = await sql.query('SELECT data_subject_id FROM conversations WHERE id = $1', [chat.conversationId]);
    expect(entry!.data_subject_id).toBe(subject.rows[0].data_subject_id);
    expect(entry!.fields).toEqual(expect.arrayContaining(['visitor_name', 'visitor_email', 'messages.body']));
    expect((entry!.occurred_at as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Nothing of the resident's data is in it.
    const everything = JSON.stringify(await auditRows());
    for (const personal of ['Audit Resident', 'ann@example.com', 'my bin was missed'])
      expect(everything).not.toContain(personal);
    // The resident's own actions (starting the chat, writing) are not audited: only the staff read.
    expect(await auditRows('record_id = $1', [chat.conversationId])).toHaveLength(1);

    // Listing records one entry per conversation shown; an agent cannot read the audit trail.
    const count = (await auditRows()).length;
    const list = (await (await get('/api/conversations', agent.cookie)).json()) as { conversations: unknown[] };
    expect(list.conversations.length).toBeGreaterThan(0);
    expect((await auditRows()).length).toBe(count + list.conversations.length);
    expect((await get('/api/audit', agent.cookie)).status).toBe(403);
  });

  it('fails the access when the audit write fails', async () => {
    const chat = await t.startChat({ name: 'Unaudited Resident' });
    // Make every audit insert fail, as a full disk or a revoked permission would.
    await sql.query(
      `CREATE FUNCTION audit_insert_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit write failed'; END $$`,
    );
    await sql.query(
      'CREATE TRIGGER audit_insert_fails BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_insert_fails()',
    );
    try {
      const read = await get(`/api/conversations/by-reference/${chat.caseReference}`);
      expect(read.status).toBe(500);
      expect(await read.text()).not.toContain('Unaudited');
      const write = await fetch(`${t.url}/api/conversations/${chat.conversationId}/summary`, {
        method: 'PUT',
        headers: { cookie: admin.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ summary: 'Wanted a bin collected' }),
      });
      expect(write.status).toBe(500);
      const row = await sql.query('SELECT summary FROM conversations WHERE id = $1', [chat.conversationId]);
      expect(row.rows[0].summary).toBeNull(); // the change was rolled back with the audit entry
      expect(await auditRows('case_reference = $1', [chat.caseReference])).toEqual([]);
    } finally {
      await sql.query('DROP TRIGGER audit_insert_fails ON audit_events');
      await sql.query('DROP FUNCTION audit_insert_fails()');
    }
    expect((await get(`/api/conversations/by-reference/${chat.caseReference}`)).status).toBe(200);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even to the owner', async () => {
    await expect(sql.query(`UPDATE audit_events SET purpose = 'nothing'`)).rejects.toThrow(
      'audit_events is append-only',
    );
    await expect(sql.query('DELETE FROM audit_events')).rejects.toThrow('audit_events is append-only');
    await expect(sql.query('TRUNCATE audit_events')).rejects.toThrow('audit_events is append-only');
    expect((await auditRows()).length).toBeGreaterThan(0);
  });

  it('records retention deletions as the system, in the batch', async () => {
    const chat = await t.startChat({ name: 'Expired Resident' });
    await sql.query(`UPDATE conversations SET status = 'ended', ended_at = '2000-01-31T15:00:00Z' WHERE id = $1`, [
      chat.conversationId,
    ]);
    await runRetention(t.app.ctx, { now: new Date(), jobId: 'audit-test' });
    const entries = await auditRows(`case_reference = $1 AND action = 'delete'`, [chat.caseReference]);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.find((e) => (e.fields as string[]).includes('summary'))).toMatchObject({
      actor_kind: 'system',
      actor_id: 'system',
      actor_role: 'system',
      purpose: 'retention',
      source: 'system',
      record_id: chat.conversationId,
    });
  });

  it('exports filtered CSV with a header, quoted values and an attachment header; the export is audited', async () => {
    const chat = await t.startChat();
    await get(`/api/conversations/by-reference/${chat.caseReference}`, agent.cookie);
    await t.app.db.transaction().execute((tx) =>
      recordAudit(tx, {
        organisationId: t.app.ctx.organisation.id,
        actor: systemActor,
        action: 'read',
        purpose: 'rights-request',
        recordType: 'conversation',
        caseReference: chat.caseReference,
        fields: ['summary'],
        reason: 'She said "yes", =1+1',
      }),
    );
    const response = await get(`/api/audit.csv?caseReference=${chat.caseReference}&staffId=${agent.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="ward-audit-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,occurredAt,actorKind,actorId,actorRole,action,dataSubjectId,recordType,recordId,caseReference,fields,purpose,reason,source,hash',
    );
    expect(lines).toHaveLength(2); // the agent's read only: the system entry is filtered out by staffId
    expect(lines[1]).toContain(`"${agent.id}","agent","read"`);

    const all = await get(`/api/audit.csv?caseReference=${chat.caseReference}`);
    const text = await all.text();
    expect(text).toContain('"She said ""yes"", =1+1"');
    const exports = await auditRows(`action = 'export' AND record_type = 'audit_events'`);
    expect(exports.at(-1)).toMatchObject({
      actor_id: admin.id,
      purpose: 'audit-review',
      case_reference: chat.caseReference,
    });

    const json = (await (await get(`/api/audit?caseReference=${chat.caseReference}&limit=1`)).json()) as {
      events: AuditEvent[];
    };
    expect(json.events).toHaveLength(1);
    expect(json.events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await get('/api/audit?from=not-a-date')).status).toBe(400);
    expect((await get('/api/audit?limit=5000')).status).toBe(400);
    expect((await get('/api/audit?caseReference=nonsense')).status).toBe(400);
  });

  it('filters by resident (data subject), across records with and without a case reference, and pages back with before', async () => {
    const chat = await t.startChat({ name: 'Subject Resident' });
    const { rows } = await sql.query('SELECT data_subject_id FROM conversations WHERE id = $1', [chat.conversationId]);
    const subject = rows[0].data_subject_id as string;
    expect((await get(`/api/conversations/by-reference/${chat.caseReference}`, agent.cookie)).status).toBe(200);
    // A record of the same resident that names no case (as an outbox email does), and one of nobody's.
    const entry = (dataSubjectId: string | null, recordId: string) => ({
      organisationId: t.app.ctx.organisation.id,
      actor: systemActor,
      action: 'read' as const,
      purpose: 'transcript-request' as const,
      recordType: 'outbox_email',
      recordId,
      dataSubjectId,
      fields: ['to'],
    });
    await t.app.db
      .transaction()
      .execute((tx) => recordAudit(tx, [entry(subject, 'email-1'), entry(null, 'email-2'), entry(subject, 'email-3')]));

    const page = async (query: string) => {
      const response = await get(`/api/audit?${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as AuditPage;
    };
    const all = await page(`dataSubjectId=${subject}`);
    expect(all.events.map((e) => e.recordId)).toEqual(['email-3', 'email-1', chat.conversationId]);
    expect(all.events.every((e) => e.dataSubjectId === subject)).toBe(true);
    expect(all.nextBefore).toBeNull();
    expect(all.residentCaseReferences).toEqual([chat.caseReference]);
    expect((await page(`caseReference=${chat.caseReference}`)).events.map((e) => e.recordId)).toEqual([
      chat.conversationId,
    ]);
    // Reading a resident's trail is itself an entry about that resident.
    const reviews = await auditRows(`record_type = 'audit_events' AND data_subject_id = $1`, [subject]);
    expect(reviews.at(-1)).toMatchObject({
      actor_id: admin.id,
      purpose: 'audit-review',
      reason: `filters: dataSubjectId=${subject}; 3 entries`,
    });

    // Paging: two at a time, newest first, each page older than the last, nothing twice, nothing missed.
    const seen: number[] = [];
    let before: number | null = null;
    let first: AuditPage | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const current: AuditPage = await page(
        `dataSubjectId=${subject}&limit=2${before === null ? '' : `&before=${before}`}`,
      );
      first ??= current;
      expect(current.events.length).toBeLessThanOrEqual(2);
      seen.push(...current.events.map((e) => e.id));
      before = current.nextBefore;
      if (before === null) break;
      expect(before).toBe(current.events.at(-1)?.id);
    }
    const expected = (await auditRows('data_subject_id = $1 AND id <= $2', [subject, first!.events[0]!.id]))
      .map((r) => Number(r.id))
      .reverse();
    expect(seen).toEqual(expected);
    expect(expected).toHaveLength(4); // the three above and the review of them: two full pages, the second the last

    expect((await get('/api/audit?dataSubjectId=nobody')).status).toBe(400);
    expect((await get('/api/audit?before=0')).status).toBe(400);
    expect((await get('/api/audit?before=abc')).status).toBe(400);
    const csv = await get(`/api/audit.csv?dataSubjectId=${subject}&limit=1`);
    expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('keeps the chain strict when many accesses are audited at once', async () => {
    const chat = await t.startChat();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        get(`/api/conversations/by-reference/${chat.caseReference}`, i % 2 ? admin.cookie : agent.cookie),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const verification = await verifyAuditTrail(t.app.db, auditKeysOf(t.app.db));
    expect(verification.problems).toEqual([]);
    expect(verification.organisations[0]?.verdict.ok).toBe(true);
  });

  it(
    'ward audit verify passes on a real run and finds the first edited, deleted or swapped entry',
    // About ten `ward` processes in turn: on a busy two-core machine each may take several seconds to start.
    { timeout: 240_000 },
    async () => {
      const ok = await verify();
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      const total = (await auditRows()).length;
      expect(ok.stdout).toMatch(new RegExp(`^OK: demo: ${total} entries verified, head #\\d+ [0-9a-f]{64}$`, 'm'));
      const checkpoint = await runWard(['audit', 'checkpoint'], wardEnv());
      expect(checkpoint.stdout).toMatch(new RegExp(`^demo: ${total} entries, head #\\d+ hash [0-9a-f]{64}$`, 'm'));
      expect(checkpoint.stdout).toContain(`Signed checkpoint written to ${t.config.auditCheckpointDir}`);
      expect((await verify()).stdout).toMatch(/^OK: demo: holds against 1 signed checkpoint/m);

      // An attacker with the owner's rights first switches the protection off.
      await sql.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await sql.query('CREATE TEMP TABLE saved AS SELECT * FROM audit_events');
      const columns =
        'occurred_at, actor_kind, actor_id, actor_role, action, data_subject_id, record_type, record_id, case_reference, fields, purpose, reason, source, prev_hash, hash, seq, format';
      const restore = (id: number) =>
        sql.query(
          `UPDATE audit_events a SET (${columns}) = (SELECT ${columns} FROM saved b WHERE b.id = a.id) WHERE a.id = $1`,
          [id],
        );
      const ids = (await auditRows()).map((r) => Number(r.id));
      const [, second, third, fourth] = ids as [number, number, number, number];

      await sql.query(`UPDATE audit_events SET purpose = 'retention', reason = 'nothing to see' WHERE id = $1`, [
        third,
      ]);
      const edited = await verify();
      expect(edited.code).toBe(1);
      expect(edited.stdout).toMatch(
        new RegExp(`^BROKEN: demo: entry #${third} \\(number \\d+\\): its contents do not match its keyed hash`, 'm'),
      );
      await restore(third);
      expect((await verify()).code).toBe(0);

      await sql.query('DELETE FROM audit_events WHERE id = $1', [second]);
      const deleted = await verify();
      expect(deleted.code).toBe(1);
      expect(deleted.stdout).toMatch(
        new RegExp(
          `^BROKEN: demo: entry #${third} \\(number \\d+\\): entry number \\d+ is missing before it \\(deleted`,
          'm',
        ),
      );
      await sql.query('INSERT INTO audit_events SELECT * FROM saved WHERE id = $1', [second]);
      expect((await verify()).code).toBe(0);

      // Two rows' contents swapped (everything but the id and number, hashes included).
      const contents = columns.replace(', seq', '');
      await sql.query(
        `UPDATE audit_events a SET (${contents}) = (SELECT ${contents} FROM saved b WHERE b.id = CASE WHEN a.id = $1::bigint THEN $2::bigint ELSE $1::bigint END)
       WHERE a.id IN ($1, $2)`,
        [second, fourth],
      );
      const swapped = await verify();
      expect(swapped.code).toBe(1);
      expect(swapped.stdout).toContain(`BROKEN: demo: entry #${second} (number`);
      await restore(second);
      await restore(fourth);
      await sql.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      expect((await verify()).code).toBe(0);
    },
  );
});
