import type { Socket } from 'socket.io';
import { AddChatNotePayload, ListChatNotesPayload, TransferChatPayload } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { addChatNote } from '../../features/conversations/add-chat-note.ts';
import { readChatNotes } from '../../features/conversations/read-chat-notes.ts';
import { transferChat } from '../../features/conversations/transfer-chat.ts';
import { handleEvent, type EventOptions } from './handle-event.ts';

/** Working a chat (issue 11): internal notes and whispers, reading them, transfers. Staff sockets only. */
export function listenToChatWork(
  socket: Socket,
  ctx: ServiceContext,
  staff: StaffPrincipal,
  events: EventOptions,
): void {
  socket.on(
    'note:add',
    handleEvent(
      socket,
      AddChatNotePayload,
      async ({ conversationId, kind, body }) => ({ note: await addChatNote(ctx, staff, conversationId, kind, body) }),
      events,
    ),
  );
  socket.on(
    'notes:list',
    handleEvent(
      socket,
      ListChatNotesPayload,
      async ({ conversationId }) => ({ notes: await readChatNotes(ctx, staff, conversationId) }),
      events,
    ),
  );
  socket.on(
    'conversation:transfer',
    handleEvent(
      socket,
      TransferChatPayload,
      async ({ conversationId, ...target }) => ({ note: await transferChat(ctx, staff, conversationId, target) }),
      events,
    ),
  );
}
