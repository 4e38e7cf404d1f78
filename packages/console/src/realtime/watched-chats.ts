import type { AgentConversation, Message } from '@ward/protocol';
import { mergeMessages } from './merge-messages.ts';

/**
 * A live chat a supervisor has open read-only (issue 11): what the socket hears of it, and how the
 * page's copy follows (pure, no React). `reconnected`: events may have been missed; open it again.
 */
export type WatchEvent =
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'conversation'; conversation: AgentConversation }
  | { type: 'reconnected' };
export type WatchListener = (event: WatchEvent) => void;

export interface WatchedChat {
  conversation: AgentConversation;
  /** Sorted by seq, no duplicates. */
  messages: Message[];
}

/** The watched-chat pages listening; one per signed-in workspace. */
export class WatchListeners {
  readonly #listeners = new Set<WatchListener>();

  /** Returns the function that stops listening (an effect's clean-up). */
  add(listener: WatchListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(event: WatchEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}

/** The watched chat after an event about it (events about other chats change nothing). */
export function applyWatchEvent(chat: WatchedChat, event: WatchEvent): WatchedChat {
  const id = chat.conversation.id;
  if (event.type === 'message' && event.conversationId === id)
    return { ...chat, messages: mergeMessages(chat.messages, [event.message]) };
  if (event.type === 'conversation' && event.conversation.id === id)
    return { ...chat, conversation: event.conversation };
  return chat;
}

/**
 * Whether a chat open in this agent's console has been taken over by a colleague: still live,
 * but someone else's now. It then leaves their console.
 */
export function takenOverFromMe(conversation: AgentConversation, staffId: string): boolean {
  return conversation.status === 'active' && conversation.assignedStaffId !== staffId;
}
