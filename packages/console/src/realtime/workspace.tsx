import type { AgentConversation, Message } from '@ward/protocol';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { fetchCurrentStaff } from '../api/auth.ts';
import { saveSummary as putSummary } from '../api/conversations.ts';
import { messageOf } from '../api/errors.ts';
import { useSession, useStaff } from '../session/session.tsx';
import { useAnnounce } from '../ui/Announcer.tsx';
import type { AgentSocket } from './socket.ts';
import { ackOf, ackTimeoutMs, createAgentSocket, newClientMessageId, notConnectedMessage } from './socket.ts';
import { TypingNotifier } from './typing-notifier.ts';
import { CaseEventListeners } from './case-events.ts';
import { CaseEventsContext } from './use-case-events.ts';
import { agentRedactionNotice } from '../features/chats/redaction-notice.ts';
import type { WorkspaceEvent, WorkspaceState } from './workspace-state.ts';
import {
  announcementForConversation,
  announcementForMessage,
  announcementForQueue,
  findChat,
  initialWorkspaceState,
  pendingToResend,
  resumePoints,
  workspaceReducer,
} from './workspace-state.ts';

/** Each action resolves to an error message to show, or null when it worked. */
export interface Workspace {
  state: WorkspaceState;
  /** The last `ward:error` from the server, if any. */
  serverError: string | null;
  accept: (conversationId: string) => Promise<string | null>;
  select: (conversationId: string) => void;
  send: (conversationId: string, body: string) => void;
  retry: (conversationId: string, clientMessageId: string) => void;
  markConsent: (conversationId: string, seq: number) => Promise<string | null>;
  /** The agent ends an active chat with a summary; the chat leaves the open list. */
  endChat: (conversationId: string, summary: string) => Promise<string | null>;
  /** Saves the summary of a chat the resident ended, then closes it. */
  saveSummaryAndClose: (conversationId: string, summary: string) => Promise<string | null>;
  close: (conversationId: string) => void;
  /** The agent hid the notice about what Ward removed from their message. */
  hideRedactions: (conversationId: string) => void;
  /** The reply being written in each chat; kept while the agent moves between chats and pages. */
  drafts: Record<string, string>;
  setDraft: (conversationId: string, text: string) => void;
  setViewing: (viewing: boolean) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

const sendFailedMessage = 'Your message was not sent.';

// The selected chat survives a reload (an id, not personal data; this tab only).
const selectedKey = 'ward:selected-chat';

function readSelectedId(): string | null {
  try {
    return sessionStorage.getItem(selectedKey);
  } catch {
    return null;
  }
}

function storeSelectedId(id: string | null): void {
  try {
    if (id) sessionStorage.setItem(selectedKey, id);
    else sessionStorage.removeItem(selectedKey);
  } catch {
    // Storage can be unavailable; the selection just is not remembered.
  }
}

/**
 * Holds the agent's socket and chats for as long as they are signed in, so moving between
 * pages keeps the chats, their unread counts and their announcements.
 */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const staff = useStaff();
  const { expired } = useSession();
  const announce = useAnnounce();
  const [state, setState] = useState<WorkspaceState>(() => ({
    ...initialWorkspaceState,
    selectedId: readSelectedId(),
  }));
  const [serverError, setServerError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const stateRef = useRef(state);
  // Case pages and lists listen here (use-case-events.ts): a context of its own, so a chat
  // message does not re-render them.
  const [caseEvents] = useState(() => new CaseEventListeners());

  useEffect(() => {
    if (state.connection === 'connected') storeSelectedId(state.selectedId);
  }, [state.selectedId, state.connection]);
  const socketRef = useRef<AgentSocket | null>(null);
  const notifiers = useRef(new Map<string, TypingNotifier>());
  /** Chats this agent is ending: their "ended" broadcast is not news to announce. */
  const ending = useRef(new Set<string>());

  // The ref always holds the newest state, so socket handlers judge events against it.
  const dispatch = useCallback((event: WorkspaceEvent) => {
    const next = workspaceReducer(stateRef.current, event);
    if (next !== stateRef.current) {
      stateRef.current = next;
      setState(next);
    }
  }, []);

  const emitSend = useCallback(
    (conversationId: string, clientMessageId: string, body: string) => {
      const socket = socketRef.current;
      // While disconnected the message stays "Sending…" and goes out after the reconnect.
      if (!socket?.connected) return;
      socket.timeout(ackTimeoutMs).emit('message:send', { conversationId, clientMessageId, body }, (err, ack) => {
        if (err) {
          // Lost with the connection: it is sent again, with the same id, on reconnect.
          if (!socket.connected) return;
          dispatch({ type: 'send-failed', conversationId, clientMessageId, error: sendFailedMessage });
        } else if (!ack.ok) {
          dispatch({ type: 'send-failed', conversationId, clientMessageId, error: ack.error.message });
        } else {
          dispatch({
            type: 'send-acked',
            conversationId,
            clientMessageId,
            message: ack.message,
            redactions: ack.redactions,
          });
          if (ack.redactions.length > 0) announce(agentRedactionNotice(ack.redactions).heading);
        }
      });
    },
    [announce, dispatch],
  );

  const resume = useCallback(
    async (conversationId: string, afterSeq: number) => {
      const socket = socketRef.current;
      if (!socket?.connected) return;
      const ack = await ackOf<{ conversation: AgentConversation; messages: Message[] }>((callback) =>
        socket.timeout(ackTimeoutMs).emit('resume', { conversationId, afterSeq }, callback),
      );
      if (ack.ok) dispatch({ type: 'opened', conversation: ack.conversation, messages: ack.messages, select: false });
      else
        dispatch({
          type: 'problem',
          conversationId,
          problem: `This chat could not be brought up to date: ${ack.error.message}`,
        });
    },
    [dispatch],
  );

  useEffect(() => {
    const socket = createAgentSocket();
    socketRef.current = socket;
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let connectedBefore = false;

    async function checkSessionThenReconnect() {
      try {
        const current = await fetchCurrentStaff();
        if (stopped) return;
        if (!current) {
          expired();
          return;
        }
      } catch {
        // Ward cannot be reached: keep trying.
      }
      if (!stopped && !socket.active) retryTimer = setTimeout(() => socket.connect(), 5000);
    }

    socket.on('connect', () => {
      dispatch({ type: 'connection', connection: 'connected' });
      setServerError(null);
      // After a reconnect: catch up every open chat from its highest seq, then resend what is pending.
      for (const point of resumePoints(stateRef.current)) void resume(point.conversationId, point.afterSeq);
      for (const item of pendingToResend(stateRef.current))
        emitSend(item.conversationId, item.clientMessageId, item.body);
      // Case events sent while disconnected were missed: what is shown is read again.
      if (connectedBefore) caseEvents.emit({ caseId: null, reason: 'reconnected' });
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'connection', connection: 'reconnecting' });
      if (reason === 'io server disconnect') void checkSessionThenReconnect();
    });
    socket.on('connect_error', () => {
      dispatch({ type: 'connection', connection: 'reconnecting' });
      // A refused handshake (socket.active is false) usually means the session has gone.
      if (!socket.active) void checkSessionThenReconnect();
    });
    socket.on('queue', ({ waiting, departmentIds }) => {
      const text = announcementForQueue(stateRef.current, waiting);
      dispatch(departmentIds ? { type: 'queue', waiting, departmentIds } : { type: 'queue', waiting });
      if (text) announce(text);
    });
    socket.on('my-conversations', ({ conversations }) => {
      const known = new Set(stateRef.current.chats.map((chat) => chat.conversation.id));
      dispatch({ type: 'my-conversations', conversations });
      for (const conversation of conversations) {
        if (!known.has(conversation.id)) void resume(conversation.id, 0);
      }
    });
    socket.on('message', ({ conversationId, message }) => {
      const text = announcementForMessage(stateRef.current, conversationId, message);
      dispatch({ type: 'message', conversationId, message });
      if (text) announce(text);
    });
    socket.on('typing', ({ conversationId, isTyping }) => dispatch({ type: 'typing', conversationId, isTyping }));
    socket.on('conversation', (conversation) => {
      if (!findChat(stateRef.current, conversation.id)) {
        // Accepted in another tab or window: open it here too.
        if (conversation.status === 'active' && conversation.assignedStaffId === staff.id)
          void resume(conversation.id, 0);
        return;
      }
      const text = ending.current.has(conversation.id)
        ? null
        : announcementForConversation(stateRef.current, conversation);
      dispatch({ type: 'conversation', conversation });
      if (text) announce(text);
    });
    socket.on('case:changed', (event) => caseEvents.emit(event));
    socket.on('ward:error', (error) => setServerError(error.message));
    socket.connect();

    const typingNotifiers = notifiers.current;
    return () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      for (const notifier of typingNotifiers.values()) notifier.stop();
      typingNotifiers.clear();
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [announce, caseEvents, dispatch, emitSend, expired, resume, staff.id]);

