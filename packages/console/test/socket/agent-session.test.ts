import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentSessionOptions, WorkspaceSnapshot } from '../../src/realtime/agent-session.ts';
import { AgentSession } from '../../src/realtime/agent-session.ts';
import type { CaseEvent } from '../../src/realtime/case-events.ts';
import type { SelectionStore } from '../../src/realtime/selected-chat.ts';
import { notConnectedMessage } from '../../src/realtime/socket.ts';
import { findChat } from '../../src/realtime/workspace-state.ts';
import { AgentServer, staffId } from './agent-server.ts';
import { conversation, message, queueItem } from '../helpers.ts';

const waiting = conversation(1, {
  status: 'waiting',
  assignedStaffId: null,
  assignedStaffName: null,
  acceptedAt: null,
});
const chatId = waiting.id;
const other = conversation(2, { caseReference: '0000-0000' });

let server: AgentServer;
let session: AgentSession;
let announced: string[];
let summaries: { conversationId: string; summary: string }[];
let signedOut: number;

/** A selection store in memory (sessionStorage is the browser's). */
function memorySelection(initial: string | null = null): SelectionStore & { value: string | null } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(id) {
      this.value = id;
    },
  };
}

function newSession(options: Partial<AgentSessionOptions> = {}): AgentSession {
  return new AgentSession({
    openSocket: server.openSocket,
    staffId,
    announce: (text) => announced.push(text),
    stillSignedIn: async () => true,
    signedOut: () => signedOut++,
    saveSummary: async (conversationId, summary) => summaries.push({ conversationId, summary }),
    selection: memorySelection(),
    reconnectDelayMs: 10,
    ...options,
  });
}

/** Resolves once the session's snapshot passes `check` (now or after a later change). */
function until(check: (snapshot: WorkspaceSnapshot) => boolean): Promise<WorkspaceSnapshot> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check(session.snapshot)) return;
      stop();
      resolve(session.snapshot);
    };
    const stop = session.subscribe(test);
    test();
  });
}

const connected = () => until(({ state }) => state.connection === 'connected');
const chat = (snapshot: WorkspaceSnapshot = session.snapshot) => findChat(snapshot.state, chatId);

/** Starts a session and accepts the waiting chat (two resident messages already in it). */
async function startWithChat(): Promise<void> {
  server.add(waiting, [message(1), message(2)]);
  session.start();
  await connected();
  expect(await session.accept(chatId)).toBeNull();
}

beforeEach(async () => {
  server = await AgentServer.start();
  announced = [];
  summaries = [];
  signedOut = 0;
  session = newSession();
});

afterEach(async () => {
  session.dispose();
  await server.stop();
});

