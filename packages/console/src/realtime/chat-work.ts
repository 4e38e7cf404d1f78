import type { ChatNote } from '@ward/protocol';
import type { AgentSocket } from './socket.ts';
import { ackOf, ackTimeoutMs, notConnectedMessage } from './socket.ts';

export type NoteEvent = { conversationId: string; note: ChatNote };
export type TransferTarget = { departmentId?: string; staffId?: string; note?: string };

/**
 * Working a chat over the agent's socket (issue 11): internal notes and whispers, reading them,
 * transfers. Plain TypeScript like AgentSession, which owns the socket and passes `note` events in.
 */
export class ChatWork {
  readonly #socket: () => AgentSocket | null;
  readonly #listeners = new Set<(event: NoteEvent) => void>();
  /** Chats this agent transferred: the news of it coming back is not announced again. */
  readonly #transferred = new Set<string>();

  constructor(socket: () => AgentSocket | null) {
    this.#socket = socket;
  }

  /** Returns the function that stops listening (an effect's clean-up). */
  onNote(listener: (event: NoteEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  noteArrived(event: NoteEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }

  /** Adds a note (or a whisper); resolves to an error message, or null. */
  async addNote(conversationId: string, kind: 'note' | 'whisper', body: string): Promise<string | null> {
    const socket = this.#socket();
    if (!socket) return notConnectedMessage;
    const ack = await ackOf<{ note: ChatNote }>((callback) =>
      socket.timeout(ackTimeoutMs).emit('note:add', { conversationId, kind, body }, callback),
    );
    if (!ack.ok) return ack.error.message;
    // The writer sees it at once, whether or not their socket follows the chat (a supervisor's whisper).
    this.noteArrived({ conversationId, note: ack.note });
    return null;
  }

  /** The chat's notes, or an error message. */
  async listNotes(conversationId: string): Promise<ChatNote[] | string> {
    const socket = this.#socket();
    if (!socket) return notConnectedMessage;
    const ack = await ackOf<{ notes: ChatNote[] }>((callback) =>
      socket.timeout(ackTimeoutMs).emit('notes:list', { conversationId }, callback),
    );
    return ack.ok ? ack.notes : ack.error.message;
  }

  /** Transfers the chat; resolves to an error message, or null (the chat then leaves this agent's list). */
  async transfer(conversationId: string, target: TransferTarget): Promise<string | null> {
    const socket = this.#socket();
    if (!socket) return notConnectedMessage;
    this.#transferred.add(conversationId);
    const ack = await ackOf<{ note: ChatNote }>((callback) =>
      socket.timeout(ackTimeoutMs).emit('conversation:transfer', { conversationId, ...target }, callback),
    );
    if (ack.ok) return null;
    this.#transferred.delete(conversationId);
    return ack.error.message;
  }

  /** Whether this agent transferred the chat themselves (asked once, when the chat leaves them). */
  transferredHere(conversationId: string): boolean {
    return this.#transferred.delete(conversationId);
  }
}