  const accept = useCallback(
    async (conversationId: string) => {
      const socket = socketRef.current;
      if (!socket?.connected) return notConnectedMessage;
      const ack = await ackOf<{ conversation: AgentConversation; messages: Message[] }>((callback) =>
        socket.timeout(ackTimeoutMs).emit('conversation:accept', { conversationId }, callback),
      );
      if (!ack.ok) return ack.error.message;
      dispatch({ type: 'opened', conversation: ack.conversation, messages: ack.messages, select: true });
      return null;
    },
    [dispatch],
  );

  const select = useCallback((conversationId: string) => dispatch({ type: 'select', conversationId }), [dispatch]);

  const stopTyping = useCallback((conversationId: string) => notifiers.current.get(conversationId)?.stop(), []);

  const send = useCallback(
    (conversationId: string, body: string) => {
      stopTyping(conversationId);
      const clientMessageId = newClientMessageId();
      dispatch({ type: 'send-started', conversationId, clientMessageId, body, createdAt: new Date().toISOString() });
      emitSend(conversationId, clientMessageId, body);
    },
    [dispatch, emitSend, stopTyping],
  );

  const retry = useCallback(
    (conversationId: string, clientMessageId: string) => {
      const chat = findChat(stateRef.current, conversationId);
      const item = chat?.pending.find((pending) => pending.clientMessageId === clientMessageId);
      if (!item) return;
      dispatch({ type: 'send-retried', conversationId, clientMessageId });
      emitSend(conversationId, clientMessageId, item.body);
    },
    [dispatch, emitSend],
  );

