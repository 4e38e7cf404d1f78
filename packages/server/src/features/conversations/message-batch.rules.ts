import type { ConversationStatus, ErrorDetail } from '@ward/protocol';
import { decideSend, type Actor } from './conversation.rules.ts';

/** One message someone asked to store. */
export type AppendRequest = {
  /** The organisation of the person writing: a conversation of another one is not found. */
  organisationId: string;
  conversationId: string;
  clientMessageId: string;
  sender: 'visitor' | 'agent';
  senderStaffId: string | null;
};

export type LockedConversation = {
  organisationId: string;
  status: ConversationStatus;
  assignedStaffId: string | null;
  lastSeq: number;
};
export type StoredMessageKey = {
  conversationId: string;
  clientMessageId: string;
  seq: number;
  sender: string;
  senderStaffId: string | null;
};

export type AppendOutcome =
  { kind: 'insert'; seq: number } | { kind: 'existing'; seq: number } | { kind: 'refused'; error: ErrorDetail };

const key = (conversationId: string, clientMessageId: string) => `${conversationId}/${clientMessageId}`;

/**
 * Decides, for a batch of messages written in one transaction, which are stored and under which
 * sequence numbers. Numbers continue each conversation's `lastSeq` without gaps, in request
 * order; a clientMessageId already stored (or earlier in the batch) is a retry and gets the
 * original's number; a request the conversation rules refuse gets the reason and no number.
 */
export function planAppends(
  requests: readonly AppendRequest[],
  conversations: ReadonlyMap<string, LockedConversation>,
  stored: readonly StoredMessageKey[],
): { outcomes: AppendOutcome[]; lastSeqs: Map<string, number> } {
  const known = new Map<string, { seq: number; sender: string; senderStaffId: string | null }>();
  for (const message of stored) known.set(key(message.conversationId, message.clientMessageId), message);
  const lastSeqs = new Map<string, number>();
  const outcomes = requests.map((request): AppendOutcome => {
    const conversation = conversations.get(request.conversationId);
    if (!conversation || conversation.organisationId !== request.organisationId) {
      return { kind: 'refused', error: { code: 'not_found', message: 'The conversation was not found' } };
    }
    const earlier = known.get(key(request.conversationId, request.clientMessageId));
    if (earlier) {
      const sameSender = earlier.sender === request.sender && earlier.senderStaffId === request.senderStaffId;
      return sameSender
        ? { kind: 'existing', seq: earlier.seq }
        : { kind: 'refused', error: { code: 'conflict', message: 'That message id is already in use' } };
    }
    const actor: Actor =
      request.sender === 'visitor' ? { kind: 'visitor' } : { kind: 'agent', staffId: request.senderStaffId ?? '' };
    const decision = decideSend(conversation, actor);
    if (!decision.ok) return { kind: 'refused', error: decision.error };
    const seq = (lastSeqs.get(request.conversationId) ?? conversation.lastSeq) + 1;
    lastSeqs.set(request.conversationId, seq);
    known.set(key(request.conversationId, request.clientMessageId), {
      seq,
      sender: request.sender,
      senderStaffId: request.senderStaffId,
    });
    return { kind: 'insert', seq };
  });
  return { outcomes, lastSeqs };
}

/** A request written on the remembered state, with its outcome there. */
export type RememberedWrite = { index: number; outcome: Exclude<AppendOutcome, { kind: 'refused' }> };

/**
 * Plans a batch on what this process remembers of each conversation from its last write, so
 * the batch can be written without first reading the rows. That state may be stale: the write
 * must find each conversation's row still as remembered (`from`), or write none of its messages.
 * A request the remembered state would refuse is not refused here but left to the locked path,
 * which decides on the row itself; so are all the others of its conversation (keeping their
 * order), and every request of a conversation not remembered.
 */
export function planOnRemembered(
  requests: readonly AppendRequest[],
  remembered: ReadonlyMap<string, LockedConversation>,
): { writes: RememberedWrite[]; advances: Map<string, { from: number; to: number }>; locked: number[] } {
  const known = requests.flatMap((request, index) => (remembered.has(request.conversationId) ? [index] : []));
  const plan = planAppends(
    known.map((index) => requests[index]!),
    remembered,
    [],
  );
  const refused = new Set(
    known.flatMap((index, k) => (plan.outcomes[k]?.kind === 'refused' ? [requests[index]!.conversationId] : [])),
  );
  const writes: RememberedWrite[] = [];
  known.forEach((index, k) => {
    const outcome = plan.outcomes[k];
    if (outcome && outcome.kind !== 'refused' && !refused.has(requests[index]!.conversationId))
      writes.push({ index, outcome });
  });
  const written = new Set(writes.map((w) => w.index));
  const advances = new Map<string, { from: number; to: number }>();
  for (const [id, to] of plan.lastSeqs) {
    const from = remembered.get(id)?.lastSeq;
    if (from !== undefined && !refused.has(id)) advances.set(id, { from, to });
  }
  return { writes, advances, locked: requests.flatMap((_, index) => (written.has(index) ? [] : [index])) };
}
