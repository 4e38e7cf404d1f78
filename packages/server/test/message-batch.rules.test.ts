import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  planAppends,
  planOnRemembered,
  type AppendRequest,
  type LockedConversation,
} from '../src/features/conversations/message-batch.rules.ts';

const org = 'org-1';
const conversationIds = ['c1', 'c2', 'c3'];

const conversation = fc.record<LockedConversation>({
  organisationId: fc.constantFrom(org, 'org-2'),
  status: fc.constantFrom('waiting', 'active', 'ended'),
  assignedStaffId: fc.constantFrom(null, 'agent-a', 'agent-b'),
  lastSeq: fc.nat(50),
});
const request = fc
  .record<AppendRequest>({
    organisationId: fc.constant(org),
    conversationId: fc.constantFrom(...conversationIds, 'missing'),
    clientMessageId: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6'),
    sender: fc.constantFrom('visitor', 'agent'),
    senderStaffId: fc.constant(null),
  })
  .map((r) => (r.sender === 'agent' ? { ...r, senderStaffId: 'agent-a' } : r));

describe('planning a batch of messages', () => {
  it('numbers new messages gap-free per conversation, in order, and gives retries the original number', () => {
    fc.assert(
      fc.property(
        fc.tuple(conversation, conversation, conversation),
        fc.array(request, { maxLength: 40 }),
        ([a, b, c], requests) => {
          const conversations = new Map([
            ['c1', a],
            ['c2', b],
            ['c3', c],
          ]);
          const { outcomes, lastSeqs } = planAppends(requests, conversations, []);
          for (const id of conversationIds) {
            const locked = conversations.get(id);
            if (!locked) continue;
            const seqs = outcomes.flatMap((o, i) =>
              o.kind === 'insert' && requests[i]?.conversationId === id ? [o.seq] : [],
            );
            expect(seqs).toEqual(seqs.map((_, k) => locked.lastSeq + k + 1));
            expect(lastSeqs.get(id)).toBe(seqs.length ? locked.lastSeq + seqs.length : undefined);
          }
          const firstSeq = new Map<string, number>();
          outcomes.forEach((outcome, i) => {
            const r = requests[i];
            if (!r || outcome.kind === 'refused') return;
            const key = `${r.conversationId}/${r.clientMessageId}`;
            if (outcome.kind === 'insert') {
              expect(firstSeq.has(key)).toBe(false);
              firstSeq.set(key, outcome.seq);
            } else {
              expect(outcome.seq).toBe(firstSeq.get(key));
            }
          });
        },
      ),
    );
  });

  it('refuses what the conversation rules refuse, and conversations of other councils', () => {
    const conversations = new Map<string, LockedConversation>([
      ['ended', { organisationId: org, status: 'ended', assignedStaffId: 'agent-a', lastSeq: 3 }],
      ['theirs', { organisationId: 'org-2', status: 'active', assignedStaffId: null, lastSeq: 0 }],
      ['live', { organisationId: org, status: 'active', assignedStaffId: 'agent-a', lastSeq: 7 }],
    ]);
    const base = { organisationId: org, senderStaffId: null, sender: 'visitor' as const };
    const { outcomes } = planAppends(
      [
        { ...base, conversationId: 'ended', clientMessageId: 'x' },
        { ...base, conversationId: 'theirs', clientMessageId: 'x' },
        { ...base, conversationId: 'live', clientMessageId: 'x', sender: 'agent', senderStaffId: 'agent-b' },
        { ...base, conversationId: 'live', clientMessageId: 'stored' },
        { ...base, conversationId: 'live', clientMessageId: 'new' },
      ],
      conversations,
      [{ conversationId: 'live', clientMessageId: 'stored', seq: 5, sender: 'agent', senderStaffId: 'agent-a' }],
    );
    expect(outcomes.map((o) => (o.kind === 'refused' ? o.error.code : o.kind))).toEqual([
      'conversation_ended',
      'not_found',
      'forbidden',
      'conflict',
      'insert',
    ]);
    expect(outcomes[4]).toEqual({ kind: 'insert', seq: 8 });
  });
});

describe('planning a batch on remembered conversations', () => {
  it('writes only whole conversations it remembers and would not refuse, numbered on from what it remembers', () => {
    fc.assert(
      fc.property(fc.tuple(conversation, conversation), fc.array(request, { maxLength: 40 }), ([a, b], requests) => {
        const remembered = new Map([
          ['c1', a],
          ['c2', b],
        ]);
        const { writes, advances, locked } = planOnRemembered(requests, remembered);
        // Every request is either written here or left to the locked path, in order.
        expect([...writes.map((w) => w.index), ...locked].sort((x, y) => x - y)).toEqual(requests.map((_, i) => i));
        expect(locked).toEqual([...locked].sort((x, y) => x - y));
        const writtenConversations = new Set(writes.map((w) => requests[w.index]!.conversationId));
        for (const index of locked) expect(writtenConversations.has(requests[index]!.conversationId)).toBe(false);
        for (const id of writtenConversations) {
          const from = remembered.get(id)!.lastSeq;
          const seqs = writes.flatMap((w) =>
            w.outcome.kind === 'insert' && requests[w.index]!.conversationId === id ? [w.outcome.seq] : [],
          );
          expect(seqs).toEqual(seqs.map((_, k) => from + k + 1));
          expect(advances.get(id)).toEqual({ from, to: from + seqs.length });
        }
        expect([...advances.keys()].every((id) => writtenConversations.has(id))).toBe(true);
      }),
    );
  });

  it('leaves to the locked path what it does not remember, and every request of a conversation it would refuse', () => {
    const remembered = new Map<string, LockedConversation>([
      ['waiting', { organisationId: org, status: 'waiting', assignedStaffId: null, lastSeq: 4 }],
      ['live', { organisationId: org, status: 'active', assignedStaffId: 'agent-a', lastSeq: 9 }],
    ]);
    const visitor = { organisationId: org, senderStaffId: null, sender: 'visitor' as const };
    const agent = { organisationId: org, senderStaffId: 'agent-a', sender: 'agent' as const };
    const plan = planOnRemembered(
      [
        { ...visitor, conversationId: 'waiting', clientMessageId: 'w1' },
        // Remembered as waiting, so this reply looks forbidden; the row may say accepted since.
        { ...agent, conversationId: 'waiting', clientMessageId: 'w2' },
        { ...visitor, conversationId: 'unknown', clientMessageId: 'u1' },
        { ...agent, conversationId: 'live', clientMessageId: 'l1' },
        { ...visitor, conversationId: 'live', clientMessageId: 'l2' },
        { ...agent, conversationId: 'live', clientMessageId: 'l1' },
      ],
      remembered,
    );
    expect(plan.locked).toEqual([0, 1, 2]);
    expect(plan.writes).toEqual([
      { index: 3, outcome: { kind: 'insert', seq: 10 } },
      { index: 4, outcome: { kind: 'insert', seq: 11 } },
      { index: 5, outcome: { kind: 'existing', seq: 10 } },
    ]);
    expect(plan.advances).toEqual(new Map([['live', { from: 9, to: 11 }]]));
  });
});
