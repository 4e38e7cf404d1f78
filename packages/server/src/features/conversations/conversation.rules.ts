import type { ConversationStatus, ErrorDetail } from '@ward/protocol';

/** Who is acting on a conversation, as far as the rules care. */
export type Actor = { kind: 'visitor' } | { kind: 'agent'; staffId: string };

type ConversationState = { status: ConversationStatus; assignedStaffId: string | null };
type Decision = { ok: true } | { ok: false; error: ErrorDetail };

const ok: Decision = { ok: true };
const refuse = (code: ErrorDetail['code'], message: string): Decision => ({ ok: false, error: { code, message } });

/** A resident may write while waiting or active; an agent only in a chat they have accepted. */
export function decideSend(conversation: ConversationState, actor: Actor): Decision {
  if (conversation.status === 'ended') return refuse('conversation_ended', 'This chat has ended');
  if (actor.kind === 'visitor') return ok;
  if (conversation.status !== 'active' || conversation.assignedStaffId !== actor.staffId) {
    return refuse('forbidden', 'Accept this chat before replying');
  }
  return ok;
}

export function decideAccept(conversation: ConversationState, staffId: string): Decision {
  if (conversation.status === 'ended') return refuse('conversation_ended', 'This chat has ended');
  if (conversation.status === 'active') {
    return conversation.assignedStaffId === staffId
      ? ok
      : refuse('conflict', 'Another adviser has already accepted this chat');
  }
  return ok;
}

export function decideEnd(conversation: ConversationState, actor: Actor): Decision {
  if (conversation.status === 'ended') return refuse('conversation_ended', 'This chat has already ended');
  if (actor.kind === 'agent' && conversation.assignedStaffId !== actor.staffId) {
    return refuse('forbidden', 'Only the adviser handling this chat can end it');
  }
  return ok;
}

/**
 * Sequence numbers are gap-free from 1. Given the highest seq a client holds and the
 * conversation's last seq, says which range it is missing (empty when up to date).
 */
export function missingRange(afterSeq: number, lastSeq: number): { from: number; to: number } | null {
  if (afterSeq >= lastSeq) return null;
  return { from: afterSeq + 1, to: lastSeq };
}

// A staff rule, re-exported for the conversation verbs that show it.
export { agentDisplayName } from '../staff/staff-names.rules.ts';