describe('the agent session (socket, chats, queue; no React)', () => {
  it('shows the queue on connect, then announces a resident who joins it', async () => {
    server.onConnection = (socket) => socket.emit('queue', { waiting: [queueItem(1)] });
    session.start();
    await until(({ state }) => state.queue !== null);
    expect(announced).toEqual([]);
    server.emit('queue', { waiting: [queueItem(1), queueItem(3, { caseReference: '7Q2W-4E5R' })] });
    await until(({ state }) => state.queue?.length === 2);
    expect(announced).toEqual(['New chat waiting: Council tax, case reference 7Q2W-4E5R']);
  });

  it('accepting opens the chat with its messages and selects it; without a connection it says so', async () => {
    expect(await session.accept(chatId)).toBe(notConnectedMessage);
    await startWithChat();
    expect(session.snapshot.state.selectedId).toBe(chatId);
    expect(chat()?.conversation.status).toBe('active');
    expect(chat()?.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('shows a message as sending at once, then as the server stored it', async () => {
    await startWithChat();
    session.send(chatId, 'How can I help?');
    expect(chat()?.pending).toMatchObject([{ body: 'How can I help?', state: 'sending' }]);
    const done = await until((s) => chat(s)?.pending.length === 0);
    expect(chat(done)?.messages.map((m) => [m.seq, m.body])).toEqual([
      [1, 'message 1'],
      [2, 'message 2'],
      [3, 'How can I help?'],
    ]);
  });

  it('announces what Ward removed from the agent’s message, and keeps the notice until hidden', async () => {
    await startWithChat();
    session.send(chatId, 'Card 4111111111111111');
    await until((s) => chat(s)?.redactions !== null);
    expect(announced).toContain('Ward removed card details from your message.');
    session.hideRedactions(chatId);
    expect(chat()?.redactions).toBeNull();
  });

  it('marks a refused message as failed; retrying sends it again with the same id', async () => {
    await startWithChat();
    server.refuseNextSend = { code: 'bad_request', message: 'That message is too long.' };
    session.send(chatId, 'Hello');
    const failed = await until((s) => chat(s)?.pending[0]?.state === 'failed');
    const item = chat(failed)?.pending[0];
    expect(item?.error).toBe('That message is too long.');
    session.retry(chatId, item?.clientMessageId ?? '');
    await until((s) => chat(s)?.pending.length === 0);
    const sends = server.received.filter((r) => r.event === 'message:send');
    expect(sends.map((r) => r.payload.clientMessageId)).toEqual([item?.clientMessageId, item?.clientMessageId]);
  });

  it('after a lost connection, resumes each chat from its highest seq and sends what is pending, once', async () => {
    await startWithChat();
    server.dropConnections();
    await until(({ state }) => state.connection === 'reconnecting');
    // While away: the resident writes, and the agent sends a reply that must wait.
    server.store(chatId, { body: 'Are you there?', clientMessageId: '11111111-0000-4000-8000-000000000003' });
    session.send(chatId, 'Yes, sorry');
    expect(server.received.some((r) => r.event === 'message:send')).toBe(false);
    // The resume and the resend are answered in either order: wait for both.
    const done = await until((s) => chat(s)?.pending.length === 0 && chat(s)?.messages.length === 4);
    expect(server.received).toContainEqual({ event: 'resume', payload: { conversationId: chatId, afterSeq: 2 } });
    expect(chat(done)?.messages.map((m) => m.body)).toEqual(['message 1', 'message 2', 'Are you there?', 'Yes, sorry']);
  });

  it('when Ward says messages may have been missed (its Redis was away), catches up each chat', async () => {
    await startWithChat();
    // Stored on another node while the fan-out could not reach this one: no 'message' event came.
    server.store(chatId, {
      body: 'Sent while Redis was away',
      clientMessageId: '11111111-0000-4000-8000-000000000004',
    });
    server.emit('resync', {});
    const done = await until((s) => chat(s)?.messages.length === 3);
    expect(server.received).toContainEqual({ event: 'resume', payload: { conversationId: chatId, afterSeq: 2 } });
    expect(chat(done)?.messages.at(-1)?.body).toBe('Sent while Redis was away');
  });

  it('a message whose acknowledgement was lost is sent again with its id and shown once', async () => {
    await startWithChat();
    server.dropBeforeNextAck = true;
    session.send(chatId, 'Only once');
    const done = await until((s) => s.state.connection === 'connected' && chat(s)?.pending.length === 0);
    const sends = server.received.filter((r) => r.event === 'message:send');
    expect(sends).toHaveLength(2);
    expect(sends[0]?.payload.clientMessageId).toBe(sends[1]?.payload.clientMessageId);
    expect(server.conversations.get(chatId)?.messages).toHaveLength(3);
    expect(chat(done)?.messages.map((m) => m.body)).toEqual(['message 1', 'message 2', 'Only once']);
  });

  it('after a reload, reopens the agent’s chats from the server and the chat that was selected', async () => {
    server.add(other, [message(1)]);
    server.onConnection = (socket) =>
      socket.emit('my-conversations', { conversations: [server.conversations.get(other.id)!.conversation] });
    session = newSession({ selection: memorySelection(other.id) });
    session.start();
    const done = await until(({ state }) => findChat(state, other.id)?.messages.length === 1);
    expect(done.state.selectedId).toBe(other.id);
    expect(server.received).toContainEqual({ event: 'resume', payload: { conversationId: other.id, afterSeq: 0 } });
  });

  it('remembers the selected chat once connected', async () => {
    const selection = memorySelection();
    session = newSession({ selection });
    await startWithChat();
    expect(selection.value).toBe(chatId);
  });

  it('opens a chat this agent accepted in another tab, but not someone else’s', async () => {
    server.add(other, [message(1)]);
    session.start();
    await connected();
    server.emit('conversation', { ...other, assignedStaffId: '22222222-0000-4000-8000-000000000001' });
    server.emit('conversation', other);
    await until(({ state }) => findChat(state, other.id) !== null);
    expect(session.snapshot.state.chats).toHaveLength(1);
  });

  it('announces and counts a resident’s message in a chat the agent is not looking at', async () => {
    await startWithChat();
    server.emit('message', { conversationId: chatId, message: message(3, { body: 'Hello?' }) });
    await until((s) => chat(s)?.messages.length === 3);
    expect(announced).toEqual(['New message in chat 4K7M-9P2X']);
    session.setViewing(true);
    server.emit('message', { conversationId: chatId, message: message(4, { body: 'Thanks' }) });
    await until((s) => chat(s)?.messages.length === 4);
    expect(announced.at(-1)).toBe('Resident 1: Thanks');
    server.emit('typing', { conversationId: chatId, isTyping: true });
    await until((s) => chat(s)?.residentTyping === true);
  });

  it('tells the resident the agent is typing, keeps the draft, and stops on send', async () => {
    await startWithChat();
    session.setDraft(chatId, 'Let me check');
    expect(session.snapshot.drafts).toEqual({ [chatId]: 'Let me check' });
    await server.waitFor((r) => r.event === 'typing' && r.payload.isTyping);
    session.send(chatId, 'Let me check');
    await server.waitFor((r) => r.event === 'message:send');
    const typing = server.received.filter((r) => r.event === 'typing').map((r) => r.payload);
    expect(typing).toEqual([
      { conversationId: chatId, isTyping: true },
      { conversationId: chatId, isTyping: false },
    ]);
  });

  it('ending a chat sends the summary and closes it, without announcing its own ending', async () => {
    await startWithChat();
    session.setDraft(chatId, 'unsent');
    expect(await session.endChat(chatId, 'Paid the bill')).toBeNull();
    expect(server.received).toContainEqual({
      event: 'conversation:end',
      payload: { conversationId: chatId, summary: 'Paid the bill' },
    });
    expect(session.snapshot.state.chats).toEqual([]);
    expect(session.snapshot.drafts).toEqual({});
    expect(summaries).toEqual([]);
    expect(announced).toEqual([]);
  });

  it('when the resident ended the chat, announces it and saves the summary over HTTP', async () => {
    await startWithChat();
    const stored = server.conversations.get(chatId)!;
    stored.conversation = { ...stored.conversation, status: 'ended' };
    server.emit('conversation', stored.conversation);
    await until((s) => chat(s)?.conversation.status === 'ended');
    expect(announced).toEqual(['Resident 1 ended chat 4K7M-9P2X. Write a summary to close it.']);
    expect(await session.endChat(chatId, 'Left early')).toBeNull();
    expect(summaries).toEqual([{ conversationId: chatId, summary: 'Left early' }]);
    expect(server.received.some((r) => r.event === 'conversation:end')).toBe(false);
    expect(session.snapshot.state.chats).toEqual([]);
  });

  it('if the resident ended the chat just before the agent, the summary still gets saved', async () => {
    await startWithChat();
    const stored = server.conversations.get(chatId)!;
    stored.conversation = { ...stored.conversation, status: 'ended' };
    expect(await session.endChat(chatId, 'Crossed')).toBeNull();
    expect(summaries).toEqual([{ conversationId: chatId, summary: 'Crossed' }]);
    expect(session.snapshot.state.chats).toEqual([]);
  });

  it('keeps the chat open when the summary cannot be saved', async () => {
    session = newSession({ saveSummary: () => Promise.reject(new Error('offline')) });
    await startWithChat();
    const stored = server.conversations.get(chatId)!;
    stored.conversation = { ...stored.conversation, status: 'ended' };
    server.emit('conversation', stored.conversation);
    await until((s) => chat(s)?.conversation.status === 'ended');
    expect(await session.endChat(chatId, 'Left early')).toBe(
      'Sorry, there is a problem with the service. Try again later.',
    );
    expect(chat()).not.toBeNull();
  });

  it('marks a message as consent evidence', async () => {
    await startWithChat();
    expect(await session.markConsent(chatId, 2)).toBeNull();
    expect(chat()?.messages.find((m) => m.seq === 2)?.consentEvidence).toBe(true);
  });

  it('passes case changes to case pages, and after a reconnect tells them to read again', async () => {
    const events: CaseEvent[] = [];
    session.caseEvents.add((event) => events.push(event));
    session.start();
    await connected();
    server.emit('case:changed', { caseId: chatId, reason: 'changed' });
    await new Promise<void>((resolve) => session.caseEvents.add(() => resolve()));
    server.dropConnections();
    await until(({ state }) => state.connection === 'reconnecting');
    await connected();
    expect(events).toEqual([
      { caseId: chatId, reason: 'changed' },
      { caseId: null, reason: 'reconnected' },
    ]);
  });

  it('when the server closes the socket, connects again while signed in, else signs out', async () => {
    let signedIn = true;
    let signOut = () => {};
    const gone = new Promise<void>((resolve) => (signOut = resolve));
    session = newSession({ stillSignedIn: async () => signedIn, signedOut: () => signOut() });
    session.start();
    await connected();
    server.emit('ward:error', { code: 'rate_limited', message: 'Too many requests.' });
    await until((s) => s.serverError === 'Too many requests.');
    server.disconnectAll();
    await until(({ state }) => state.connection === 'reconnecting');
    // Reconnected: the server's old complaint is no longer shown.
    expect((await connected()).serverError).toBeNull();
    signedIn = false;
    server.disconnectAll();
    await gone;
    expect(session.snapshot.state.connection).toBe('reconnecting');
  });

  it('keeps its chats when stopped and started again (as React does in development)', async () => {
    await startWithChat();
    session.dispose();
    session.start();
    await until(({ state }) => state.connection === 'connected' && state.chats.length === 1);
    await server.waitFor((r) => r.event === 'resume' && r.payload.afterSeq === 2);
  });
});
