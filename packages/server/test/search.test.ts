import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, StaffMember } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { runRetention } from '../src/features/retention/run-retention.ts';
import { blindIndex } from '../src/features/crypto/blind-index.ts';

describe('searching conversations through blind indexes', () => {
  let t: TestApp;
  let admin: { cookie: string; id: string };
  let agentA: { cookie: string; id: string };
  let agentB: { cookie: string; id: string };

  const signUp = async (role: 'agent' | 'admin') => {
    const { cookie } = await t.signUpStaff({ role });
    const me = (await (await fetch(`${t.url}/api/auth/me`, { headers: { cookie } })).json()) as { staff: StaffMember };
    return { cookie, id: me.staff.id };
  };
  const search = async (params: Record<string, string>, cookie = admin.cookie) => {
    const response = await fetch(`${t.url}/api/conversations/search`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    return {
      status: response.status,
      body: (await response.json()) as { conversations: AgentConversation[]; message?: string },
    };
  };
  const found = async (params: Record<string, string>, cookie = admin.cookie) =>
    (await search(params, cookie)).body.conversations.map((c) => c.id);
  const unique = () => randomUUID().slice(0, 8).replace(/\d/g, 'q');

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp('admin');
    agentA = await signUp('agent');
    agentB = await signUp('agent');
  });
  afterAll(async () => t?.close());

  it('finds a conversation by email address, whatever its letter case and spaces', async () => {
    const tag = unique();
    const chat = await t.startChat({ name: 'Mary Email', email: `Mary.${tag}@Example.com` });
    expect(await found({ email: ` MARY.${tag.toUpperCase()}@example.COM ` })).toEqual([chat.conversationId]);
    expect(await found({ email: `mary.${tag}@example.org` })).toEqual([]);
  });

  it('finds by name tokens in any order, with accents and case folded; every token must match', async () => {
    const surname = `Ó-Dúnlaing${unique()}`;
    const chat = await t.startChat({ name: `Siân ${surname}`, email: '' });
    const other = await t.startChat({ name: `Sian Jones${unique()}` });
    const folded = surname.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split('-')[1] ?? '';
    expect(await found({ name: `${folded.toUpperCase()} sian` })).toEqual([chat.conversationId]);
    expect(await found({ name: `sian ${folded}` })).toEqual([chat.conversationId]);
    expect(await found({ name: `sian ${folded} nobody` })).toEqual([]);
    expect(await found({ name: 'sian' })).toEqual(expect.arrayContaining([chat.conversationId, other.conversationId]));
  });

  it('finds by case reference however it is typed, and combines fields with AND', async () => {
    const tag = unique();
    const chat = await t.startChat({ name: 'Case Person', email: `case.${tag}@example.com` });
    expect(await found({ caseReference: chat.caseReference.toLowerCase().replace('-', ' ') })).toEqual([
      chat.conversationId,
    ]);
    expect(await found({ caseReference: chat.caseReference, email: `case.${tag}@example.com` })).toEqual([
      chat.conversationId,
    ]);
    expect(await found({ caseReference: chat.caseReference, email: `someone.else.${tag}@example.com` })).toEqual([]);
  });

  it('validates the query', async () => {
    expect((await search({})).status).toBe(400);
    expect((await search({ email: 'not an email' })).status).toBe(400);
    expect((await search({ name: 'a' })).status).toBe(400);
    expect((await search({ caseReference: 'NOPE' })).status).toBe(400);
    expect(
      (
        await fetch(`${t.url}/api/conversations/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"name":"sian"}',
        })
      ).status,
    ).toBe(401);
  });

  it('shows an agent only what they may see: not another agent’s live chat', async () => {
    const tag = unique();
    const chat = await t.startChat({ name: `Private Resident${tag}`, email: `private.${tag}@example.com` });
    const socket = await t.agentSocket(agentA.cookie);
    const accepted = await socket.emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    expect(accepted.ok).toBe(true);
    socket.disconnect();
    expect(await found({ email: `private.${tag}@example.com` }, agentA.cookie)).toEqual([chat.conversationId]);
    expect(await found({ email: `private.${tag}@example.com` }, agentB.cookie)).toEqual([]);
    expect(await found({ email: `private.${tag}@example.com` }, admin.cookie)).toEqual([chat.conversationId]);
  });

  it('records the search in the audit trail: who, which conversation, purpose search, never the searched value', async () => {
    const tag = unique();
    const email = `audited.${tag}@example.com`;
    const chat = await t.startChat({ name: 'Audited Resident', email });
    await found({ email }, agentB.cookie);
    const entries = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', agentB.id)
      .where('purpose', '=', 'search')
      .orderBy('id')
      .execute();
    expect(entries.at(-1)).toMatchObject({
      action: 'read',
      record_type: 'conversation',
      record_id: chat.conversationId,
      case_reference: chat.caseReference,
      reason: 'searched by email',
    });
    await found({ email: `nobody.${tag}@example.com` }, agentB.cookie);
    const [last] = await t.app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', agentB.id)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(last).toMatchObject({
      action: 'read',
      purpose: 'search',
      record_id: null,
      fields: [],
      reason: 'searched by email; nothing found',
    });
    const all = JSON.stringify(await t.app.db.selectFrom('audit_events').selectAll().execute());
    expect(all).not.toContain(tag);
  });

  it('stores digests under the index key, never the values', async () => {
    const tag = unique();
    const chat = await t.startChat({ name: `Digest Person${tag}`, email: `digest.${tag}@example.com` });
    const rows = await t.app.db
      .selectFrom('blind_indexes')
      .selectAll()
      .where('record_id', '=', chat.conversationId)
      .execute();
    expect(rows.map((r) => r.kind).sort()).toEqual(['case-reference', 'email', 'name', 'name']);
    const key = t.app.ctx.indexKey;
    expect(rows.find((r) => r.kind === 'email')?.digest).toEqual(blindIndex(key, 'email', `digest.${tag}@example.com`));
    for (const row of rows) expect(row.digest.toString('latin1').toLowerCase()).not.toContain(tag);
  });

  // Last: the retention run deletes the personal data of every conversation in this database.
  it('finds nothing once retention has deleted the conversation’s personal data: its indexes are gone', async () => {
    const tag = unique();
    const email = `expiring.${tag}@example.com`;
    const chat = await t.startChat({ name: `Expiring Person${tag}`, email });
    expect(await found({ email })).toEqual([chat.conversationId]);
    await t.app.db
      .updateTable('conversations')
      .set({ ended_at: new Date('2099-01-31T10:00:00Z'), status: 'ended' })
      .where('id', '=', chat.conversationId)
      .execute();
    await runRetention(t.app.ctx, { now: new Date('2099-06-01T00:00:00Z'), jobId: `test-${randomUUID()}` });
    expect(
      await t.app.db.selectFrom('blind_indexes').select('kind').where('record_id', '=', chat.conversationId).execute(),
    ).toEqual([]);
    expect(await found({ email })).toEqual([]);
    expect(await found({ name: `person${tag}` })).toEqual([]);
    expect(await found({ caseReference: chat.caseReference })).toEqual([]);
    // The conversation itself is still there, by its case reference.
    expect(
      (
        await fetch(`${t.url}/api/conversations/by-reference/${chat.caseReference}`, {
          headers: { cookie: admin.cookie },
        })
      ).status,
    ).toBe(200);
  });
});