  const markConsent = useCallback(
    async (conversationId: string, seq: number) => {
      const socket = socketRef.current;
      if (!socket?.connected) return notConnectedMessage;
      const ack = await ackOf<{ message: Message }>((callback) =>
        socket.timeout(ackTimeoutMs).emit('consent:mark', { conversationId, seq }, callback),
      );
      if (!ack.ok) return ack.error.message;
      dispatch({ type: 'message', conversationId, message: ack.message });
      return null;
    },
    [dispatch],
  );

  const close = useCallback(
    (conversationId: string) => {
      stopTyping(conversationId);
      notifiers.current.delete(conversationId);
      setDrafts(({ [conversationId]: _, ...rest }) => rest);
      dispatch({ type: 'closed', conversationId });
    },
    [dispatch, stopTyping],
  );

  const saveSummaryAndClose = useCallback(
    async (conversationId: string, summary: string) => {
      try {
        await putSummary(conversationId, summary);
      } catch (error) {
        return messageOf(error);
      }
      close(conversationId);
      return null;
    },
    [close],
  );

  const endChat = useCallback(
    async (conversationId: string, summary: string) => {
      // The resident may have ended it meanwhile: then only the summary is left to save.
      if (findChat(stateRef.current, conversationId)?.conversation.status === 'ended')
        return saveSummaryAndClose(conversationId, summary);
      const socket = socketRef.current;
      if (!socket?.connected) return notConnectedMessage;
      stopTyping(conversationId);
      ending.current.add(conversationId);
      const ack = await ackOf<{ conversation: AgentConversation }>((callback) =>
        socket.timeout(ackTimeoutMs).emit('conversation:end', { conversationId, summary }, callback),
      );
      ending.current.delete(conversationId);
      if (!ack.ok) {
        if (ack.error.code === 'conversation_ended') return saveSummaryAndClose(conversationId, summary);
        return ack.error.message;
      }
      close(conversationId);
      return null;
    },
    [close, saveSummaryAndClose, stopTyping],
  );

  const setDraft = useCallback((conversationId: string, text: string) => {
    setDrafts((current) => ({ ...current, [conversationId]: text }));
    let notifier = notifiers.current.get(conversationId);
    if (!notifier) {
      notifier = new TypingNotifier((isTyping) => {
        const socket = socketRef.current;
        if (socket?.connected) socket.emit('typing', { conversationId, isTyping });
      });
      notifiers.current.set(conversationId, notifier);
    }
    notifier.input(text.trim() !== '');
  }, []);

  const setViewing = useCallback((viewing: boolean) => dispatch({ type: 'viewing', viewing }), [dispatch]);
  const hideRedactions = useCallback(
    (conversationId: string) => dispatch({ type: 'redactions-seen', conversationId }),
    [dispatch],
  );

  const value = useMemo<Workspace>(
    () => ({
      state,
      serverError,
      accept,
      select,
      send,
      retry,
      markConsent,
      endChat,
      saveSummaryAndClose,
      close,
      drafts,
      setDraft,
      setViewing,
      hideRedactions,
    }),
    [
      state,
      serverError,
      accept,
      select,
      send,
      retry,
      markConsent,
      endChat,
      saveSummaryAndClose,
      close,
      drafts,
      setDraft,
      setViewing,
      hideRedactions,
    ],
  );
  return (
    <WorkspaceContext value={value}>
      <CaseEventsContext value={caseEvents}>{children}</CaseEventsContext>
    </WorkspaceContext>
  );
}
