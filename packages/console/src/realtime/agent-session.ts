import type { AgentConversation, AgentStatusEvent, ChosenAgentStatus, Message } from '@ward/protocol';
import { announcementsEn, type AnnouncementTexts } from './announcements-en.ts';
import { messageOf } from '../api/errors.ts';
import { agentRedactionNotice } from '../features/chats/redaction-notice.ts';
import { AgentStatusStore } from './agent-status.ts';
import { CaseEventListeners } from './case-events.ts';
import type { ChatAlert } from './chat-alerts.ts';
import { alertForMessage, alertForQueue } from './chat-alerts.ts';
import { ChatWork } from './chat-work.ts';
import type { SelectionStore } from './selected-chat.ts';
import { sessionSelection } from './selected-chat.ts';
import type { AgentSocket } from './socket.ts';
import { ackOf, ackTimeoutMs, newClientMessageId, notConnectedMessage } from './socket.ts';
import { TypingNotifier } from './typing-notifier.ts';
import { WallboardHints } from './wallboard-hints.ts';
import { takenOverFromMe, WatchListeners } from './watched-chats.ts';
import { SupervisionActions } from './supervision-actions.ts';
import { keepConnected, type KeepConnectedOptions } from './keep-connected.ts';
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

/** What the pages render; a new object on every change, so a view can compare it by identity. */
export interface WorkspaceSnapshot {
  state: WorkspaceState;
  /** The last `ward:error` from the server, if any. */
  serverError: string | null;
  /** The reply being written in each chat; kept while the agent moves between chats and pages. */
  drafts: Record<string, string>;
}

export interface AgentSessionOptions extends Pick<
  KeepConnectedOptions,
  'stillSignedIn' | 'signedOut' | 'reconnectDelayMs'
> {
  /** A new, not yet connected `/agent` socket; called on every `start()`. */
  openSocket: () => AgentSocket;
  staffId: string;
  /** Posts to the console's polite live region. */
  announce: (text: string) => void;
  /** The words of announcements in the console's language at the time (English unless given, ADR 51). */
  says?: () => AnnouncementTexts;
  /** Saves the summary of a chat the resident ended (over HTTP: the socket is not needed for it). */
  saveSummary: (conversationId: string, summary: string) => Promise<unknown>;
  /** Where the selected chat is remembered across a reload; sessionStorage unless told otherwise. */
  selection?: SelectionStore;
  /** A sound and desktop notification for a new chat or a message not on screen (alert-output.ts). */
  alert?: (alert: ChatAlert) => void;
  /** Whether the console's browser tab is in view; a message in a hidden tab is not on screen. */
  pageVisible?: () => boolean;
}

/**
 * The agent's realtime workspace for as long as they are signed in: the socket, the queue, their
 * open chats, what they are typing. Resumes every chat from its highest seq and sends pending
 * messages again (same ids) after each reconnect. Plain TypeScript: the React provider
 * (workspace.tsx) subscribes to snapshots and calls the actions; nothing here renders.
 */
