import { describe, expect, it } from 'vitest';
import {
  decideInactivity,
  inactivityMessages,
  londonClock,
  type InactivityFacts,
} from '../src/features/conversations/chat-inactivity.rules.ts';

const policy = { inactiveMinutes: 20 };
const now = new Date('2026-12-04T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const chat = (facts: Partial<InactivityFacts>): InactivityFacts => ({
  status: 'active',
  acceptedAt: ago(60),
  lastVisitorMessageAt: ago(40),
  lastAgentMessageAt: ago(30),
  stayedAt: null,
  warnedAt: null,
  closesAt: null,
  ...facts,
});

describe('a live chat where nobody writes closes, after a warning the resident can answer', () => {
  it('warns two minutes before the chat would close, and gives the resident those two minutes', () => {
    expect(decideInactivity(chat({ lastAgentMessageAt: ago(17) }), now, policy)).toEqual({ kind: 'leave' });
    expect(decideInactivity(chat({ lastAgentMessageAt: ago(18) }), now, policy)).toEqual({
      kind: 'warn',
      closesAt: new Date('2026-12-04T12:02:00Z'),
    });
    // The job saw it late: the resident still gets the whole warning, not what is left of it.
    expect(decideInactivity(chat({ lastVisitorMessageAt: ago(95), lastAgentMessageAt: ago(90) }), now, policy)).toEqual(
      {
        kind: 'warn',
        closesAt: new Date('2026-12-04T12:02:00Z'),
      },
    );
  });

  it('never closes on a resident who is waiting for the council', () => {
    expect(decideInactivity(chat({ lastVisitorMessageAt: ago(25), lastAgentMessageAt: ago(30) }), now, policy)).toEqual(
      { kind: 'leave' },
    );
    // Accepted, and the adviser has not written yet.
    expect(decideInactivity(chat({ lastVisitorMessageAt: null, lastAgentMessageAt: null }), now, policy)).toEqual({
      kind: 'leave',
    });
  });

  it('counts the silence from the acceptance or the last "Stay" when they are later than the adviser’s message', () => {
    expect(decideInactivity(chat({ acceptedAt: ago(10) }), now, policy)).toEqual({ kind: 'leave' });
    expect(decideInactivity(chat({ stayedAt: ago(5) }), now, policy)).toEqual({ kind: 'leave' });
    expect(decideInactivity(chat({ stayedAt: ago(18) }), now, policy).kind).toBe('warn');
  });

  it('ends a warned chat still silent at its closing time, not before', () => {
    const warned = chat({ warnedAt: ago(2), closesAt: ago(0) });
    expect(decideInactivity({ ...warned, closesAt: new Date(now.getTime() + 1000) }, now, policy)).toEqual({
      kind: 'leave',
    });
    expect(decideInactivity(warned, now, policy)).toEqual({ kind: 'end' });
  });

  it('clears the warning once anyone writes or the resident stays, or the chat goes back to a queue', () => {
    const warned = chat({ warnedAt: ago(1), closesAt: ago(0) });
    expect(decideInactivity({ ...warned, lastVisitorMessageAt: ago(0.5) }, now, policy)).toEqual({ kind: 'clear' });
    expect(decideInactivity({ ...warned, lastAgentMessageAt: ago(0.5) }, now, policy)).toEqual({ kind: 'clear' });
    expect(decideInactivity({ ...warned, stayedAt: ago(0.5) }, now, policy)).toEqual({ kind: 'clear' });
    expect(decideInactivity({ ...warned, status: 'waiting' }, now, policy)).toEqual({ kind: 'clear' });
  });

  it('leaves ended chats and waiting ones alone', () => {
    expect(decideInactivity(chat({ status: 'ended', warnedAt: ago(5), closesAt: ago(3) }), now, policy)).toEqual({
      kind: 'leave',
    });
    expect(decideInactivity(chat({ status: 'waiting' }), now, policy)).toEqual({ kind: 'leave' });
  });

  it('says the closing time on London’s clock, summer and winter', () => {
    expect(londonClock(new Date('2026-12-04T10:42:00Z'))).toBe('10:42am');
    expect(londonClock(new Date('2026-07-04T13:05:00Z'))).toBe('2:05pm');
    expect(londonClock(new Date('2026-12-04T00:07:00Z'))).toBe('12:07am');
    expect(inactivityMessages.warning(new Date('2026-12-04T10:42:00Z'))).toBe(
      'This chat will close at 10:42am unless you choose to stay.',
    );
  });
});
