import type { Ack, AgentClientEvents, AgentServerEvents } from '@ward/protocol';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/** The `/agent` namespace on the same origin; the session cookie authenticates the handshake. */
export function createAgentSocket(): AgentSocket {
  return io('/agent', { withCredentials: true, autoConnect: false });
}

export const ackTimeoutMs = 15_000;
export const noResponseMessage = 'Ward did not respond in time. Check your connection and try again.';
export const notConnectedMessage =
  'You are not connected to Ward. Wait for the connection to come back, then try again.';

/**
 * Turns an emit with an acknowledgement into a promise of the `Ack`; a timeout or lost
 * connection becomes `{ ok: false }` with a message the agent can act on.
 */
export function ackOf<T>(emit: (callback: (err: Error | null, ack: Ack<T>) => void) => void): Promise<Ack<T>> {
  return new Promise((resolve) => {
    emit((err, ack) => {
      if (err) resolve({ ok: false, error: { code: 'unavailable', message: noResponseMessage } });
      else resolve(ack);
    });
  });
}

/** A v4 UUID for `clientMessageId`; falls back to getRandomValues where randomUUID is missing (plain http). */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
