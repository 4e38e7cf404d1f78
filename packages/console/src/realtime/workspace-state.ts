import type { AgentConversation, Message, QueueItem, RedactionCategory } from '@ward/protocol';
import { announcementsEn, type AnnouncementTexts } from './announcements-en.ts';
import { hasMessage, highestSeq, mergeMessages } from './merge-messages.ts';
import { unreadCount } from './unread.ts';
import { closedForInactivity, inactivityAnnouncement } from './inactivity-warning.ts';

/**
 * The chats workspace: the waiting queue and the agent's open chats. Pure: the AgentSession
 * (agent-session.ts) turns server events and the agent's actions into `WorkspaceEvent`s; React renders the state.
 */

/** A message the agent sent that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
  /** `sending`: emitted, or waiting for the connection to come back. `failed`: refused or timed out. */
  state: 'sending' | 'failed';
  error: string | null;
  createdAt: string;
}

export interface OpenChat {
  conversation: AgentConversation;
  /** Confirmed messages, sorted by seq, no duplicates. */
  messages: Message[];
  pending: PendingMessage[];
  /** The highest seq the agent has seen; resident messages above it are unread. */
  lastReadSeq: number;
  residentTyping: boolean;
  /** A problem with this chat to show the agent (for example, it could not be reloaded). */
  problem: string | null;
  /** What Ward removed from the agent's last message with card or bank details (ADR 9), until they hide the notice. */
  redactions: RedactionCategory[] | null;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface WorkspaceState {
  connection: ConnectionState;
  /** Null until the server first sends the queue. */
  queue: QueueItem[] | null;
  /** Open chats, in the order they were opened. */
  chats: OpenChat[];
  selectedId: string | null;
  /** Whether the agent is looking at the chats page (messages in the selected chat are read). */
  viewing: boolean;
}

export type WorkspaceEvent =
  | { type: 'connection'; connection: ConnectionState }
  | { type: 'queue'; waiting: QueueItem[]; departmentIds?: string[] }
  | { type: 'my-conversations'; conversations: AgentConversation[] }
  /** From the acks of `conversation:accept` (select: true) and `resume` (select: false). */
  | { type: 'opened'; conversation: AgentConversation; messages: Message[]; select: boolean }
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'typing'; conversationId: string; isTyping: boolean }
  | { type: 'conversation'; conversation: AgentConversation }
  | { type: 'select'; conversationId: string }
  | { type: 'viewing'; viewing: boolean }
  | { type: 'send-started'; conversationId: string; clientMessageId: string; body: string; createdAt: string }
  | {
      type: 'send-acked';
      conversationId: string;
      clientMessageId: string;
      message: Message;
      redactions?: RedactionCategory[];
    }
  | { type: 'redactions-seen'; conversationId: string }
  | { type: 'send-failed'; conversationId: string; clientMessageId: string; error: string }
  | { type: 'send-retried'; conversationId: string; clientMessageId: string }
  | { type: 'problem'; conversationId: string; problem: string | null }
  | { type: 'closed'; conversationId: string };

export const initialWorkspaceState: WorkspaceState = {
  connection: 'connecting',
  queue: null,
  chats: [],
  selectedId: null,
  viewing: false,
};

function newChat(conversation: AgentConversation, messages: Message[]): OpenChat {
  const sorted = mergeMessages([], messages);
  return {
    conversation,
    messages: sorted,
    pending: [],
    // What is there when a chat opens counts as seen.
    lastReadSeq: Math.max(highestSeq(sorted), conversation.lastSeq),
    residentTyping: false,
    problem: null,
    redactions: null,
  };
}

function isRead(state: WorkspaceState, conversationId: string): boolean {
  return state.viewing && state.selectedId === conversationId;
}

function markRead(chat: OpenChat): OpenChat {
  const seen = highestSeq(chat.messages);
  return seen > chat.lastReadSeq ? { ...chat, lastReadSeq: seen } : chat;
}

function updateChat(
  state: WorkspaceState,
  conversationId: string,
  update: (chat: OpenChat) => OpenChat,
): WorkspaceState {
  let changed = false;
  const chats = state.chats.map((chat) => {
    if (chat.conversation.id !== conversationId) return chat;
    const next = update(chat);
    if (next !== chat) changed = true;
    return next;
  });
  return changed ? { ...state, chats } : state;
}

