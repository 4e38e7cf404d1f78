import { describe, expect, it } from 'vitest';
import { unreadCount, unreadText } from '../src/realtime/unread.ts';
import type { WorkspaceEvent, WorkspaceState } from '../src/realtime/workspace-state.ts';
import {
  announcementForConversation,
  announcementForMessage,
  announcementForQueue,
  chatUnread,
  findChat,
  initialWorkspaceState,
  pendingToResend,
  resumePoints,
  selectedChat,
  totalUnread,
  visibleQueue,
  workspaceReducer,
} from '../src/realtime/workspace-state.ts';
import { conversation, message, queueItem } from './helpers.ts';

const run = (events: WorkspaceEvent[], start: WorkspaceState = initialWorkspaceState) =>
  events.reduce(workspaceReducer, start);

const a = conversation(1);
const b = conversation(2, { caseReference: '0000-0000' });

/** Two open chats, A selected, the agent looking at the chats page. */
function twoChats(): WorkspaceState {
  return run([
    { type: 'viewing', viewing: true },
    { type: 'opened', conversation: a, messages: [message(1)], select: true },
    { type: 'opened', conversation: b, messages: [message(1)], select: false },
  ]);
}

describe('unread counting', () => {
  it('counts resident messages after the last one seen', () => {
    const messages = [message(1), message(2, { sender: 'agent' }), message(3), message(4)];
    expect(unreadCount(messages, 1)).toBe(2);
    expect(unreadCount(messages, 4)).toBe(0);
    expect(unreadText(2)).toBe('2 unread');
  });

  it('counts messages arriving in a chat that is not selected, and clears them on select', () => {
    let state = twoChats();
    state = run(
      [
        { type: 'message', conversationId: b.id, message: message(2) },
        { type: 'message', conversationId: b.id, message: message(3) },
        { type: 'message', conversationId: b.id, message: message(3) },
        { type: 'message', conversationId: a.id, message: message(2) },
      ],
      state,
    );
    expect(chatUnread(findChat(state, b.id)!)).toBe(2);
    expect(chatUnread(findChat(state, a.id)!)).toBe(0);
    expect(totalUnread(state)).toBe(2);
    state = workspaceReducer(state, { type: 'select', conversationId: b.id });
    expect(totalUnread(state)).toBe(0);
  });

  it('counts messages in the selected chat while the agent is on another page', () => {
    let state = workspaceReducer(twoChats(), { type: 'viewing', viewing: false });
    state = workspaceReducer(state, { type: 'message', conversationId: a.id, message: message(2) });
    expect(chatUnread(findChat(state, a.id)!)).toBe(1);
    state = workspaceReducer(state, { type: 'viewing', viewing: true });
    expect(chatUnread(findChat(state, a.id)!)).toBe(0);
  });

  it('does not count the agent’s own messages', () => {
    const state = workspaceReducer(twoChats(), {
      type: 'message',
      conversationId: b.id,
      message: message(2, { sender: 'agent' }),
    });
    expect(totalUnread(state)).toBe(0);
  });
});

