import type { ErrorDetail, Message, RedactionCategory, VisitorConversation } from '@ward/protocol';
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
  readonly #organisation: string;
  readonly #listener: ChatSessionListener;
  readonly #typing: TypingNotifier;
  #connection: Connection | null = null;
  #snapshot: ChatSnapshot;
  #leaving = false;
  #resumed = false;
  #resuming = false;
  #inFlight: string | null = null;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Messages whose redaction the resident has been told about (once each). */
  #toldAbout = new Set<string>();

  constructor(organisation: string, conversation: StoredConversation, listener: ChatSessionListener) {
    this.#organisation = organisation;
    this.#listener = listener;
    this.#snapshot = {
      conversation,
      messages: loadMessages(organisation),
      outbox: loadOutbox(organisation),
      connection: 'connecting',
      agentTyping: false,
      composerError: null,
      redactionNotice: null,
      consentRequest: null,
    };
    this.#typing = new TypingNotifier({ emit: (isTyping) => this.#connection?.typing(isTyping) });
  }

  get snapshot(): ChatSnapshot {
    return this.#snapshot;
  }

  start(): void {
    if (this.#connection || this.#snapshot.conversation.status === 'ended') return;
    this.#connection = connect(this.#snapshot.conversation.visitorToken, {
      onConnect: () => {
        this.#resumed = false;
        void this.#resume();
      },
      onStatus: (connection) => {
        if (connection !== 'connected') {
          this.#resumed = false;
          this.#update({ agentTyping: false });
        }
        this.#update({ connection });
      },
      onMessage: (message) => {
        if (leavesGap(this.#snapshot.messages, message)) void this.#resume();
        this.#receive([message]);
      },
      onConversation: (conversation) => this.#applyConversation(conversation),
      onTyping: ({ isTyping, name }) => this.#agentTyped(isTyping, name),
      onError: (error: ErrorDetail) => this.#update({ composerError: error.message }),
    });
  }

  /** Queues a message (shown at once as "Sending…") and sends it when connected. */
  send(body: string): void {
    this.#typing.stop();
    const pending: PendingMessage = {
      clientMessageId: newClientMessageId(),
      body,
      createdAt: new Date().toISOString(),
    };
    this.#update({ outbox: addPending(this.#snapshot.outbox, pending), composerError: null });
    void this.#flush();
  }

  /** Call on every change of the message box. */
  typed(text: string): void {
    this.#typing.input(text);
  }

  /** Ends the chat; resolves to an error message to show, or null when it ended. */
  async end(): Promise<string | null> {
    this.#typing.stop();
    const ack = await this.#connection?.end();
    if (!ack) return 'Sorry, we could not end the chat because you are not connected. Try again.';
    if (!ack.ok) {
      if (ack.error.code === 'conversation_ended') {
        this.#setStatus('ended');
        return null;
      }
      return ack.error.message;
    }
    this.#applyConversation(ack.conversation);
    return null;
  }

  /**
   * "Exit this page": asks the server to end the chat and closes the connection once it answers,
   * or after `maxWaitMs` at most (best effort: the page is about to be replaced, which would
   * otherwise cut the request off). Nothing is stored or reported from now on.
   */
  async leave(maxWaitMs: number): Promise<void> {
    this.#leaving = true;
    this.#typing.stop();
    const connection = this.#connection;
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

  /** The resident hid the notice about what was removed. */
  dismissRedactionNotice(): void {
    if (this.#snapshot.redactionNotice) this.#update({ redactionNotice: null });
  }

  dispose(): void {
    this.#typing.stop();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    clearTimeout(this.#agentTypingTimer);
    this.#connection?.close();
    this.#connection = null;
  }

  // ---- internals ----

  #update(patch: Partial<ChatSnapshot>): void {
    if (this.#leaving) return;
    const previous = this.#snapshot;
    this.#snapshot = { ...previous, ...patch };
    if (patch.messages && patch.messages !== previous.messages) saveMessages(this.#organisation, patch.messages);
    if (patch.outbox && patch.outbox !== previous.outbox) saveOutbox(this.#organisation, patch.outbox);
    if (patch.conversation && patch.conversation !== previous.conversation)
      saveConversation(this.#organisation, patch.conversation);
    this.#listener.onChange(this.#snapshot);
  }

  #later(action: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, ms);
    this.#timers.add(timer);
  }

  async #resume(): Promise<void> {
    const connection = this.#connection;
    if (!connection || this.#resuming) return;
    this.#resuming = true;
    const ack = await connection.resume(highestSeq(this.#snapshot.messages));
    this.#resuming = false;
    if (connection !== this.#connection) return;
    if (!ack) {
      if (connection.connected) this.#later(() => void this.#resume(), retryMs);
      return;
    }
    if (!ack.ok) {
      const gone = ack.error.code === 'unauthenticated' || ack.error.code === 'not_found';
      this.#update(gone ? { connection: 'refused' } : { composerError: ack.error.message });
      return;
    }
    this.#receive(ack.messages);
    this.#applyConversation(ack.conversation);
    this.#update({ outbox: reconcileOutbox(this.#snapshot.outbox, this.#snapshot.messages) });
    this.#resumed = true;
    void this.#flush();
  }

  #receive(incoming: Message[]): void {
    const before = this.#snapshot.messages;
    const outbox = this.#snapshot.outbox;
    const messages = mergeMessages(before, incoming);
    if (messages === before) return;
    const added = newlyAdded(before, messages);
    const fromCouncil = added.filter((message) => message.sender !== 'visitor');
    const agentSpoke = fromCouncil.some((message) => message.sender === 'agent');
    this.#update({
      messages,
      outbox: reconcileOutbox(this.#snapshot.outbox, messages),
      ...(agentSpoke ? { agentTyping: false } : {}),
    });
    if (fromCouncil.length > 0) this.#listener.onIncoming(fromCouncil);
    // The resident's own message, stored with something removed: the acknowledgement says so, but
    // it can be lost (or come after the message itself), so the stored text is compared too.
    for (const message of added) {
      const pending =
        message.sender === 'visitor' ? outbox.find((p) => p.clientMessageId === message.clientMessageId) : undefined;
      if (pending) this.#tell(message.clientMessageId, redactionsBetween(pending.body, message.body));
    }
  }

  #tell(clientMessageId: string, categories: RedactionCategory[]): void {
    if (categories.length === 0 || this.#toldAbout.has(clientMessageId)) return;
    this.#toldAbout.add(clientMessageId);
    this.#update({ redactionNotice: categories });
    this.#listener.onRedacted(categories);
  }

  #applyConversation(update: VisitorConversation): void {
    const current = this.#snapshot.conversation;
    if (update.conversationId !== current.conversationId) return;
    if (update.lastSeq > highestSeq(this.#snapshot.messages) && this.#resumed) void this.#resume();
    if (update.consentRequest?.summary !== this.#snapshot.consentRequest?.summary)
      this.#update({ consentRequest: update.consentRequest });
    if (update.status === current.status && update.agentName === current.agentName) return;
    this.#update({ conversation: { ...current, status: update.status, agentName: update.agentName } });
    if (update.status === 'ended') this.#ended();
  }

  #setStatus(status: StoredConversation['status']): void {
    this.#update({ conversation: { ...this.#snapshot.conversation, status } });
    if (status === 'ended') this.#ended();
  }

  #ended(): void {
    this.#typing.stop();
    clearTimeout(this.#agentTypingTimer);
    this.#update({ outbox: [], agentTyping: false });
  }

  #agentTyped(isTyping: boolean, name: string | null): void {
    clearTimeout(this.#agentTypingTimer);
    if (isTyping) {
      // The agent's client may never say "stopped": forget it after a while.
      this.#agentTypingTimer = setTimeout(() => this.#update({ agentTyping: false }), agentTypingTimeoutMs);
      if (this.#snapshot.agentTyping !== (name ?? null)) this.#update({ agentTyping: name ?? null });
    } else if (this.#snapshot.agentTyping !== false) {
      this.#update({ agentTyping: false });
    }
  }

  async #flush(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    const next = nextToSend(this.#snapshot.outbox, {
      connected: connection.connected && this.#resumed,
      inFlight: this.#inFlight,
    });
    if (!next) return;
    this.#inFlight = next.clientMessageId;
    const ack = await connection.send({ clientMessageId: next.clientMessageId, body: next.body });
    this.#inFlight = null;
    if (connection !== this.#connection) return;
    if (!ack) {
      // No answer: keep it pending and try again with the same id (the server stores it once).
      if (connection.connected) this.#later(() => void this.#flush(), retryMs);
      return;
    }
    if (ack.ok) {
      this.#tell(next.clientMessageId, ack.redactions);
      this.#receive([ack.message]);
      this.#update({ outbox: removePending(this.#snapshot.outbox, next.clientMessageId) });
    } else {
      this.#update({
        outbox: removePending(this.#snapshot.outbox, next.clientMessageId),
        composerError: ack.error.message,
      });
      if (ack.error.code === 'conversation_ended') {
        this.#setStatus('ended');
        return;
      }
      this.#listener.onRefused(next.body);
    }
    void this.#flush();
  }
}
