import type { AgentSocket } from './socket.ts';

export interface KeepConnectedOptions {
  /** Whether the agent's session is still valid; throws when Ward cannot be reached. */
  stillSignedIn: () => Promise<boolean>;
  /** The session has gone: the console goes back to the sign-in page. */
  signedOut: () => void;
  /** How long to wait before trying again after the server refused or closed the connection. */
  reconnectDelayMs?: number;
  connected: () => void;
  reconnecting: () => void;
}

/**
 * Keeps the agent's socket connected. Socket.IO reconnects by itself after a dropped connection, but
 * not after a refused handshake or the server closing the socket: those usually mean the session has
 * gone, so it is checked first, and the socket tries again only while signed in. Returns what stops
 * the retry timer.
 */
export function keepConnected(socket: AgentSocket, options: KeepConnectedOptions): () => void {
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const checkSessionThenReconnect = async () => {
    try {
      const signedIn = await options.stillSignedIn();
      if (stopped) return;
      if (!signedIn) {
        options.signedOut();
        return;
      }
    } catch {
      // Ward cannot be reached: keep trying.
    }
    if (!stopped && !socket.active) retryTimer = setTimeout(() => socket.connect(), options.reconnectDelayMs ?? 5000);
  };

  socket.on('connect', options.connected);
  socket.on('disconnect', (reason) => {
    options.reconnecting();
    if (reason === 'io server disconnect') void checkSessionThenReconnect();
  });
  socket.on('connect_error', () => {
    options.reconnecting();
    // A refused handshake (socket.active is false) usually means the session has gone.
    if (!socket.active) void checkSessionThenReconnect();
  });
  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
  };
}
