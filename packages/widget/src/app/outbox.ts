import type { Message } from '@ward/protocol';

/**
 * The resident's unacknowledged messages. A message stays here, shown as "Sending…", until the
 * server acknowledges it; after a reconnect it is sent again with the SAME clientMessageId (the
 * server stores it once). Messages are sent one at a time, oldest first, so they keep their order.
 * Pure: no IO, no timers.
 */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
  /** ISO time the resident pressed Send. */
  createdAt: string;
}

export function addPending(outbox: readonly PendingMessage[], message: PendingMessage): PendingMessage[] {
  if (outbox.some((pending) => pending.clientMessageId === message.clientMessageId)) return [...outbox];
  return [...outbox, message];
}

/** Removes a message the server acknowledged (ok) or refused (it will not be sent again). */
export function removePending(outbox: readonly PendingMessage[], clientMessageId: string): PendingMessage[] {
  return outbox.filter((pending) => pending.clientMessageId !== clientMessageId);
}

/**
 * Drops pending messages the server already holds: an ack can be lost on disconnect after the
 * message was committed, and `resume` then returns it.
 */
export function reconcileOutbox(outbox: readonly PendingMessage[], messages: readonly Message[]): PendingMessage[] {
  if (outbox.length === 0) return outbox as PendingMessage[];
  const stored = new Set(messages.map((message) => message.clientMessageId));
  const remaining = outbox.filter((pending) => !stored.has(pending.clientMessageId));
  return remaining.length === outbox.length ? (outbox as PendingMessage[]) : remaining;
}

/**
 * The next message to send, or null. Only one message is in flight at a time, and nothing is
 * sent while disconnected.
 */
export function nextToSend(
  outbox: readonly PendingMessage[],
  state: { connected: boolean; inFlight: string | null },
): PendingMessage | null {
  if (!state.connected || state.inFlight !== null) return null;
  return outbox[0] ?? null;
}

/** What the log shows: stored messages, then pending ones not yet stored, in the order sent. */
export type LogEntry = { kind: 'message'; message: Message } | { kind: 'pending'; pending: PendingMessage };

export function logEntries(messages: readonly Message[], outbox: readonly PendingMessage[]): LogEntry[] {
  const stored = new Set(messages.map((message) => message.clientMessageId));
  const entries: LogEntry[] = messages.map((message) => ({ kind: 'message', message }));
  for (const pending of outbox) if (!stored.has(pending.clientMessageId)) entries.push({ kind: 'pending', pending });
  return entries;
}
