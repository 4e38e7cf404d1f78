import type { Message, QueueItem } from '@ward/protocol';
import type { WorkspaceState } from './workspace-state.ts';
import { findChat } from './workspace-state.ts';

/**
 * When the console alerts the agent with a sound and a desktop notification (pure): a new chat
 * offered to them, or a resident's message in a chat not on their screen. The texts carry no
 * personal data: a desktop notification can be seen by anyone near the screen.
 */
export type ChatAlert = 'new-chat' | 'new-message';

/** In English; the console's language gives its own (announcements-en.ts, -cy.ts). */
export const alertTexts: Record<ChatAlert, string> = {
  'new-chat': 'New chat waiting',
  'new-message': 'New message in a chat',
};

/** The queue grew in the agent's departments (not the queue as first received). */
export function alertForQueue(state: WorkspaceState, waiting: readonly QueueItem[]): ChatAlert | null {
  if (state.queue === null) return null;
  const before = new Set(state.queue.map((item) => item.id));
  return waiting.some((item) => !before.has(item.id)) ? 'new-chat' : null;
}

/**
 * A resident's new message in one of the agent's chats, unless that chat is on screen: selected,
 * on the chats page, in a browser tab the agent can see.
 */
export function alertForMessage(
  state: WorkspaceState,
  conversationId: string,
  message: Message,
  pageVisible: boolean,
): ChatAlert | null {
  if (message.sender !== 'visitor') return null;
  const chat = findChat(state, conversationId);
  if (!chat || chat.messages.some((known) => known.seq === message.seq)) return null;
  const onScreen = pageVisible && state.viewing && state.selectedId === conversationId;
  return onScreen ? null : 'new-message';
}
