import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AgentClientEvents,
  AgentConversation,
  AgentServerEvents,
  ErrorDetail,
  Message,
  RedactionCategory,
} from '@ward/protocol';
import { Server } from 'socket.io';
import type { Socket as ServerSocket } from 'socket.io';
import { io } from 'socket.io-client';
import type { AgentSocket } from '../../src/realtime/socket.ts';

type Received = {
  [E in keyof AgentClientEvents]: { event: E; payload: Parameters<AgentClientEvents[E]>[0] };
}[keyof AgentClientEvents];
type Stored = { conversation: AgentConversation; messages: Message[] };
type AgentServerSocket = ServerSocket<AgentClientEvents, AgentServerEvents>;

export const staffId = '22222222-0000-4000-8000-000000000099';

/**
 * A real Socket.IO server with Ward's `/agent` events, keeping conversations in memory: the console's
 * session is tested against the wire protocol (acks, reconnects, lost acks) without PostgreSQL.
 * Like Ward, it stores each message once per `clientMessageId` and answers `resume` from its store.
 */
export class AgentServer {
  readonly conversations = new Map<string, Stored>();
  /** Every event the console sent, in order. */
  readonly received: Received[] = [];
  /** Refuses the next `message:send` with this error. */
  refuseNextSend: ErrorDetail | null = null;
  /** Stores the next message, then drops the connection before acknowledging it. */
  dropBeforeNextAck = false;
  /** Runs for every new connection (to send the queue, `my-conversations`…). */
  onConnection: (socket: AgentServerSocket) => void = () => {};
  readonly #io: Server<AgentClientEvents, AgentServerEvents>;
  readonly #url: string;
  readonly #waiters = new Set<() => void>();

  private constructor(server: Server<AgentClientEvents, AgentServerEvents>, url: string) {
    this.#io = server;
    this.#url = url;
    server.of('/agent').on('connection', (socket) => this.#serve(socket));
  }

  static async start(): Promise<AgentServer> {
    const http = createServer();
    const server = new Server<AgentClientEvents, AgentServerEvents>(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return new AgentServer(server, `http://127.0.0.1:${port}/agent`);
  }

  /** What `createAgentSocket` opens in the browser, here pointed at this server. */
  openSocket = (): AgentSocket =>
    io(this.#url, { autoConnect: false, transports: ['websocket'], reconnectionDelay: 20, reconnectionDelayMax: 50 });

  async stop(): Promise<void> {
    await this.#io.close();
  }

  /** Sends an event to every connected console. */
  emit<E extends keyof AgentServerEvents>(event: E, ...args: Parameters<AgentServerEvents[E]>): void {
    this.#io.of('/agent').emit(event, ...args);
  }

  /** The network goes: each socket's transport closes, and the console reconnects by itself. */
  dropConnections(): void {
    for (const socket of this.#io.of('/agent').sockets.values()) socket.conn.close();
  }

  /** The server closes the sockets itself (as Ward does when the session has gone). */
  disconnectAll(): void {
    this.#io.of('/agent').disconnectSockets(true);
  }

  add(conversation: AgentConversation, messages: Message[] = []): void {
    this.conversations.set(conversation.id, { conversation: { ...conversation, lastSeq: messages.length }, messages });
  }

  /** Stores a message with the next seq (a resident's, unless told otherwise) without sending it to anyone. */
  store(conversationId: string, fields: Pick<Message, 'body' | 'clientMessageId'> & Partial<Message>): Message {
    const stored = this.#stored(conversationId);
    const message: Message = {
      seq: stored.messages.length + 1,
      sender: 'visitor',
      senderName: null,
      sentAt: new Date().toISOString(),
      consentEvidence: false,
      ...fields,
    };
    stored.messages.push(message);
    stored.conversation = { ...stored.conversation, lastSeq: message.seq };
    return message;
  }

  /** Resolves with the first received event (from now or earlier) that matches. */
  async waitFor(match: (received: Received) => boolean): Promise<Received> {
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => this.#waiters.add(resolve));
    }
  }

  #stored(conversationId: string): Stored {
    const stored = this.conversations.get(conversationId);
    if (!stored) throw new Error(`no conversation ${conversationId}`);
    return stored;
  }

  #record(received: Received): void {
    this.received.push(received);
    for (const wake of [...this.#waiters]) wake();
    this.#waiters.clear();
  }

  #serve(socket: AgentServerSocket): void {
    const notFound = { ok: false, error: { code: 'not_found', message: 'That chat was not found.' } } as const;
    socket.on('conversation:accept', (payload, ack) => {
      this.#record({ event: 'conversation:accept', payload });
      const stored = this.conversations.get(payload.conversationId);
      if (!stored || stored.conversation.status !== 'waiting') return ack(notFound);
      stored.conversation = { ...stored.conversation, status: 'active', assignedStaffId: staffId };
      ack({ ok: true, ...stored });
    });
    socket.on('message:send', (payload, ack) => {
      this.#record({ event: 'message:send', payload });
      const refusal = this.refuseNextSend;
      this.refuseNextSend = null;
      if (refusal) return ack({ ok: false, error: refusal });
      const stored = this.#stored(payload.conversationId);
      const redactions: RedactionCategory[] = /\d{16}/.test(payload.body) ? ['card-number'] : [];
      const message =
        stored.messages.find((m) => m.clientMessageId === payload.clientMessageId) ??
        this.store(payload.conversationId, {
          clientMessageId: payload.clientMessageId,
          body: payload.body.replace(/\d{16}/g, '[card number removed]'),
          sender: 'agent',
          senderName: 'Sam',
        });
      if (this.dropBeforeNextAck) {
        this.dropBeforeNextAck = false;
        socket.conn.close();
        return;
      }
      ack({ ok: true, message, redactions });
      socket.emit('message', { conversationId: payload.conversationId, message });
    });
    socket.on('resume', (payload, ack) => {
      this.#record({ event: 'resume', payload });
      const stored = this.conversations.get(payload.conversationId);
      if (!stored) return ack(notFound);
      const messages = stored.messages.filter((message) => message.seq > payload.afterSeq);
      ack({ ok: true, conversation: stored.conversation, messages });
    });
    socket.on('conversation:end', (payload, ack) => {
      this.#record({ event: 'conversation:end', payload });
      const stored = this.#stored(payload.conversationId);
      if (stored.conversation.status === 'ended')
        return ack({ ok: false, error: { code: 'conversation_ended', message: 'This chat has already ended.' } });
      stored.conversation = { ...stored.conversation, status: 'ended', summary: payload.summary ?? null };
      ack({ ok: true, conversation: stored.conversation });
      this.emit('conversation', stored.conversation);
    });
    socket.on('consent:mark', (payload, ack) => {
      this.#record({ event: 'consent:mark', payload });
      const stored = this.#stored(payload.conversationId);
      const index = stored.messages.findIndex((message) => message.seq === payload.seq);
      const message = stored.messages[index];
      if (!message) return ack(notFound);
      const marked = { ...message, consentEvidence: true };
      stored.messages[index] = marked;
      ack({ ok: true, message: marked });
    });
    socket.on('typing', (payload) => this.#record({ event: 'typing', payload }));
    this.onConnection(socket);
  }
}