function withMessages(state: WorkspaceState, chat: OpenChat, messages: Message[]): OpenChat {
  const merged = mergeMessages(chat.messages, messages);
  const ids = new Set(messages.map((message) => message.clientMessageId));
  const pending = chat.pending.filter((item) => !ids.has(item.clientMessageId));
  const residentTyping = messages.some((message) => message.sender === 'visitor') ? false : chat.residentTyping;
  const next = {
    ...chat,
    messages: merged,
    pending: pending.length === chat.pending.length ? chat.pending : pending,
    residentTyping,
  };
  return isRead(state, chat.conversation.id) ? markRead(next) : next;
}

/**
 * The queue after a `queue` event: the whole queue, or (with `departmentIds`) those departments'
 * part of it in place of what was there for them; longest waiting first.
 */
export function mergeQueue(
  current: readonly QueueItem[] | null,
  waiting: readonly QueueItem[],
  departmentIds?: readonly string[],
): QueueItem[] {
  if (!departmentIds) return [...waiting];
  const kept = (current ?? []).filter((item) => !departmentIds.includes(item.departmentId));
  return [...kept, ...waiting].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
}

export function workspaceReducer(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  switch (event.type) {
    case 'connection':
      return state.connection === event.connection ? state : { ...state, connection: event.connection };

    case 'queue':
      return { ...state, queue: mergeQueue(state.queue, event.waiting, event.departmentIds) };

    case 'my-conversations': {
      const known = new Map(state.chats.map((chat) => [chat.conversation.id, chat]));
      const chats = state.chats.map((chat) => {
        const fresh = event.conversations.find((conversation) => conversation.id === chat.conversation.id);
        return fresh ? { ...chat, conversation: fresh } : chat;
      });
      for (const conversation of event.conversations) {
        if (!known.has(conversation.id)) chats.push(newChat(conversation, []));
      }
      // Keep the selection (restored after a reload) if that chat is still open.
      const stillOpen = chats.some((chat) => chat.conversation.id === state.selectedId);
      const selectedId = stillOpen ? state.selectedId : (chats[0]?.conversation.id ?? null);
      return { ...state, chats, selectedId };
    }

    case 'opened': {
      const id = event.conversation.id;
      const exists = state.chats.some((chat) => chat.conversation.id === id);
      const selectedId = event.select ? id : (state.selectedId ?? id);
      const next: WorkspaceState = exists
        ? { ...state, selectedId }
        : { ...state, selectedId, chats: [...state.chats, newChat(event.conversation, event.messages)] };
      return updateChat(next, id, (chat) => {
        const updated = withMessages(
          next,
          { ...chat, conversation: event.conversation, problem: null },
          event.messages,
        );
        return isRead(next, id) ? markRead(updated) : updated;
      });
    }

    case 'message':
      return updateChat(state, event.conversationId, (chat) => withMessages(state, chat, [event.message]));

    case 'typing':
      return updateChat(state, event.conversationId, (chat) =>
        chat.residentTyping === event.isTyping ? chat : { ...chat, residentTyping: event.isTyping },
      );

    case 'conversation':
      return updateChat(state, event.conversation.id, (chat) => ({
        ...chat,
        conversation: event.conversation,
        residentTyping: event.conversation.status === 'ended' ? false : chat.residentTyping,
      }));

    case 'select': {
      if (!state.chats.some((chat) => chat.conversation.id === event.conversationId)) return state;
      const next = { ...state, selectedId: event.conversationId };
      return next.viewing ? updateChat(next, event.conversationId, markRead) : next;
    }

    case 'viewing': {
      const next = { ...state, viewing: event.viewing };
      return next.viewing && next.selectedId ? updateChat(next, next.selectedId, markRead) : next;
    }

    case 'send-started':
      return updateChat(state, event.conversationId, (chat) => ({
        ...chat,
        pending: [
          ...chat.pending,
          {
            clientMessageId: event.clientMessageId,
            body: event.body,
            state: 'sending',
            error: null,
            createdAt: event.createdAt,
          },
        ],
      }));

    case 'send-acked':
      return updateChat(state, event.conversationId, (chat) =>
        withMessages(
          state,
          {
            ...chat,
            pending: chat.pending.filter((item) => item.clientMessageId !== event.clientMessageId),
            ...(event.redactions?.length ? { redactions: event.redactions } : {}),
          },
          [event.message],
        ),
      );

    case 'redactions-seen':
      return updateChat(state, event.conversationId, (chat) =>
        chat.redactions ? { ...chat, redactions: null } : chat,
      );

    case 'send-failed':
    case 'send-retried':
      return updateChat(state, event.conversationId, (chat) => ({
        ...chat,
        pending: chat.pending.map((item) =>
          item.clientMessageId !== event.clientMessageId
            ? item
            : event.type === 'send-failed'
              ? { ...item, state: 'failed' as const, error: event.error }
              : { ...item, state: 'sending' as const, error: null },
        ),
      }));

    case 'problem':
      return updateChat(state, event.conversationId, (chat) => ({ ...chat, problem: event.problem }));

    case 'closed': {
      const index = state.chats.findIndex((chat) => chat.conversation.id === event.conversationId);
      if (index === -1) return state;
      const chats = state.chats.filter((_, i) => i !== index);
      let selectedId = state.selectedId;
      if (selectedId === event.conversationId) {
        selectedId = (chats[index] ?? chats[index - 1])?.conversation.id ?? null;
      }
      const next = { ...state, chats, selectedId };
      return next.viewing && selectedId ? updateChat(next, selectedId, markRead) : next;
    }
  }
}

