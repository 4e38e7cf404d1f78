import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { startTestApp, type AgentSocket, type TestApp } from './support/test-app.ts';
import {
  agentEvents,
  callers,
  operations,
  resident,
  visitorEvents,
  type Caller,
  type Fixture,
} from './support/api-operations.ts';
import {
  changeCount,
  documentedOperations,
  send,
  setUpMatrix,
  type Credentials,
  type Matrix,
} from './support/api-matrix.ts';

/**
 * The authorisation matrix (issue 8, ADR 21): every operation of the OpenAPI document and every
 * realtime event, for every kind of caller, against objects of their own department and of
 * another. A refusal must be a 401, 403 or 404 that changes nothing and is logged; an operation
 * or event without a row here fails the test, so nothing new ships unchecked.
 *
 * The objects: a Council Tax chat (active, handled by the Council Tax agent) with its case and
 * the customer record made from it. Another council's administrator and API key are callers too:
 * one deployment serves one council today, and nothing of it opens to another's credentials.
 */
describe('the authorisation matrix', () => {
  let t: TestApp;
  let m: Matrix;
  let f: Fixture;
  let auth: Record<Caller, Credentials>;
  let hereSocket: AgentSocket;
  let visitorSeq: number;

  beforeAll(async () => {
    t = await startTestApp();
    m = await setUpMatrix(t);
    ({ f, auth, hereSocket, visitorSeq } = m);
  });
  afterAll(() => t?.close());

  it('has a row for every operation in the OpenAPI document, and no row for one that is gone', async () => {
    const documented = await documentedOperations(t);
    expect([...documented].sort()).toEqual(Object.keys(operations).sort());
  });

  it('has a row for every realtime event the server listens to', () => {
    const listened = (namespace: string) => {
      const socket = [...t.app.io.of(namespace).sockets.values()][0];
      const reserved = ['error', 'disconnect', 'disconnecting'];
      return (socket?.eventNames() ?? [])
        .map(String)
        .filter((name) => !reserved.includes(name))
        .sort();
    };
    expect(listened('/agent')).toEqual([...agentEvents].sort());
    expect(listened('/visitor')).toEqual([...visitorEvents].sort());
  });

  it('refuses every access it should, changing nothing, and logs the refusal', { timeout: 180_000 }, async () => {
    const before = await changeCount(t, f);
    const unexpected: string[] = [];
    for (const [operation, spec] of Object.entries(operations)) {
      for (const caller of callers) {
        if (spec.expect[caller] !== 'deny') continue;
        const { status } = await send(t, m, operation, spec, caller);
        if (![401, 403, 404].includes(status)) unexpected.push(`${caller} ${operation}: ${status}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(await changeCount(t, f)).toEqual(before);
    const log = await readFile(t.logFile, 'utf8');
    expect(log).toContain('"refused":"forbidden"');
    expect(log).toContain('"refused":"not_found"');
    expect(log).toContain('"refused":"unauthenticated"');
  });

  it('answers lists and searches without the other department’s resident', async () => {
    const leaks: string[] = [];
    for (const [operation, spec] of Object.entries(operations)) {
      for (const caller of callers) {
        if (spec.expect[caller] !== 'hide') continue;
        const { status, text } = await send(t, m, operation, spec, caller);
        if (status !== 200) leaks.push(`${caller} ${operation}: ${status}`);
        for (const value of [resident.name, resident.email, resident.message, f.chat.conversationId, f.recordId])
          if (text.includes(value))
            leaks.push(`${caller} ${operation} shows ${value === f.recordId ? 'the record' : 'personal data'}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses another department’s agent every realtime event on the chat, and strangers the namespaces', async () => {
    const elsewhere = await t.agentSocket(auth.agentElsewhere.cookie!);
    const conversationId = f.chat.conversationId;
    const refused = [
      await elsewhere.emitWithAck('conversation:accept', { conversationId }),
      await elsewhere.emitWithAck('resume', { conversationId, afterSeq: 0 }),
      await elsewhere.emitWithAck('message:send', { conversationId, clientMessageId: randomUUID(), body: 'Hello' }),
      await elsewhere.emitWithAck('consent:mark', { conversationId, seq: visitorSeq }),
      await elsewhere.emitWithAck('consent:ask', { conversationId }),
      await elsewhere.emitWithAck('note:add', { conversationId, kind: 'note', body: 'Note' }),
      await elsewhere.emitWithAck('note:add', { conversationId, kind: 'whisper', body: 'Whisper' }),
      await elsewhere.emitWithAck('notes:list', { conversationId }),
      await elsewhere.emitWithAck('conversation:transfer', { conversationId, departmentId: 'housing' }),
      await elsewhere.emitWithAck('conversation:end', { conversationId, summary: 'Ended' }),
      await elsewhere.emitWithAck('supervision:watch', { conversationId }),
      await elsewhere.emitWithAck('supervision:take-over', { conversationId }),
    ];
    for (const ack of refused) expect(ack.ok).toBe(false);
    // Typing is fire-and-forget: the resident must not hear it. The refused frame is handled before
    // the ack of the next call on that socket, so had it been forwarded, the resident would hear it first.
    const visitor = await t.visitorSocket(f.chat.visitorToken);
    const heard: boolean[] = [];
    const first = new Promise<void>((resolve) =>
      visitor.on('typing', ({ isTyping }) => {
        heard.push(isTyping);
        resolve();
      }),
    );
    elsewhere.emit('typing', { conversationId, isTyping: true });
    await elsewhere.emitWithAck('resume', { conversationId, afterSeq: 0 });
    hereSocket.emit('typing', { conversationId, isTyping: false });
    await first;
    expect(heard).toEqual([false]);
    elsewhere.disconnect();
    visitor.disconnect();

    const refusedConnection = async (namespace: string, options: { token?: string; cookie?: string }) => {
      const socket = connect(`${t.url}${namespace}`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: options.token ? { token: options.token } : {},
        // From Ward's own origin, as the console: only the credentials may make the difference.
        extraHeaders: { origin: new URL(t.url).origin, ...(options.cookie ? { cookie: options.cookie } : {}) },
      });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
      socket.disconnect();
      return outcome;
    };
    expect(await refusedConnection('/agent', {})).toBe('refused');
    expect(await refusedConnection('/agent', { token: f.chat.visitorToken })).toBe('refused');
    expect(await refusedConnection('/agent', { token: auth.apiKey.bearer! })).toBe('refused');
    expect(await refusedConnection('/agent', { cookie: auth.otherCouncil.cookie! })).toBe('refused');
    expect(await refusedConnection('/visitor', {})).toBe('refused');
    expect(await refusedConnection('/visitor', { cookie: auth.admin.cookie! })).toBe('refused');
    expect(await refusedConnection('/visitor', { token: auth.apiKey.bearer! })).toBe('refused');
  });

  it('lets a supervisor watch the live chat over the socket, and refuses a privacy officer a chat from the queue', async () => {
    const supervisor = await t.agentSocket(auth.supervisorHere.cookie!);
    const watched = await supervisor.emitWithAck('resume', { conversationId: f.chat.conversationId, afterSeq: 0 });
    expect(watched.ok).toBe(true);
    supervisor.disconnect();

    const waiting = await t.startChat({ topic: 'council-tax', name: 'Cy Resident' });
    const officer = await t.agentSocket(auth.privacyOfficer.cookie!);
    const taken = await officer.emitWithAck('conversation:accept', { conversationId: waiting.conversationId });
    expect(taken.ok).toBe(false);
    officer.disconnect();
    const row = await t.ownerDb
      .selectFrom('conversations')
      .select(['status', 'assigned_staff_id'])
      .where('id', '=', waiting.conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'waiting', assigned_staff_id: null });
  });

  it('lets through every access it should', { timeout: 180_000 }, async () => {
    const refused: string[] = [];
    for (const [operation, spec] of Object.entries(operations)) {
      for (const caller of callers) {
        if (spec.expect[caller] !== 'allow') continue;
        const { status } = await send(t, m, operation, spec, caller);
        const method = operation.split(' ')[0];
        const gone = spec.missingObject || method !== 'GET' ? [401, 403] : [401, 403, 404];
        if (gone.includes(status) || status >= 500) refused.push(`${caller} ${operation}: ${status}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