describe('opening and restoring chats', () => {
  it('accepting opens and selects the chat', () => {
    const state = twoChats();
    expect(state.chats.map((chat) => chat.conversation.id)).toEqual([a.id, b.id]);
    expect(selectedChat(state)?.conversation.id).toBe(a.id);
    const accepted = workspaceReducer(state, {
      type: 'opened',
      conversation: conversation(3),
      messages: [],
      select: true,
    });
    expect(accepted.selectedId).toBe(conversation(3).id);
  });

  it('my-conversations restores chats after a reload and selects the first; resume fills in messages', () => {
    let state = run([{ type: 'my-conversations', conversations: [{ ...a, lastSeq: 2 }, b] }]);
    expect(state.chats).toHaveLength(2);
    expect(state.selectedId).toBe(a.id);
    expect(resumePoints(state)).toEqual([
      { conversationId: a.id, afterSeq: 0 },
      { conversationId: b.id, afterSeq: 0 },
    ]);
    state = workspaceReducer(state, {
      type: 'opened',
      conversation: { ...a, lastSeq: 2 },
      messages: [message(1), message(2)],
      select: false,
    });
    expect(findChat(state, a.id)?.messages.map((m) => m.seq)).toEqual([1, 2]);
    // What was there before the reload counts as seen.
    expect(totalUnread(state)).toBe(0);
    expect(state.selectedId).toBe(a.id);
  });

  it('keeps a selection restored after a reload if that chat is still open', () => {
    const restored = { ...initialWorkspaceState, selectedId: b.id };
    expect(workspaceReducer(restored, { type: 'my-conversations', conversations: [a, b] }).selectedId).toBe(b.id);
    const gone = { ...initialWorkspaceState, selectedId: conversation(8).id };
    expect(workspaceReducer(gone, { type: 'my-conversations', conversations: [a, b] }).selectedId).toBe(a.id);
  });

  it('resume after a reconnect merges by seq without duplicates and counts what was missed', () => {
    let state = twoChats();
    state = workspaceReducer(state, { type: 'message', conversationId: b.id, message: message(2) });
    expect(resumePoints(state)).toEqual([
      { conversationId: a.id, afterSeq: 1 },
      { conversationId: b.id, afterSeq: 2 },
    ]);
    state = workspaceReducer(state, {
      type: 'opened',
      conversation: b,
      messages: [message(2), message(3)],
      select: false,
    });
    expect(findChat(state, b.id)?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(chatUnread(findChat(state, b.id)!)).toBe(2);
    expect(state.selectedId).toBe(a.id);
  });
});

describe('sending', () => {
  const id = '33333333-0000-4000-8000-000000000001';
  const started: WorkspaceEvent = {
    type: 'send-started',
    conversationId: a.id,
    clientMessageId: id,
    body: 'Hello',
    createdAt: '2025-06-03T13:05:00.000Z',
  };

  it('shows a pending message until the ack, then the delivered message', () => {
    let state = workspaceReducer(twoChats(), started);
    expect(findChat(state, a.id)?.pending).toEqual([
      expect.objectContaining({ clientMessageId: id, state: 'sending' }),
    ]);
    expect(pendingToResend(state)).toEqual([{ conversationId: a.id, clientMessageId: id, body: 'Hello' }]);
    state = workspaceReducer(state, {
      type: 'send-acked',
      conversationId: a.id,
      clientMessageId: id,
      message: message(2, { sender: 'agent', clientMessageId: id, body: 'Hello' }),
    });
    expect(findChat(state, a.id)?.pending).toEqual([]);
    expect(findChat(state, a.id)?.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('drops the pending copy when the message arrives by broadcast or resume before the ack', () => {
    let state = workspaceReducer(twoChats(), started);
    state = workspaceReducer(state, {
      type: 'message',
      conversationId: a.id,
      message: message(2, { sender: 'agent', clientMessageId: id, body: 'Hello' }),
    });
    expect(findChat(state, a.id)?.pending).toEqual([]);
    state = workspaceReducer(state, {
      type: 'send-acked',
      conversationId: a.id,
      clientMessageId: id,
      message: message(2, { sender: 'agent', clientMessageId: id, body: 'Hello' }),
    });
    expect(findChat(state, a.id)?.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('marks a refused message as failed, not to be resent automatically; retry makes it pending again', () => {
    let state = workspaceReducer(twoChats(), started);
    state = workspaceReducer(state, {
      type: 'send-failed',
      conversationId: a.id,
      clientMessageId: id,
      error: 'Too long',
    });
    expect(findChat(state, a.id)?.pending[0]).toMatchObject({ state: 'failed', error: 'Too long' });
    expect(pendingToResend(state)).toEqual([]);
    state = workspaceReducer(state, { type: 'send-retried', conversationId: a.id, clientMessageId: id });
    expect(pendingToResend(state)).toHaveLength(1);
  });
});

describe('typing, ending and closing', () => {
  it('tracks the resident typing, and stops when their message arrives or the chat ends', () => {
    let state = workspaceReducer(twoChats(), { type: 'typing', conversationId: a.id, isTyping: true });
    expect(findChat(state, a.id)?.residentTyping).toBe(true);
    state = workspaceReducer(state, { type: 'message', conversationId: a.id, message: message(2) });
    expect(findChat(state, a.id)?.residentTyping).toBe(false);
    state = run(
      [
        { type: 'typing', conversationId: a.id, isTyping: true },
        { type: 'conversation', conversation: { ...a, status: 'ended' } },
      ],
      state,
    );
    expect(findChat(state, a.id)?.residentTyping).toBe(false);
    expect(findChat(state, a.id)?.conversation.status).toBe('ended');
  });

  it('closing the selected chat selects its neighbour', () => {
    let state = workspaceReducer(twoChats(), { type: 'closed', conversationId: a.id });
    expect(state.chats).toHaveLength(1);
    expect(state.selectedId).toBe(b.id);
    state = workspaceReducer(state, { type: 'closed', conversationId: b.id });
    expect(state.selectedId).toBeNull();
  });

  it('ignores events for chats that are not open', () => {
    const state = twoChats();
    expect(workspaceReducer(state, { type: 'message', conversationId: conversation(7).id, message: message(1) })).toBe(
      state,
    );
    expect(workspaceReducer(state, { type: 'conversation', conversation: conversation(7) })).toBe(state);
  });
});

describe('queue', () => {
  it('replaces only the departments a partial queue is for, longest waiting first', () => {
    const housing = (n: number, at: string) => queueItem(n, { departmentId: 'housing', waitingSince: at });
    const tax = (n: number, at: string) => queueItem(n, { departmentId: 'council-tax', waitingSince: at });
    let state = workspaceReducer(initialWorkspaceState, {
      type: 'queue',
      waiting: [tax(1, '2025-06-03T13:00:00.000Z'), housing(2, '2025-06-03T13:01:00.000Z')],
      departmentIds: ['council-tax', 'housing'],
    });
    state = workspaceReducer(state, {
      type: 'queue',
      waiting: [housing(3, '2025-06-03T12:59:00.000Z')],
      departmentIds: ['housing'],
    });
    expect(state.queue?.map((item) => item.id)).toEqual([housing(3, '').id, tax(1, '').id]);
    state = workspaceReducer(state, { type: 'queue', waiting: [housing(4, '2025-06-03T13:05:00.000Z')] });
    expect(state.queue?.map((item) => item.id)).toEqual([housing(4, '').id]);
  });

  it('hides queue items the agent already has open', () => {
    const state = workspaceReducer(twoChats(), { type: 'queue', waiting: [queueItem(1), queueItem(5)] });
    expect(visibleQueue(state).map((item) => item.id)).toEqual([queueItem(5).id]);
    expect(visibleQueue(initialWorkspaceState)).toEqual([]);
  });
});

describe('announcements', () => {
  it('reads out a new resident message in the selected chat, and notes one in another chat', () => {
    const state = twoChats();
    expect(announcementForMessage(state, a.id, message(2, { body: 'Hi there' }))).toBe('Resident 1: Hi there');
    expect(announcementForMessage(state, b.id, message(2))).toBe('New message in chat 0000-0000');
  });

  it('stays quiet for repeats, the agent’s own messages and unknown chats', () => {
    const state = twoChats();
    expect(announcementForMessage(state, a.id, message(1))).toBeNull();
    expect(announcementForMessage(state, a.id, message(2, { sender: 'agent' }))).toBeNull();
    expect(announcementForMessage(state, conversation(9).id, message(1))).toBeNull();
  });

  it('says when the resident ends a chat, once', () => {
    const state = twoChats();
    const ended = { ...a, status: 'ended' as const };
    expect(announcementForConversation(state, ended)).toMatch(/Resident 1 ended chat 4K7M-9P2X/);
    expect(
      announcementForConversation(workspaceReducer(state, { type: 'conversation', conversation: ended }), ended),
    ).toBeNull();
  });

  it('announces residents joining the queue, but not the first queue received', () => {
    expect(announcementForQueue(initialWorkspaceState, [queueItem(1)])).toBeNull();
    const state = workspaceReducer(initialWorkspaceState, { type: 'queue', waiting: [queueItem(1)] });
    expect(announcementForQueue(state, [queueItem(1)])).toBeNull();
    expect(announcementForQueue(state, [queueItem(1), queueItem(2, { caseReference: '1234-5678' })])).toBe(
      'New chat waiting: Council tax, case reference 1234-5678',
    );
    expect(announcementForQueue(state, [queueItem(2), queueItem(3)])).toBe('2 new chats waiting');
  });
});
