import { describe, expect, it } from 'vitest';
import { applyWatchEvent, takenOverFromMe } from '../src/realtime/watched-chats.ts';
import { conversation, message } from './helpers.ts';

const watched = {
  conversation: conversation(1, { status: 'active', assignedStaffId: 'agent' }),
  messages: [message(1)],
};

describe('a chat a supervisor follows read-only', () => {
  it('takes in its new messages once each, in order, and its changes', () => {
    const twice = applyWatchEvent(
      applyWatchEvent(watched, { type: 'message', conversationId: watched.conversation.id, message: message(3) }),
      { type: 'message', conversationId: watched.conversation.id, message: message(3) },
    );
    const withSecond = applyWatchEvent(twice, {
      type: 'message',
      conversationId: watched.conversation.id,
      message: message(2),
    });
    expect(withSecond.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    const ended = applyWatchEvent(withSecond, {
      type: 'conversation',
      conversation: { ...watched.conversation, status: 'ended' },
    });
    expect(ended.conversation.status).toBe('ended');
  });

  it('ignores other chats and reconnects (the page opens the chat again)', () => {
    expect(applyWatchEvent(watched, { type: 'message', conversationId: conversation(2).id, message: message(2) })).toBe(
      watched,
    );
    expect(applyWatchEvent(watched, { type: 'conversation', conversation: conversation(2) })).toBe(watched);
    expect(applyWatchEvent(watched, { type: 'reconnected' })).toBe(watched);
  });

  it('tells the adviser’s console when a colleague has taken their live chat', () => {
    const live = watched.conversation;
    expect(takenOverFromMe({ ...live, assignedStaffId: 'supervisor' }, 'agent')).toBe(true);
    expect(takenOverFromMe(live, 'agent')).toBe(false);
    expect(takenOverFromMe({ ...live, status: 'ended', assignedStaffId: 'supervisor' }, 'agent')).toBe(false);
  });
});