// ---- Selectors ----

export function selectedChat(state: WorkspaceState): OpenChat | null {
  return state.chats.find((chat) => chat.conversation.id === state.selectedId) ?? null;
}

export function findChat(state: WorkspaceState, conversationId: string): OpenChat | null {
  return state.chats.find((chat) => chat.conversation.id === conversationId) ?? null;
}

export function chatUnread(chat: OpenChat): number {
  return unreadCount(chat.messages, chat.lastReadSeq);
}

export function totalUnread(state: WorkspaceState): number {
  return state.chats.reduce((sum, chat) => sum + chatUnread(chat), 0);
}

/** The queue without chats this agent already has open (the server's next `queue` may lag an accept). */
export function visibleQueue(state: WorkspaceState): QueueItem[] {
  if (!state.queue) return [];
  const open = new Set(state.chats.map((chat) => chat.conversation.id));
  return state.queue.filter((item) => !open.has(item.id));
}

/** Each chat's highest confirmed seq: the `afterSeq` to resume from after a reconnect. */
export function resumePoints(state: WorkspaceState): { conversationId: string; afterSeq: number }[] {
  return state.chats.map((chat) => ({ conversationId: chat.conversation.id, afterSeq: highestSeq(chat.messages) }));
}

/** Messages to send again after a reconnect, with their original clientMessageIds. */
export function pendingToResend(
  state: WorkspaceState,
): { conversationId: string; clientMessageId: string; body: string }[] {
  return state.chats.flatMap((chat) =>
    chat.pending
      .filter((item) => item.state === 'sending')
      .map((item) => ({
        conversationId: chat.conversation.id,
        clientMessageId: item.clientMessageId,
        body: item.body,
      })),
  );
}

// ---- What to tell screen reader users ----

/**
 * The polite announcement for an incoming message, judged against the state before it arrives:
 * the resident's words when the agent is looking at that chat, otherwise a short notice.
 * Nothing for the agent's own messages, repeats, or chats that are not open.
 */
export function announcementForMessage(
  state: WorkspaceState,
  conversationId: string,
  message: Message,
  says: AnnouncementTexts = announcementsEn,
): string | null {
  if (message.sender !== 'visitor') return null;
  const chat = findChat(state, conversationId);
  if (!chat || hasMessage(chat.messages, message.seq)) return null;
  if (isRead(state, conversationId)) return says.residentSays(chat.conversation.visitorName, message.body);
  return says.newMessageIn(chat.conversation.caseReference);
}

/** Announces when an open chat ends (by the resident, or by Ward after no activity), and its inactivity warning. */
export function announcementForConversation(
  state: WorkspaceState,
  conversation: AgentConversation,
  says: AnnouncementTexts = announcementsEn,
): string | null {
  const chat = findChat(state, conversation.id);
  if (!chat || chat.conversation.status === 'ended') return null;
  if (conversation.status !== 'ended') return inactivityAnnouncement(chat, conversation, says);
  if (closedForInactivity(chat.messages)) return says.closedForInactivity(conversation.caseReference);
  return says.residentEnded(conversation.visitorName, conversation.caseReference);
}

/** Announces residents who have just joined the queue (not the queue as first received). */
export function announcementForQueue(
  state: WorkspaceState,
  waiting: readonly QueueItem[],
  says: AnnouncementTexts = announcementsEn,
): string | null {
  if (state.queue === null) return null;
  const before = new Set(state.queue.map((item) => item.id));
  const joined = waiting.filter((item) => !before.has(item.id));
  if (joined.length === 0) return null;
  if (joined.length > 1) return says.chatsWaiting(joined.length);
  const [item] = joined;
  return item ? says.chatWaiting(item.topicLabel, item.caseReference) : null;
}
