import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visitorTokenUsable } from '../src/features/conversations/visitor-token.rules.ts';

describe('how long a visitor token works', () => {
  const grace = 30 * 60;
  const endedAt = new Date('2026-12-04T10:00:00Z');
  it('works while the chat is waiting or active, whenever it is asked', () => {
    fc.assert(
      fc.property(fc.constantFrom('waiting', 'active'), fc.date({ noInvalidDate: true }), (status, now) =>
        visitorTokenUsable({ status, ended_at: null }, now, grace),
      ),
    );
  });
  it('works for the grace period after the end and not a moment after', () => {
    const at = (seconds: number) => new Date(endedAt.getTime() + seconds * 1000);
    expect(visitorTokenUsable({ status: 'ended', ended_at: endedAt }, at(0), grace)).toBe(true);
    expect(visitorTokenUsable({ status: 'ended', ended_at: endedAt }, at(grace - 1), grace)).toBe(true);
    expect(visitorTokenUsable({ status: 'ended', ended_at: endedAt }, at(grace), grace)).toBe(false);
    expect(visitorTokenUsable({ status: 'ended', ended_at: endedAt }, at(grace + 86_400), grace)).toBe(false);
    expect(visitorTokenUsable({ status: 'ended', ended_at: null }, at(0), grace)).toBe(false);
  });
});
