import type { Message } from '@ward/protocol';

/**
 * Merges two lists of messages of one conversation by `seq`: the result is sorted by `seq`
 * with no duplicates. When both lists hold the same `seq`, the incoming copy wins (it is newer,
 * for example after the message was marked as consent evidence).
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  const merged = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  // Unchanged: hand back the same array, so React has nothing to re-render.
  const unchanged = merged.length === existing.length && merged.every((message, i) => message === existing[i]);
  return unchanged ? (existing as Message[]) : merged;
}

/** The highest `seq` held, or 0 when there are none (the `afterSeq` for `resume`). */
export function highestSeq(messages: readonly Message[]): number {
  let highest = 0;
  for (const message of messages) if (message.seq > highest) highest = message.seq;
  return highest;
}

export function hasMessage(messages: readonly Message[], seq: number): boolean {
  return messages.some((message) => message.seq === seq);
}
