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

export type LockedConversation = { organisationId: string; status: ConversationStatus; assignedStaffId: string | null; lastSeq: number };
export type StoredMessageKey = { conversationId: string; clientMessageId: string; seq: number; sender: string; senderStaffId: string | null };

export type AppendOutcome =
  | { kind: 'insert'; seq: number }
  | { kind: 'existing'; seq: number }
  | { kind: 'refused'; error: ErrorDetail };

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
      return sameSender ? { kind: 'existing', seq: earlier.seq } : { kind: 'refused', error: { code: 'conflict', message: 'That message id is already in use' } };
    }
    const actor: Actor = request.sender === 'visitor' ? { kind: 'visitor' } : { kind: 'agent', staffId: request.senderStaffId ?? '' };
    const decision = decideSend(conversation, actor);
    if (!decision.ok) return { kind: 'refused', error: decision.error };
    const seq = (lastSeqs.get(request.conversationId) ?? conversation.lastSeq) + 1;
    lastSeqs.set(request.conversationId, seq);
    known.set(key(request.conversationId, request.clientMessageId), { seq, sender: request.sender, senderStaffId: request.senderStaffId });
    return { kind: 'insert', seq };
  });
  return { outcomes, lastSeqs };
}
