import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '@ward/protocol';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;
/** One chat: a resident's socket and the agent's socket, in the same conversation room. */
export type Pair = { conversationId: string; visitor: VisitorSocket; agent: AgentSocket };

const connectTimeoutMs = 15_000;

function opened<S extends Socket>(socket: S, what: string): Promise<S> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error(`${what} did not connect within ${connectTimeoutMs / 1000} s`));
    }, connectTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(new Error(`${what} could not connect: ${error.message}`));
    });
  });
}

// forceNew: every socket gets its own WebSocket, as every browser tab would. Without it the
// client library multiplexes namespaces of one host onto one connection.
const socketOptions = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: connectTimeoutMs };

/**
 * Opens the visitor socket (handshake `auth.token`) and the agent socket (optional session
 * cookie), then has the agent accept the conversation over `/agent`.
 */
export async function openPair(
  url: string,
  chat: { conversationId: string; visitorToken: string; agentCookie?: string },
): Promise<Pair> {
  const visitor: VisitorSocket = await opened(
    io(`${url}/visitor`, { ...socketOptions, auth: { token: chat.visitorToken } }),
    'a visitor socket',
  );
  let agent: AgentSocket;
  try {
    const headers: Record<string, string> = chat.agentCookie ? { cookie: chat.agentCookie } : {};
    agent = await opened(io(`${url}/agent`, { ...socketOptions, extraHeaders: headers }), 'an agent socket');
  } catch (error) {
    visitor.disconnect();
    throw error;
  }
  const pair = { conversationId: chat.conversationId, visitor, agent };
  try {
    const accepted = await agent
      .timeout(connectTimeoutMs)
      .emitWithAck('conversation:accept', { conversationId: chat.conversationId });
    if (!accepted.ok) throw new Error(`conversation:accept failed: ${accepted.error.code} ${accepted.error.message}`);
  } catch (error) {
    closePair(pair);
    throw error;
  }
  return pair;
}

export function closePair(pair: Pair): void {
  pair.visitor.disconnect();
  pair.agent.disconnect();
}
