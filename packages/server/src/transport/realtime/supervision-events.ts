import type { Socket } from 'socket.io';
import { AgentConversationPayload } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { takeOverConversation } from '../../features/supervision/take-over-conversation.ts';
import { watchConversation } from '../../features/supervision/watch-conversation.ts';
import { handleEvent, type EventOptions } from './handle-event.ts';
import { conversationRoom, watchRoom } from './rooms.ts';

/**
 * A supervisor's events on the `/agent` socket (issue 11): open a live chat read-only (its
 * messages then come through the watch room), stop, and take it over. Who may is decided by
 * access.rules.ts, in the verbs.
 */
export function listenToSupervision(
  socket: Socket,
  ctx: ServiceContext,
  staff: StaffPrincipal,
  events: EventOptions,
): void {
  socket.on(
    'supervision:watch',
    handleEvent(
      socket,
      AgentConversationPayload,
      async ({ conversationId }) => {
        const result = await watchConversation(ctx, staff, conversationId);
        await socket.join(watchRoom(conversationId));
        return result;
      },
      events,
    ),
  );
  socket.on(
    'supervision:unwatch',
    handleEvent(
      socket,
      AgentConversationPayload,
      async ({ conversationId }) => {
        await socket.leave(watchRoom(conversationId));
        return {};
      },
      events,
    ),
  );
  socket.on(
    'supervision:take-over',
    handleEvent(
      socket,
      AgentConversationPayload,
      async ({ conversationId }) => {
        const result = await takeOverConversation(ctx, staff, conversationId);
        await socket.join(conversationRoom(conversationId));
        await socket.leave(watchRoom(conversationId));
        return result;
      },
      events,
    ),
  );
}
