import type { Namespace } from 'socket.io';
import { EmptyPayload, ResumePayload, SendMessagePayload, TypingPayload, type QueuePosition } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { AppError } from '../../shared/app-error.ts';
import { resumeForVisitor } from '../../features/conversations/read-conversations.ts';
import { conversationForLiveVisitorToken } from '../../features/conversations/visitor-access.ts';
import { visitorConnected, visitorLeft } from '../../features/conversations/visitor-presence.ts';
import { sendMessage } from '../../features/conversations/send-message.ts';
import { endConversation } from '../../features/conversations/end-conversation.ts';
import { stayInChat } from '../../features/conversations/stay-in-chat.ts';
import { eventOptions, handleEvent, type Reporter } from './handle-event.ts';
import { conversationRoom } from './rooms.ts';
import type { RateLimiter } from '../../features/limits/rate-limiter.ts';

const liveCheckEveryMs = 5_000;

/** A resident's socket reaches exactly one conversation: the one its token was issued for. */
const unavailableMessage = 'Ward cannot be reached just now. Try again in a moment.';

export function setUpVisitorNamespace(
  nsp: Namespace,
  ctx: ServiceContext,
  report: Reporter,
  options: {
    limiter: RateLimiter;
    visitorTokenGraceSeconds: number;
    positionOnConnect: (conversationId: string) => Promise<QueuePosition | null>;
    /** True once this node is shutting down. */
    closing: () => boolean;
  },
): void {
  const { limiter, visitorTokenGraceSeconds, positionOnConnect } = options;
  const events = eventOptions(ctx, report);
  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    conversationForLiveVisitorToken(ctx, typeof token === 'string' ? token : '', visitorTokenGraceSeconds)
      .then((conversation) => {
        socket.data.conversationId = conversation.id;
        socket.data.waiting = conversation.status === 'waiting';
        next();
      })
      .catch((error: unknown) => {
        if (error instanceof AppError) return next(error);
        // Not the token's fault (the database cannot be reached for a moment): the widget tries again.
        report(error);
        next(Object.assign(new Error(unavailableMessage), { data: { retry: true } }));
      });
  });

  nsp.on('connection', (socket) => {
    const conversationId = socket.data.conversationId as string;
    void socket.join(conversationRoom(conversationId));
    // Presence: a chat whose resident has gone does not wait for ever (end-abandoned-chats.ts).
    visitorConnected(ctx, conversationId).catch(report);
    // A waiting resident hears their place at once; later changes come from queue-notices.ts. A chat
    // already answered has no place, and is not asked for one (a reconnect storm is mostly those).
    if (socket.data.waiting === true)
      positionOnConnect(conversationId)
        .then((position) => (position ? socket.emit('queue', position) : undefined))
        .catch(report);
    socket.on('disconnect', () => {
      // This node shutting down has not made its residents leave: they reconnect to another node.
      if (options.closing()) return;
      void nsp
        .in(conversationRoom(conversationId))
        .fetchSockets()
        .then((left) => (left.length === 0 ? visitorLeft(ctx, conversationId) : undefined))
        .catch(report);
    });

    // A socket opened before the chat ended stops with its token: once the grace has passed, its
    // next event closes it (checked at most every few seconds, so a busy chat reads no more).
    const token = (socket.handshake.auth as { token?: unknown }).token as string;
    let checkedAt = Date.now();
    socket.use((_packet, next) => {
      if (Date.now() - checkedAt < liveCheckEveryMs) return next();
      conversationForLiveVisitorToken(ctx, token, visitorTokenGraceSeconds).then(
        () => {
          checkedAt = Date.now();
          next();
        },
        (error: unknown) => {
          if (error instanceof AppError) return socket.disconnect(true);
          // The database cannot be reached for a moment: this event fails, the socket stays, and the
          // widget sends the message again (with the same id) as after any failure.
          report(error);
          const ack: unknown = _packet.at(-1);
          if (typeof ack === 'function') ack({ ok: false, error: { code: 'internal', message: unavailableMessage } });
        },
      );
    });

    socket.on(
      'message:send',
      handleEvent(
        socket,
        SendMessagePayload,
        async (payload, redactions) => {
          // Over the limit the acknowledgement says rate_limited and the message is not stored.
          await limiter.consume('visitor-messages-per-second', conversationId);
          await limiter.consume('visitor-messages-per-minute', conversationId);
          return sendMessage(ctx, conversationId, { kind: 'visitor' }, { ...payload, redactions });
        },
        events,
      ),
    );

    socket.on(
      'resume',
      handleEvent(socket, ResumePayload, (payload) => resumeForVisitor(ctx, conversationId, payload.afterSeq), events),
    );

    socket.on(
      'typing',
      handleEvent(
        socket,
        TypingPayload,
        async ({ isTyping }) => {
          socket.nsp.server
            .of('/agent')
            .to(conversationRoom(conversationId))
            .emit('typing', { conversationId, isTyping });
        },
        events,
      ),
    );

    // Warned that the silent chat will close, the resident stays (ADR 43).
    socket.on(
      'chat:stay',
      handleEvent(socket, EmptyPayload, () => stayInChat(ctx, conversationId).then(() => ({})), events),
    );

    socket.on(
      'conversation:end',
      handleEvent(
        socket,
        EmptyPayload,
        async () => {
          await endConversation(ctx, conversationId, { kind: 'visitor' });
          const { conversation } = await resumeForVisitor(ctx, conversationId, Number.MAX_SAFE_INTEGER);
          return { conversation };
        },
        events,
      ),
    );
  });
}
