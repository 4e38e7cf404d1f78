import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  ErrorDetail,
  Message,
  QueuePosition,
  ResumeResult,
  SendMessageResult,
  VisitorClientEvents,
  VisitorConversation,
  VisitorServerEvents,
} from '@ward/protocol';

/**
 * The resident's realtime connection: namespace `/visitor` on the app's own origin, authenticated
 * by the visitor token in the handshake. Socket.IO's default transports (long-polling upgraded
 * to WebSocket) so it also works on locked-down networks. Reconnects by itself.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface ConnectionHandlers {
  /** Every connect and reconnect, and when Ward says messages may have been missed: the caller resumes. */
  onConnect: () => void;
  onStatus: (status: ConnectionStatus) => void;
  onMessage: (message: Message) => void;
  onConversation: (conversation: VisitorConversation) => void;
  onTyping: (typing: { isTyping: boolean; name: string | null }) => void;
  onQueue: (position: QueuePosition) => void;
  onError: (error: ErrorDetail) => void;
}

export interface Connection {
  readonly connected: boolean;
  /** Each resolves to null when no acknowledgement came back in time (or while disconnected). */
  resume: (afterSeq: number) => Promise<Ack<ResumeResult> | null>;
  send: (message: { clientMessageId: string; body: string }) => Promise<Ack<SendMessageResult> | null>;
  end: () => Promise<Ack<{ conversation: VisitorConversation }> | null>;
  /** Warned that the silent chat will close, the resident stays (ADR 43). */
  stay: () => Promise<Ack<object> | null>;
  typing: (isTyping: boolean) => void;
  close: () => void;
}

const ackTimeoutMs = 10_000;

export function connect(token: string, handlers: ConnectionHandlers): Connection {
  // The default transports without WebTransport, which Ward does not offer (the build leaves it out).
  const socket: Socket<VisitorServerEvents, VisitorClientEvents> = io('/visitor', {
    auth: { token },
    transports: ['polling', 'websocket'],
  });
  let everConnected = false;

  socket.on('connect', () => {
    everConnected = true;
    handlers.onStatus('connected');
    handlers.onConnect();
  });
  socket.on('disconnect', (reason) => {
    handlers.onStatus('reconnecting');
    // The server closed this socket; Socket.IO does not retry that on its own.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error: Error & { data?: { retry?: boolean; retryAfterMs?: number } }) => {
    // Ward could not check the token just now (its database was unreachable), or is busy taking
    // back a failed node's residents and says when to come back: try again then.
    if (error.data?.retry) {
      handlers.onStatus('reconnecting');
      setTimeout(() => socket.connect(), error.data.retryAfterMs ?? 2000);
      return;
    }
    // Refused by the server (for example an expired token) rather than a network problem.
    if (!socket.active) {
      handlers.onStatus('refused');
      return;
    }
    handlers.onStatus(everConnected ? 'reconnecting' : 'connecting');
  });
  socket.on('resync', () => handlers.onConnect());
  socket.on('message', (message) => handlers.onMessage(message));
  socket.on('conversation', (conversation) => handlers.onConversation(conversation));
  socket.on('typing', (typing) => handlers.onTyping(typing));
  socket.on('queue', (position) => handlers.onQueue(position));
  socket.on('ward:error', (error) => handlers.onError(error));

  function withAck<T>(emit: (done: (err: Error | null, result: T) => void) => void): Promise<T | null> {
    if (!socket.connected) return Promise.resolve(null);
    return new Promise((resolve) => emit((err, result) => resolve(err ? null : result)));
  }

  return {
    get connected() {
      return socket.connected;
    },
    resume: (afterSeq) => withAck((done) => socket.timeout(ackTimeoutMs).emit('resume', { afterSeq }, done)),
    send: (message) => withAck((done) => socket.timeout(ackTimeoutMs).emit('message:send', message, done)),
    end: () => withAck((done) => socket.timeout(ackTimeoutMs).emit('conversation:end', {}, done)),
    stay: () => withAck((done) => socket.timeout(ackTimeoutMs).emit('chat:stay', {}, done)),
    typing: (isTyping) => {
      if (socket.connected) socket.emit('typing', { isTyping });
    },
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
