import type { ErrorDetail, Message, QueuePosition, RedactionCategory, VisitorConversation } from '@ward/protocol';
import { newClientMessageId } from './client-message-id.ts';
import { connect } from './connection.ts';
import type { Connection, ConnectionStatus } from './connection.ts';
import { highestSeq, leavesGap, mergeMessages, newlyAdded } from './merge-messages.ts';
import { addPending, nextToSend, reconcileOutbox, removePending } from './outbox.ts';
import type { PendingMessage } from './outbox.ts';
import { redactionsBetween } from './redaction-notice.ts';
import { loadMessages, loadOutbox, saveConversation, saveMessages, saveOutbox } from './storage.ts';
import type { StoredConversation } from './storage.ts';
import { TypingNotifier } from './typing-notifier.ts';
import { errorText, m } from './i18n.ts';

/**
 * One live conversation: holds the messages and outbox, keeps them in sessionStorage, resumes
 * after every (re)connect and sends pending messages one at a time. The Preact view subscribes
 * to snapshots; nothing here renders.
 */
export interface ChatSnapshot {
  conversation: StoredConversation;
  messages: Message[];
  outbox: PendingMessage[];
  connection: ConnectionStatus;
  /** The agent is typing: their name (or null when unknown); false when not typing. */
  agentTyping: string | null | false;
  /** Shown near the composer. */
  composerError: string | null;
  /** What Ward removed from the resident's last such message (card details…), until they hide the notice. */
  redactionNotice: RedactionCategory[] | null;
  /** The adviser asked for the resident's consent and they have not given it yet (ADR 37). */
  consentRequest: VisitorConversation['consentRequest'];
  /** While waiting: their place in the queue and the usual wait, as the server last said. */
  queue: QueuePosition | null;
  /** Nobody has written for a while: the chat closes then unless the resident stays or writes (ADR 43). */
  closesAt: string | null;
}

export interface ChatSessionListener {
  onChange: (snapshot: ChatSnapshot) => void;
  /** New messages from the council (agent or system), to announce and count as unread. */
  onIncoming: (messages: Message[]) => void;
  /** A message the server refused: put its text back in the message box. */
  onRefused: (body: string) => void;
  /** Ward removed card details, bank details or a National Insurance number from a message the resident sent. */
  onRedacted: (categories: RedactionCategory[]) => void;
}

const retryMs = 3000;
const agentTypingTimeoutMs = 8000;

export class ChatSession {
  private readonly _organisation: string;
  private readonly _listener: ChatSessionListener;
  private readonly _typing: TypingNotifier;
  private _connection: Connection | null = null;
  private _snapshot: ChatSnapshot;
  private _leaving = false;
  private _resumed = false;
  private _resuming = false;
  private _inFlight: string | null = null;
  private _timers = new Set<ReturnType<typeof setTimeout>>();
  private _agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Messages whose redaction the resident has been told about (once each). */
  private _toldAbout = new Set<string>();
  /** The closing time the server last said: a message hides the notice until the server says another. */
  private _warning: string | null = null;

  constructor(organisation: string, conversation: StoredConversation, listener: ChatSessionListener) {
    this._organisation = organisation;
    this._listener = listener;
    this._snapshot = {
      conversation,
      messages: loadMessages(organisation),
      outbox: loadOutbox(organisation),
      connection: 'connecting',
      agentTyping: false,
      composerError: null,
      redactionNotice: null,
      consentRequest: null,
      queue: null,
      closesAt: null,
    };
    this._typing = new TypingNotifier({ emit: (isTyping) => this._connection?.typing(isTyping) });
  }

  get snapshot(): ChatSnapshot {
    return this._snapshot;
  }

  start(): void {
    if (this._connection || this._snapshot.conversation.status === 'ended') return;
    this._connection = connect(this._snapshot.conversation.visitorToken, {
      onConnect: () => {
        this._resumed = false;
        void this._resume();
      },
      onStatus: (connection) => {
        if (connection !== 'connected') {
          this._resumed = false;
          this._update({ agentTyping: false });
        }
        this._update({ connection });
      },
      onMessage: (message) => {
        if (leavesGap(this._snapshot.messages, message)) void this._resume();
        this._receive([message]);
      },
      onConversation: (conversation) => this._applyConversation(conversation),
      onTyping: ({ isTyping, name }) => this._agentTyped(isTyping, name),
      onQueue: (queue) => this._update({ queue }),
      onError: (error: ErrorDetail) => this._update({ composerError: errorText(error) }),
    });
  }

