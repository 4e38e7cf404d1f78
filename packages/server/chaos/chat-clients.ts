import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import type { Message } from '@ward/protocol';

/**
 * Residents and agents as the widget and the console behave: every message keeps its client id
 * until Ward acknowledges it and is sent again, with the same id, after any failure; after every
 * (re)connection, a gap in the sequence numbers or a `resync` hint, each chat asks for what it
 * missed. A resident's connection carries one chat; an agent's, like one console tab, carries all of
 * that agent's chats. Each connects from its own loopback address, so the load balancer shares them
 * out as it would share out browsers.
 */
export type ChatClient = {
  role: 'resident' | 'agent';
  conversationId: string;
  /** Messages this client has, by sequence number. */
  seen: Map<number, Message>;
  /** Client ids Ward acknowledged, in the order this client sent them. */
  acknowledged: string[];
  /** Sends `count` messages one after another (each after the last one's acknowledgement). */
  send: (count: number, pauseMs: number) => Promise<void>;
  /** The agent takes the chat (the console's Accept). */
  accept: () => Promise<boolean>;
  /** Asks for everything after the highest sequence number held. */
  catchUp: () => Promise<void>;
};

export type Connection = {
  role: 'resident' | 'agent';
  /** This connection's part in one chat (a resident's connection has one). */
  chat: (conversationId: string) => ChatClient;
  reconnections: () => number;
  /** Times a node asked this connection to come back later (ADR 52's admission during a storm). */
  toldToComeBack: () => number;
  /** Where the connection stands, for the run's log when messages stop coming. */
  state: () => string;
  close: () => void;
};

/** As long as the widget (10 s) and the console (15 s) wait for an acknowledgement. */
const ackTimeoutMs = { resident: 10_000, agent: 15_000 };
/** The widget's pause before it sends an unacknowledged message again. */
const retryMs = 3000;

type Ack = { ok: true; message?: Message; messages?: Message[] } | { ok: false; error: { code: string } };

export function connect(options: {
  url: string;
  role: 'resident' | 'agent';
  localAddress: string;
  visitorToken?: string;
  cookie?: string;
}): Promise<Connection> {
  const { role } = options;
  // localAddress reaches Node's WebSocket (engine.io-client passes it on); the types leave it out.
  const socket: Socket = io(`${options.url}/${role === 'resident' ? 'visitor' : 'agent'}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2000,
    localAddress: options.localAddress,
    ...(role === 'resident'
      ? { auth: { token: options.visitorToken }, extraHeaders: { origin: options.url } }
      : { extraHeaders: { cookie: options.cookie ?? '', origin: options.url } }),
  } as unknown as Parameters<typeof io>[1]);
  const chats = new Map<string, ChatClient & { keep: (message: Message) => void }>();
  let reconnections = 0;
  let toldToComeBack = 0;
  let lastError = '';
  const catchUpAll = () => {
    for (const chat of chats.values()) void chat.catchUp();
  };

  socket.on('message', (payload: Message | { conversationId: string; message: Message }) => {
    const chat = 'message' in payload ? chats.get(payload.conversationId) : [...chats.values()][0];
    chat?.keep('message' in payload ? payload.message : payload);
  });
  socket.on('resync', catchUpAll);
  socket.io.on('reconnect', () => reconnections++);
  socket.on('connect', catchUpAll);
  // As the widget and the console do: Socket.IO does not reconnect by itself after the server closed
  // the socket (Ward does when it cannot check a token or a session, e.g. while PostgreSQL restarts).
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 250);
  });
  // Ward could not check the token or session just now: try again, as the widget and console do.
  socket.on('connect_error', (error: Error & { data?: { retry?: boolean; retryAfterMs?: number } }) => {
    if (error.data?.retryAfterMs !== undefined) toldToComeBack++;
    lastError = error.message;
    if (!socket.active)
      setTimeout(() => socket.connect(), error.data?.retryAfterMs ?? (error.data?.retry ? 1000 : 2000));
  });

  const chat = (conversationId: string) => {
    const existing = chats.get(conversationId);
    if (existing) return existing;
    const client = chatOn(socket, role, conversationId);
    chats.set(conversationId, client);
    return client;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a ${role} socket did not connect`)), 20_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({
        role,
        chat,
        reconnections: () => reconnections,
        toldToComeBack: () => toldToComeBack,
        state: () =>
          socket.connected ? 'connected' : `${socket.active ? 'reconnecting' : 'waiting to connect'}: ${lastError}`,
        close: () => socket.disconnect(),
      });
    });
  });
}

function chatOn(socket: Socket, role: 'resident' | 'agent', conversationId: string) {
  const seen = new Map<number, Message>();
  const acknowledged: string[] = [];
  let catchingUp: Promise<void> | null = null;

  const highest = () => {
    let seq = 0;
    while (seen.has(seq + 1)) seq++;
    return seq;
  };
  const ask = (event: string, payload: object): Promise<Ack | null> =>
    socket
      .timeout(ackTimeoutMs[role])
      .emitWithAck(event, role === 'agent' ? { conversationId, ...payload } : payload)
      .then((ack: Ack) => ack)
      .catch(() => null);

  const catchUp = (): Promise<void> => {
    catchingUp ??= (async () => {
      try {
        const ack = await ask('resume', { afterSeq: highest() });
        if (ack?.ok) for (const message of ack.messages ?? []) seen.set(message.seq, message);
      } finally {
        catchingUp = null;
      }
    })();
    return catchingUp;
  };
  const keep = (message: Message) => {
    seen.set(message.seq, message);
    if (message.seq > highest() + 1) void catchUp();
  };

  const send = async (count: number, pauseMs: number) => {
    for (let i = 0; i < count; i++) {
      const clientMessageId = randomUUID();
      const body = `${role} message ${i + 1}`;
      for (;;) {
        if (!socket.connected) {
          await sleep(100);
          continue;
        }
        const ack = await ask('message:send', { clientMessageId, body });
        if (ack?.ok && ack.message) {
          seen.set(ack.message.seq, ack.message);
          acknowledged.push(clientMessageId);
          break;
        }
        await sleep(retryMs);
      }
      if (pauseMs) await sleep(pauseMs);
    }
  };

  const accept = async () => {
    // Again until it works (a busy machine can miss an acknowledgement's deadline).
    for (let attempt = 0; attempt < 8; attempt++) {
      const ack = await ask('conversation:accept', {});
      if (ack?.ok) {
        for (const message of ack.messages ?? []) seen.set(message.seq, message);
        return true;
      }
      await sleep(500);
    }
    return false;
  };

  return { role, conversationId, seen, acknowledged, send, accept, catchUp, keep };
}