export class AgentSession {
  /** Case pages and lists listen here for `case:changed` and reconnects (use-case-events.ts). */
  readonly caseEvents = new CaseEventListeners();
  /** The wallboard listens here for `wallboard:changed` (supervisors and administrators). */
  readonly wallboardHints = new WallboardHints();
  /** A supervisor's read-only chat page listens here for that chat's messages (watched-chats.ts). */
  readonly watchEvents = new WatchListeners();
  /** Notes, whispers and transfers (issue 11), over this session's socket. */
  readonly chatWork = new ChatWork(() => this.#connected());
  /** Watching and taking over live chats (issue 11): supervisors and administrators. */
  readonly supervision = new SupervisionActions(
    () => this.#connected(),
    (ack) => this.#dispatch({ type: 'opened', conversation: ack.conversation, messages: ack.messages, select: true }),
  );
  /** The agent's routing status (ADR 39): the Chats page shows and changes it. */
  readonly agentStatus: AgentStatusStore;
  readonly #options: AgentSessionOptions;
  readonly #selection: SelectionStore;
  readonly #listeners = new Set<() => void>();
  #snapshot: WorkspaceSnapshot;
  #socket: AgentSocket | null = null;
  #stop: (() => void) | null = null;
  readonly #notifiers = new Map<string, TypingNotifier>();
  /** Chats this agent is ending: their "ended" broadcast is not news to announce. */
  readonly #ending = new Set<string>();

  constructor(options: AgentSessionOptions) {
    this.#options = options;
    this.agentStatus = new AgentStatusStore({
      choose: (status) => this.#chooseStatus(status),
      activity: () => this.#connected()?.emit('activity', {}),
      announce: options.announce,
      says: options.says,
    });
    this.#selection = options.selection ?? sessionSelection;
    this.#snapshot = {
      state: { ...initialWorkspaceState, selectedId: this.#selection.read() },
      serverError: null,
      drafts: {},
    };
  }

  get snapshot(): WorkspaceSnapshot {
    return this.#snapshot;
  }

  /** Calls `listener` after every change; returns the function that stops it (an arrow: passed around as is). */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Opens a socket and connects. The state is kept across `dispose()` and a later `start()`. */
  start(): void {
    if (this.#socket) return;
    const socket = this.#options.openSocket();
    this.#socket = socket;
    this.#stop = this.#listen(socket);
    socket.connect();
  }

  /** Closes the socket and stops typing notices; nothing more is received until `start()`. */
  dispose(): void {
    this.#stop?.();
    this.#stop = null;
    for (const notifier of this.#notifiers.values()) notifier.stop();
    this.#notifiers.clear();
    const socket = this.#socket;
    this.#socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
  }

  // ---- the agent's actions; each async one resolves to an error message to show, or null ----

  async accept(conversationId: string): Promise<string | null> {
    const socket = this.#connected();
    if (!socket) return notConnectedMessage;
    const ack = await ackOf<{ conversation: AgentConversation; messages: Message[] }>((callback) =>
      socket.timeout(ackTimeoutMs).emit('conversation:accept', { conversationId }, callback),
    );
    if (!ack.ok) return ack.error.message;
    this.#dispatch({ type: 'opened', conversation: ack.conversation, messages: ack.messages, select: true });
    return null;
  }

  select(conversationId: string): void {
    this.#dispatch({ type: 'select', conversationId });
  }

  /** Shown at once as "Sending…"; while disconnected it waits and goes out after the reconnect. */
  send(conversationId: string, body: string): void {
    this.#notifiers.get(conversationId)?.stop();
    const clientMessageId = newClientMessageId();
    this.#dispatch({
      type: 'send-started',
      conversationId,
      clientMessageId,
      body,
      createdAt: new Date().toISOString(),
    });
    this.#emitSend(conversationId, clientMessageId, body);
  }

  /** Sends a failed message again, with the same id, so it cannot arrive twice. */
  retry(conversationId: string, clientMessageId: string): void {
    const item = findChat(this.#snapshot.state, conversationId)?.pending.find(
      (pending) => pending.clientMessageId === clientMessageId,
    );
    if (!item) return;
    this.#dispatch({ type: 'send-retried', conversationId, clientMessageId });
    this.#emitSend(conversationId, clientMessageId, item.body);
  }

  async markConsent(conversationId: string, seq: number): Promise<string | null> {
    const socket = this.#connected();
    if (!socket) return notConnectedMessage;
    const ack = await ackOf<{ message: Message }>((callback) =>
      socket.timeout(ackTimeoutMs).emit('consent:mark', { conversationId, seq }, callback),
    );
    if (!ack.ok) return ack.error.message;
    this.#dispatch({ type: 'message', conversationId, message: ack.message });
    return null;
  }

  /** Asks the resident for consent in the chat (ADR 37); the chat's update shows it asked. */
  async askForConsent(conversationId: string): Promise<string | null> {
    const socket = this.#connected();
    if (!socket) return notConnectedMessage;
    const ack = await ackOf<object>((callback) =>
      socket.timeout(ackTimeoutMs).emit('consent:ask', { conversationId }, callback),
    );
    return ack.ok ? null : ack.error.message;
  }

  /** The agent ends an active chat with a summary; the chat leaves the open list. */
  async endChat(conversationId: string, summary: string): Promise<string | null> {
    // The resident may have ended it meanwhile: then only the summary is left to save.
    if (findChat(this.#snapshot.state, conversationId)?.conversation.status === 'ended')
      return this.saveSummaryAndClose(conversationId, summary);
    const socket = this.#connected();
    if (!socket) return notConnectedMessage;
    this.#notifiers.get(conversationId)?.stop();
    this.#ending.add(conversationId);
    const ack = await ackOf<{ conversation: AgentConversation }>((callback) =>
      socket.timeout(ackTimeoutMs).emit('conversation:end', { conversationId, summary }, callback),
    );
    this.#ending.delete(conversationId);
    if (!ack.ok) {
      if (ack.error.code === 'conversation_ended') return this.saveSummaryAndClose(conversationId, summary);
      return ack.error.message;
    }
    this.close(conversationId);
    return null;
  }

  /** Saves the summary of a chat the resident ended, then closes it. */
  async saveSummaryAndClose(conversationId: string, summary: string): Promise<string | null> {
    try {
      await this.#options.saveSummary(conversationId, summary);
    } catch (error) {
      return messageOf(error);
    }
    this.close(conversationId);
    return null;
  }

  close(conversationId: string): void {
    this.#notifiers.get(conversationId)?.stop();
    this.#notifiers.delete(conversationId);
    const { [conversationId]: _, ...drafts } = this.#snapshot.drafts;
    this.#update({ drafts, state: workspaceReducer(this.#snapshot.state, { type: 'closed', conversationId }) });
  }

  /** The agent hid the notice about what Ward removed from their message. */
  hideRedactions(conversationId: string): void {
    this.#dispatch({ type: 'redactions-seen', conversationId });
  }

  /** Keeps the draft and tells the resident the agent is typing (throttled by TypingNotifier). */
  setDraft(conversationId: string, text: string): void {
    this.#update({ drafts: { ...this.#snapshot.drafts, [conversationId]: text } });
    let notifier = this.#notifiers.get(conversationId);
    if (!notifier) {
      notifier = new TypingNotifier((isTyping) => this.#connected()?.emit('typing', { conversationId, isTyping }));
      this.#notifiers.set(conversationId, notifier);
    }
    notifier.input(text.trim() !== '');
  }

  /** Whether the agent is looking at the chats page (messages in the selected chat are then read). */
  setViewing(viewing: boolean): void {
    this.#dispatch({ type: 'viewing', viewing });
  }

  // ---- internals ----

  #connected(): AgentSocket | null {
    return this.#socket?.connected ? this.#socket : null;
  }

  #dispatch(event: WorkspaceEvent): void {
    this.#update({ state: workspaceReducer(this.#snapshot.state, event) });
  }

  #update(patch: Partial<WorkspaceSnapshot>): void {
    const previous = this.#snapshot;
    const next = { ...previous, ...patch };
    if (next.state === previous.state && next.serverError === previous.serverError && next.drafts === previous.drafts)
      return;
    this.#snapshot = next;
    // The selected chat survives a reload, once the chats it may name have been read again.
    const { state } = next;
    if (
      state.connection === 'connected' &&
      (state.selectedId !== previous.state.selectedId || previous.state.connection !== 'connected')
    )
      this.#selection.write(state.selectedId);
    for (const listener of [...this.#listeners]) listener();
  }

  #emitSend(conversationId: string, clientMessageId: string, body: string): void {
    // While disconnected the message stays "Sending…" and goes out after the reconnect.
    const socket = this.#connected();
    if (!socket) return;
    socket.timeout(ackTimeoutMs).emit('message:send', { conversationId, clientMessageId, body }, (err, ack) => {
      if (err) {
        // Lost with the connection: it is sent again, with the same id, on reconnect.
        if (!socket.connected) return;
        this.#dispatch({ type: 'send-failed', conversationId, clientMessageId, error: this.#says().sendFailed });
      } else if (!ack.ok) {
        this.#dispatch({ type: 'send-failed', conversationId, clientMessageId, error: ack.error.message });
      } else {
        const { message, redactions } = ack;
        this.#dispatch({ type: 'send-acked', conversationId, clientMessageId, message, redactions });
        if (redactions.length > 0) this.#options.announce(agentRedactionNotice(redactions, this.#says()).heading);
      }
    });
  }

  async #chooseStatus(status: ChosenAgentStatus): Promise<string | null> {
    const socket = this.#connected();
    if (!socket) return notConnectedMessage;
    const ack = await ackOf<AgentStatusEvent>((callback) =>
      socket.timeout(ackTimeoutMs).emit('status:set', { status }, callback),
    );
    return ack.ok ? null : ack.error.message;
  }

  async #resume(conversationId: string, afterSeq: number): Promise<void> {
    const socket = this.#connected();
    if (!socket) return;
    const ack = await ackOf<{ conversation: AgentConversation; messages: Message[] }>((callback) =>
      socket.timeout(ackTimeoutMs).emit('resume', { conversationId, afterSeq }, callback),
    );
    if (ack.ok)
      this.#dispatch({ type: 'opened', conversation: ack.conversation, messages: ack.messages, select: false });
    else
      this.#dispatch({
        type: 'problem',
        conversationId,
        problem: `This chat could not be brought up to date: ${ack.error.message}`,
      });
  }

  #says(): AnnouncementTexts {
    return this.#options.says?.() ?? announcementsEn;
  }

  /** Wires the socket's events to the state; returns what stops the reconnect timer. */
  #listen(socket: AgentSocket): () => void {
    const { announce, staffId } = this.#options;
    const says = () => this.#says();
    const state = () => this.#snapshot.state;
    let connectedBefore = false;

    const stop = keepConnected(socket, {
      stillSignedIn: () => this.#options.stillSignedIn(),
      signedOut: () => this.#options.signedOut(),
      reconnectDelayMs: this.#options.reconnectDelayMs,
      reconnecting: () => this.#dispatch({ type: 'connection', connection: 'reconnecting' }),
      connected: () => {
        this.#update({
          state: workspaceReducer(state(), { type: 'connection', connection: 'connected' }),
          serverError: null,
        });
        // After a reconnect: catch up every open chat from its highest seq, then resend what is pending.
        for (const point of resumePoints(state())) void this.#resume(point.conversationId, point.afterSeq);
        for (const item of pendingToResend(state()))
          this.#emitSend(item.conversationId, item.clientMessageId, item.body);
        // Case events sent while disconnected were missed: what is shown is read again.
        if (connectedBefore) this.caseEvents.emit({ caseId: null, reason: 'reconnected' });
        if (connectedBefore) this.watchEvents.emit({ type: 'reconnected' });
        connectedBefore = true;
      },
    });
    // Ward's nodes lost their shared Redis for a while: what other nodes sent may not have arrived.
    socket.on('resync', () => {
      for (const point of resumePoints(state())) void this.#resume(point.conversationId, point.afterSeq);
      this.caseEvents.emit({ caseId: null, reason: 'reconnected' });
    });
    socket.on('queue', ({ waiting, departmentIds }) => {
      const text = announcementForQueue(state(), waiting, says());
      const alert = alertForQueue(state(), waiting);
      this.#dispatch(departmentIds ? { type: 'queue', waiting, departmentIds } : { type: 'queue', waiting });
      if (text) announce(text);
      if (alert) this.#options.alert?.(alert);
    });
    socket.on('my-conversations', ({ conversations }) => {
      const known = new Set(state().chats.map((chat) => chat.conversation.id));
      this.#dispatch({ type: 'my-conversations', conversations });
      for (const conversation of conversations) {
        if (!known.has(conversation.id)) void this.#resume(conversation.id, 0);
      }
    });
    socket.on('message', ({ conversationId, message }) => {
      this.watchEvents.emit({ type: 'message', conversationId, message });
      const text = announcementForMessage(state(), conversationId, message, says());
      const alert = alertForMessage(state(), conversationId, message, this.#options.pageVisible?.() ?? true);
      this.#dispatch({ type: 'message', conversationId, message });
      if (text) announce(text);
      if (alert) this.#options.alert?.(alert);
    });
    socket.on('note', (event) => {
      this.chatWork.noteArrived(event);
      if (event.note.kind === 'whisper' && event.note.authorStaffId !== staffId)
        announce(says().whisperFrom(event.note.authorName ?? null, event.note.body));
    });
    socket.on('typing', ({ conversationId, isTyping }) => this.#dispatch({ type: 'typing', conversationId, isTyping }));
    socket.on('conversation', (conversation) => {
      this.watchEvents.emit({ type: 'conversation', conversation });
      if (findChat(state(), conversation.id) && takenOverFromMe(conversation, staffId)) {
        this.close(conversation.id);
        announce(says().takenOver(conversation.caseReference));
        return;
      }
      if (!findChat(state(), conversation.id)) {
        // Accepted in another tab or window, or given to this agent by routing: open it here too.
        if (conversation.status === 'active' && conversation.assignedStaffId === staffId) {
          void this.#resume(conversation.id, 0);
          announce(says().chatOpened(conversation.topicLabel, conversation.caseReference));
        }
        return;
      }
      // Transferred to someone else or back to a queue: it leaves this agent's list.
      if (conversation.status !== 'ended' && conversation.assignedStaffId !== staffId) {
        this.close(conversation.id);
        if (!this.chatWork.transferredHere(conversation.id)) announce(says().transferred(conversation.caseReference));
        return;
      }
      const text = this.#ending.has(conversation.id)
        ? null
        : announcementForConversation(state(), conversation, says());
      this.#dispatch({ type: 'conversation', conversation });
      if (text) announce(text);
    });
    socket.on('case:changed', (event) => this.caseEvents.emit(event));
    socket.on('wallboard:changed', () => this.wallboardHints.emit());
    socket.on('status', (event) => this.agentStatus.receive(event));
    socket.on('ward:error', (error) => this.#update({ serverError: error.message }));

    return stop;
  }
}