  /** Queues a message (shown at once as "Sending…") and sends it when connected. */
  send(body: string): void {
    this._typing.stop();
    const pending: PendingMessage = {
      clientMessageId: newClientMessageId(),
      body,
      createdAt: new Date().toISOString(),
    };
    this._update({ outbox: addPending(this._snapshot.outbox, pending), composerError: null });
    void this._flush();
  }

  /** Call on every change of the message box. */
  typed(text: string): void {
    this._typing.input(text);
  }

  /** Ends the chat; resolves to an error message to show, or null when it ended. */
  async end(): Promise<string | null> {
    this._typing.stop();
    const ack = await this._connection?.end();
    if (!ack) return m.endNotConnected;
    if (!ack.ok) {
      if (ack.error.code === 'conversation_ended') {
        this._setStatus('ended');
        return null;
      }
      return errorText(ack.error);
    }
    this._applyConversation(ack.conversation);
    return null;
  }

  /**
   * "Exit this page": asks the server to end the chat and closes the connection once it answers,
   * or after `maxWaitMs` at most (best effort: the page is about to be replaced, which would
   * otherwise cut the request off). Nothing is stored or reported from now on.
   */
  async leave(maxWaitMs: number): Promise<void> {
    this._leaving = true;
    this._typing.stop();
    const connection = this._connection;
    if (connection) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        connection.end(),
        new Promise((resolve) => {
          timer = setTimeout(resolve, maxWaitMs);
        }),
      ]);
      clearTimeout(timer);
    }
    this.dispose();
  }

  /** Warned that the chat will close, the resident stays. */
  async stay(): Promise<void> {
    if ((await this._connection?.stay())?.ok) this._update({ closesAt: null });
  }

  /** The resident hid the notice about what was removed. */
  dismissRedactionNotice(): void {
    if (this._snapshot.redactionNotice) this._update({ redactionNotice: null });
  }

  dispose(): void {
    this._typing.stop();
    for (const timer of this._timers) clearTimeout(timer);
    this._timers.clear();
    clearTimeout(this._agentTypingTimer);
    this._connection?.close();
    this._connection = null;
  }

  // ---- internals ----

  private _update(patch: Partial<ChatSnapshot>): void {
    if (this._leaving) return;
    const previous = this._snapshot;
    this._snapshot = { ...previous, ...patch };
    if (patch.messages && patch.messages !== previous.messages) saveMessages(this._organisation, patch.messages);
    if (patch.outbox && patch.outbox !== previous.outbox) saveOutbox(this._organisation, patch.outbox);
    if (patch.conversation && patch.conversation !== previous.conversation)
      saveConversation(this._organisation, patch.conversation);
    this._listener.onChange(this._snapshot);
  }

  private _later(action: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this._timers.delete(timer);
      action();
    }, ms);
    this._timers.add(timer);
  }

  private async _resume(): Promise<void> {
    const connection = this._connection;
    if (!connection || this._resuming) return;
    this._resuming = true;
    const ack = await connection.resume(highestSeq(this._snapshot.messages));
    this._resuming = false;
    if (connection !== this._connection) return;
    if (!ack) {
      if (connection.connected) this._later(() => void this._resume(), retryMs);
      return;
    }
    if (!ack.ok) {
      const gone = ack.error.code === 'unauthenticated' || ack.error.code === 'not_found';
      this._update(gone ? { connection: 'refused' } : { composerError: errorText(ack.error) });
      return;
    }
    this._receive(ack.messages);
    this._applyConversation(ack.conversation);
    this._update({ outbox: reconcileOutbox(this._snapshot.outbox, this._snapshot.messages) });
    this._resumed = true;
    void this._flush();
  }

  private _receive(incoming: Message[]): void {
    const before = this._snapshot.messages;
    const outbox = this._snapshot.outbox;
    const messages = mergeMessages(before, incoming);
    if (messages === before) return;
    const added = newlyAdded(before, messages);
    const fromCouncil = added.filter((message) => message.sender !== 'visitor');
    const agentSpoke = fromCouncil.some((message) => message.sender === 'agent');
    this._update({
      messages,
      outbox: reconcileOutbox(this._snapshot.outbox, messages),
      ...(agentSpoke ? { agentTyping: false } : {}),
      // Someone wrote: the chat is no longer silent (the server clears its warning on its next round).
      ...(added.some((message) => message.sender !== 'system') ? { closesAt: null } : {}),
    });
    if (fromCouncil.length > 0) this._listener.onIncoming(fromCouncil);
    // The resident's own message, stored with something removed: the acknowledgement says so, but
    // it can be lost (or come after the message itself), so the stored text is compared too.
    for (const message of added) {
      const pending =
        message.sender === 'visitor' ? outbox.find((p) => p.clientMessageId === message.clientMessageId) : undefined;
      if (pending) this._tell(message.clientMessageId, redactionsBetween(pending.body, message.body));
    }
  }

  private _tell(clientMessageId: string, categories: RedactionCategory[]): void {
    if (categories.length === 0 || this._toldAbout.has(clientMessageId)) return;
    this._toldAbout.add(clientMessageId);
    this._update({ redactionNotice: categories });
    this._listener.onRedacted(categories);
  }

  private _applyConversation(update: VisitorConversation): void {
    const current = this._snapshot.conversation;
    if (update.conversationId !== current.conversationId) return;
    if (update.lastSeq > highestSeq(this._snapshot.messages) && this._resumed) void this._resume();
    if (update.consentRequest?.summary !== this._snapshot.consentRequest?.summary)
      this._update({ consentRequest: update.consentRequest });
    const closesAt = update.inactivityWarning?.closesAt ?? null;
    if (closesAt !== this._warning) this._update({ closesAt: (this._warning = closesAt) });
    if (update.status === current.status && update.agentName === current.agentName) return;
    this._update({ conversation: { ...current, status: update.status, agentName: update.agentName } });
    if (update.status === 'ended') this._ended();
  }

  private _setStatus(status: StoredConversation['status']): void {
    this._update({ conversation: { ...this._snapshot.conversation, status } });
    if (status === 'ended') this._ended();
  }

  private _ended(): void {
    this._typing.stop();
    clearTimeout(this._agentTypingTimer);
    this._update({ outbox: [], agentTyping: false });
  }

  private _agentTyped(isTyping: boolean, name: string | null): void {
    clearTimeout(this._agentTypingTimer);
    if (isTyping) {
      // The agent's client may never say "stopped": forget it after a while.
      this._agentTypingTimer = setTimeout(() => this._update({ agentTyping: false }), agentTypingTimeoutMs);
      if (this._snapshot.agentTyping !== (name ?? null)) this._update({ agentTyping: name ?? null });
    } else if (this._snapshot.agentTyping !== false) {
      this._update({ agentTyping: false });
    }
  }

  private async _flush(): Promise<void> {
    const connection = this._connection;
    if (!connection) return;
    const next = nextToSend(this._snapshot.outbox, {
      connected: connection.connected && this._resumed,
      inFlight: this._inFlight,
    });
    if (!next) return;
    this._inFlight = next.clientMessageId;
    const ack = await connection.send({ clientMessageId: next.clientMessageId, body: next.body });
    this._inFlight = null;
    if (connection !== this._connection) return;
    if (!ack) {
      // No answer: keep it pending and try again with the same id (the server stores it once).
      if (connection.connected) this._later(() => void this._flush(), retryMs);
      return;
    }
    if (ack.ok) {
      this._tell(next.clientMessageId, ack.redactions);
      this._receive([ack.message]);
      this._update({ outbox: removePending(this._snapshot.outbox, next.clientMessageId) });
    } else {
      this._update({
        outbox: removePending(this._snapshot.outbox, next.clientMessageId),
        composerError: errorText(ack.error),
      });
      if (ack.error.code === 'conversation_ended') {
        this._setStatus('ended');
        return;
      }
      this._listener.onRefused(next.body);
    }
    void this._flush();
  }
}
