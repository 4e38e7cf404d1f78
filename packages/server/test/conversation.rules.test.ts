import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  agentDisplayName,
  decideAccept,
  decideEnd,
  decideSend,
  missingRange,
} from '../src/features/conversations/conversation.rules.ts';

describe('who may do what in a conversation', () => {
  it('lets a resident write while waiting or active, never after the end', () => {
    expect(decideSend({ status: 'waiting', assignedStaffId: null }, { kind: 'visitor' }).ok).toBe(true);
    expect(decideSend({ status: 'active', assignedStaffId: 'a' }, { kind: 'visitor' }).ok).toBe(true);
    expect(decideSend({ status: 'ended', assignedStaffId: 'a' }, { kind: 'visitor' })).toMatchObject({
      ok: false,
      error: { code: 'conversation_ended' },
    });
  });

  it('lets only the accepting agent reply', () => {
    expect(decideSend({ status: 'active', assignedStaffId: 'a' }, { kind: 'agent', staffId: 'a' }).ok).toBe(true);
    expect(decideSend({ status: 'active', assignedStaffId: 'a' }, { kind: 'agent', staffId: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(decideSend({ status: 'waiting', assignedStaffId: null }, { kind: 'agent', staffId: 'a' }).ok).toBe(false);
  });

  it('gives a waiting chat to the first agent who accepts it', () => {
    expect(decideAccept({ status: 'waiting', assignedStaffId: null }, 'a').ok).toBe(true);
    expect(decideAccept({ status: 'active', assignedStaffId: 'a' }, 'a').ok).toBe(true);
    expect(decideAccept({ status: 'active', assignedStaffId: 'a' }, 'b')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(decideAccept({ status: 'ended', assignedStaffId: null }, 'a').ok).toBe(false);
  });

  it('ends a chat once, by the resident or its agent', () => {
    expect(decideEnd({ status: 'waiting', assignedStaffId: null }, { kind: 'visitor' }).ok).toBe(true);
    expect(decideEnd({ status: 'active', assignedStaffId: 'a' }, { kind: 'agent', staffId: 'b' }).ok).toBe(false);
    expect(decideEnd({ status: 'ended', assignedStaffId: 'a' }, { kind: 'agent', staffId: 'a' }).ok).toBe(false);
  });

  it('shows residents the first name unless the council chooses full names', () => {
    expect(agentDisplayName('Sam', 'Okafor', 'first-name')).toBe('Sam');
    expect(agentDisplayName('Sam', 'Okafor', 'full-name')).toBe('Sam Okafor');
  });
});

describe('missing messages after a reconnect', () => {
  it('is exactly the range after what the client holds', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (afterSeq, lastSeq) => {
        const range = missingRange(afterSeq, lastSeq);
        if (afterSeq >= lastSeq) expect(range).toBeNull();
        else expect(range).toEqual({ from: afterSeq + 1, to: lastSeq });
      }),
    );
  });
});
