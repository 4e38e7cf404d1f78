import type { Message } from '@ward/protocol';

/**
 * Merges messages into an ordered list keyed by `seq`. Deliveries may arrive twice (a live
 * event and a resume), out of order, or after a reconnect; the result is always sorted by seq
 * with one entry per seq. When a seq is delivered again, the newer copy wins (an agent may
 * have marked it as consent evidence). Returns `current` itself when nothing changed.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const bySeq = new Map<number, Message>();
  for (const message of current) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const existing = bySeq.get(message.seq);
    if (existing && sameMessage(existing, message)) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return current as Message[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function sameMessage(a: Message, b: Message): boolean {
  return (
    a.clientMessageId === b.clientMessageId &&
    a.body === b.body &&
    a.sender === b.sender &&
    a.senderName === b.senderName &&
    a.sentAt === b.sentAt &&
    a.consentEvidence === b.consentEvidence
  );
}

/** The highest seq held: what `resume` asks to continue after. */
export function highestSeq(messages: readonly Message[]): number {
  let highest = 0;
  for (const message of messages) if (message.seq > highest) highest = message.seq;
  return highest;
}

/** Whether a live message leaves a gap after what we hold (so a resume should fill it). */
export function leavesGap(messages: readonly Message[], arriving: Message): boolean {
  return arriving.seq > highestSeq(messages) + 1;
}

/** Messages in `after` that `before` did not hold (by seq), in order: what to announce. */
export function newlyAdded(before: readonly Message[], after: readonly Message[]): Message[] {
  const held = new Set(before.map((message) => message.seq));
  return after.filter((message) => !held.has(message.seq));
}
