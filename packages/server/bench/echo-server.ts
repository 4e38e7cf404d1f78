/**
 * The ceiling: a bare Socket.IO 4 server with Ward's traffic shape and nothing else (no
 * database, no validation, no authentication). Run as a child process by the bench.
 *
 * `/visitor` sockets join the room named by `auth.token`; `/agent` sockets join a room with
 * `conversation:accept`. `message:send` from either side is emitted to the room in both
 * namespaces (as Ward's fan-out does), then acknowledged with the message.
 */
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Message, Sender } from '@ward/protocol';
import { serveParent } from './ipc.ts';

type Ack = (result: unknown) => void;
type SendPayload = { clientMessageId?: unknown; body?: unknown; conversationId?: unknown };

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
const visitors = io.of('/visitor');
const agents = io.of('/agent');
const lastSeq = new Map<string, number>();

function relay(room: string, sender: Sender, payload: SendPayload, ack: unknown) {
  const seq = (lastSeq.get(room) ?? 0) + 1;
  lastSeq.set(room, seq);
  const message: Message = {
    seq,
    clientMessageId: String(payload.clientMessageId),
    sender,
    senderName: sender === 'agent' ? 'Sam' : null,
    body: String(payload.body),
    sentAt: new Date().toISOString(),
    consentEvidence: false,
  };
  visitors.to(room).emit('message', message);
  agents.to(room).emit('message', { conversationId: room, message });
  if (typeof ack === 'function') (ack as Ack)({ ok: true, message });
}

visitors.on('connection', (socket: Socket) => {
  const room = String((socket.handshake.auth as { token?: unknown }).token);
  void socket.join(room);
  socket.on('message:send', (payload: SendPayload, ack: unknown) => relay(room, 'visitor', payload, ack));
});

agents.on('connection', (socket: Socket) => {
  socket.on('conversation:accept', (payload: { conversationId?: unknown }, ack: unknown) => {
    void socket.join(String(payload.conversationId));
    if (typeof ack === 'function') (ack as Ack)({ ok: true });
  });
  socket.on('message:send', (payload: SendPayload, ack: unknown) =>
    relay(String(payload.conversationId), 'agent', payload, ack),
  );
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serveParent({ type: 'ready', url: `http://127.0.0.1:${port}` }, async () => {
    io.disconnectSockets(true);
    await io.close();
  });
});
