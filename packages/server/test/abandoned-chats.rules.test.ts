import { describe, expect, it } from 'vitest';
import { decideAbandoned, type OpenChatFacts } from '../src/features/conversations/abandoned-chats.rules.ts';

const policy = { leftMinutes: 5, maxWaitMinutes: 60 };
const now = new Date('2026-12-04T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const chat = (facts: Partial<OpenChatFacts>): OpenChatFacts => ({
  status: 'waiting',
  createdAt: ago(10),
  visitorLeftAt: null,
  visitorLeftToldAt: null,
  ...facts,
});

describe('a chat whose resident has gone, or that nobody takes, does not wait for ever', () => {
  it('ends a waiting chat once its resident has been gone long enough, not before', () => {
    expect(decideAbandoned(chat({ visitorLeftAt: ago(4) }), now, policy)).toBe('leave');
    expect(decideAbandoned(chat({ visitorLeftAt: ago(5) }), now, policy)).toBe('end-gone');
  });

  it('ends a waiting chat that has waited the longest a department allows, with the resident still there', () => {
    expect(decideAbandoned(chat({ createdAt: ago(59) }), now, policy)).toBe('leave');
    expect(decideAbandoned(chat({ createdAt: ago(60) }), now, policy)).toBe('end-waited-too-long');
  });

  it('tells the agent once, and does not end a live chat (the resident may come back)', () => {
    const live = chat({ status: 'active', createdAt: ago(120), visitorLeftAt: ago(6) });
    expect(decideAbandoned(live, now, policy)).toBe('tell-agent');
    expect(decideAbandoned({ ...live, visitorLeftToldAt: ago(1) }, now, policy)).toBe('leave');
    expect(decideAbandoned({ ...live, visitorLeftAt: null }, now, policy)).toBe('leave');
  });
});
