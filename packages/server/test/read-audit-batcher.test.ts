import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { auditKeysOf } from '../src/features/audit/audit-key.ts';
import { verifyAuditTrail } from '../src/features/audit/verify-audit.ts';

// Staff's reads are audited many to a transaction (read-audit-batcher.ts): each read must still have
// its own entry, the chain must verify, and a read whose entry cannot be written shows nothing.
describe('staff reading many chats at once', () => {
  let t: TestApp;
  let sql: pg.Client;
  let cookie: string;
  const read = (conversationId: string) =>
    fetch(`${t.url}/api/conversations/${conversationId}`, { headers: { cookie } });
  const readEntries = async (conversationId: string) =>
    (await sql.query(`SELECT id FROM audit_events WHERE record_id = $1 AND action = 'read'`, [conversationId])).rows
      .length;

  beforeAll(async () => {
    t = await startTestApp({ env: { WARD_AUDIT_CHECKPOINT_SCHEDULE: 'off' } });
    sql = new pg.Client({ connectionString: t.databaseUrl });
    await sql.connect();
    ({ cookie } = await t.signUpStaff({ role: 'admin' }));
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('gives each of forty reads at once its own entry, in a trail that verifies', async () => {
    const chats = await Promise.all(Array.from({ length: 40 }, (_, i) => t.startChat({ name: `Reader Test ${i}` })));
    const responses = await Promise.all(chats.map((chat) => read(chat.conversationId)));
    expect(responses.map((r) => r.status)).toEqual(chats.map(() => 200));
    expect(await Promise.all(chats.map((chat) => readEntries(chat.conversationId)))).toEqual(chats.map(() => 1));
    const verification = await verifyAuditTrail(t.app.db, auditKeysOf(t.app.db));
    expect(verification.problems).toEqual([]);
  });

  it('shows nothing of a chat whose read cannot be audited, and the reads beside it still work', async () => {
    const chats = await Promise.all(Array.from({ length: 10 }, () => t.startChat({ name: 'Unauditable Qwzx' })));
    const refused = chats[4]!.conversationId;
    await sql.query(
      `CREATE FUNCTION refuse_one_read() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.record_id = '${refused}' THEN RAISE EXCEPTION 'audit write failed'; END IF; RETURN NEW; END $$`,
    );
    await sql.query(
      'CREATE TRIGGER refuse_one_read BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_one_read()',
    );
    try {
      const responses = await Promise.all(chats.map((chat) => read(chat.conversationId)));
      const refusedResponse = responses[4]!;
      expect(refusedResponse.status).toBeGreaterThanOrEqual(500);
      expect(await refusedResponse.text()).not.toContain('Qwzx');
      expect(responses.filter((r) => r.status === 200)).toHaveLength(9);
      expect(await readEntries(refused)).toBe(0);
      expect(await Promise.all(chats.map((chat) => readEntries(chat.conversationId)))).toEqual(
        chats.map((chat) => (chat.conversationId === refused ? 0 : 1)),
      );
    } finally {
      await sql.query('DROP TRIGGER refuse_one_read ON audit_events');
      await sql.query('DROP FUNCTION refuse_one_read()');
    }
  });
});
