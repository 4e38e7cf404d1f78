import type { Message } from '@ward/protocol';
import { describe, expect, it } from 'vitest';
import { lastMessageAt, residentWaitingSince } from '../src/features/chats/chat-list-details.ts';

let seq = 0;
const message = (sender: Message['sender'], sentAt: string): Message => ({
  seq: ++seq,
  clientMessageId: `m-${seq}`,
  sender,
  senderName: sender === 'agent' ? 'Sam' : null,
  body: 'text',
  sentAt,
  consentEvidence: false,
});

describe('what a chat in the list shows', () => {
  it('gives the time of the last message, or none before the first', () => {
    expect(lastMessageAt([])).toBeNull();
    expect(
      lastMessageAt([message('visitor', '2025-06-03T13:00:00.000Z'), message('system', '2025-06-03T13:01:00.000Z')]),
    ).toBe('2025-06-03T13:01:00.000Z');
  });

  it('counts the wait from the resident’s first unanswered message', () => {
    expect(
      residentWaitingSince([
        message('visitor', '2025-06-03T13:00:00.000Z'),
        message('agent', '2025-06-03T13:02:00.000Z'),
        message('visitor', '2025-06-03T13:05:00.000Z'),
        message('system', '2025-06-03T13:06:00.000Z'),
        message('visitor', '2025-06-03T13:07:00.000Z'),
      ]),
    ).toBe('2025-06-03T13:05:00.000Z');
  });

  it('has no wait once the agent has answered, or before the resident writes', () => {
    expect(residentWaitingSince([])).toBeNull();
    expect(residentWaitingSince([message('system', '2025-06-03T13:00:00.000Z')])).toBeNull();
    expect(
      residentWaitingSince([
        message('visitor', '2025-06-03T13:00:00.000Z'),
        message('agent', '2025-06-03T13:01:00.000Z'),
      ]),
    ).toBeNull();
  });
});
