import type { Ack, AgentResumeResult } from '@ward/protocol';
import type { AgentSocket } from './socket.ts';
import { ackOf, ackTimeoutMs, notConnectedMessage } from './socket.ts';

/**
 * Watching and taking over live chats (issue 11, ADR 42) over the agent's socket: supervisors and
 * administrators. Plain TypeScript like ChatWork; AgentSession owns the socket and opens a chat taken over.
 */
export class SupervisionActions {
  readonly #socket: () => AgentSocket | null;
  readonly #opened: (chat: Extract<Ack<AgentResumeResult>, { ok: true }>) => void;

  constructor(socket: () => AgentSocket | null, opened: (chat: Extract<Ack<AgentResumeResult>, { ok: true }>) => void) {
    this.#socket = socket;
    this.#opened = opened;
  }

  /** Opens a live chat read-only; its messages then come to the session's `watchEvents`. */
  async watch(conversationId: string): Promise<Ack<AgentResumeResult>> {
    const socket = this.#socket();
    if (!socket) return { ok: false, error: { code: 'unavailable', message: notConnectedMessage } };
    return ackOf<AgentResumeResult>((callback) =>
      socket.timeout(ackTimeoutMs).emit('supervision:watch', { conversationId }, callback),
    );
  }

  unwatch(conversationId: string): void {
    this.#socket()?.emit('supervision:unwatch', { conversationId }, () => undefined);
  }

  /** Takes a live chat over: it opens in this workspace, selected. */
  async takeOver(conversationId: string): Promise<string | null> {
    const socket = this.#socket();
    if (!socket) return notConnectedMessage;
    const ack = await ackOf<AgentResumeResult>((callback) =>
      socket.timeout(ackTimeoutMs).emit('supervision:take-over', { conversationId }, callback),
    );
    if (!ack.ok) return ack.error.message;
    this.#opened(ack);
    return null;
  }
}
