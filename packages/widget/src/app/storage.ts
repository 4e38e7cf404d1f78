import { conversationStatuses } from '@ward/protocol/resident-rules';
import type { ConversationStatus, Message } from '@ward/protocol';
import type { Language } from '@ward/protocol/resident-rules';
import type { PendingMessage } from './outbox.ts';
import { exitUrl, widgetStorageKeys } from '../shared/quick-exit.ts';

/**
 * The app's state in its own sessionStorage (per tab, cleared when the tab closes), so a page
 * reload renders the chat at once and then resumes. Keys:
 * - `ward:<organisation>:conversation` the conversation, its bearer token and progress
 * - `ward:<organisation>:messages`     the messages held (resume continues after the highest seq)
 * - `ward:<organisation>:outbox`       messages not yet acknowledged (sent again after reconnect)
 * Storage may be unavailable (blocked third-party storage): then nothing persists.
 */
export interface StoredConversation {
  conversationId: string;
  caseReference: string;
  visitorToken: string;
  /** From the pre-chat form, to prefill the transcript request. */
  email: string;
  status: ConversationStatus;
  agentName: string | null;
  /** Post-chat progress. */
  transcriptSentTo: string | null;
  optInsSaved: boolean;
  feedbackSent: boolean;
  /** Only when the chosen topic is sensitive: where "Exit this page" goes (ADR 31). */
  quickExitUrl?: string;
}

const keys = (organisation: string) => ({
  conversation: `ward:${organisation}:conversation`,
  messages: `ward:${organisation}:messages`,
  outbox: `ward:${organisation}:outbox`,
});

function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string): unknown {
  try {
    const raw = store()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    store()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked: the chat still works, it just will not survive a reload.
  }
}

function isStoredConversation(value: unknown): value is StoredConversation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.conversationId === 'string' &&
    typeof v.caseReference === 'string' &&
    typeof v.visitorToken === 'string' &&
    typeof v.email === 'string' &&
    conversationStatuses.includes(v.status as ConversationStatus) &&
    (v.agentName === null || typeof v.agentName === 'string') &&
    (v.transcriptSentTo === null || typeof v.transcriptSentTo === 'string') &&
    typeof v.optInsSaved === 'boolean' &&
    typeof v.feedbackSent === 'boolean' &&
    (v.quickExitUrl === undefined || exitUrl(v.quickExitUrl) !== null)
  );
}

/** A message as this app stored it (sessionStorage is the app's own, but may hold an older shape). */
function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.seq === 'number' &&
    Number.isInteger(v.seq) &&
    v.seq > 0 &&
    typeof v.clientMessageId === 'string' &&
    (v.sender === 'visitor' || v.sender === 'agent' || v.sender === 'system') &&
    (v.senderName === null || typeof v.senderName === 'string') &&
    typeof v.body === 'string' &&
    typeof v.sentAt === 'string' &&
    typeof v.consentEvidence === 'boolean'
  );
}

function isPending(value: unknown): value is PendingMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.clientMessageId === 'string' && typeof v.body === 'string' && typeof v.createdAt === 'string';
}

export function loadConversation(organisation: string): StoredConversation | null {
  const value = read(keys(organisation).conversation);
  return isStoredConversation(value) ? value : null;
}

export function saveConversation(organisation: string, conversation: StoredConversation): void {
  write(keys(organisation).conversation, conversation);
}

export function loadMessages(organisation: string): Message[] {
  const value = read(keys(organisation).messages);
  return Array.isArray(value) ? value.filter(isMessage) : [];
}

export function saveMessages(organisation: string, messages: readonly Message[]): void {
  write(keys(organisation).messages, messages);
}

export function loadOutbox(organisation: string): PendingMessage[] {
  const value = read(keys(organisation).outbox);
  return Array.isArray(value) ? value.filter(isPending) : [];
}

export function saveOutbox(organisation: string, outbox: readonly PendingMessage[]): void {
  write(keys(organisation).outbox, outbox);
}

/**
 * The language the resident chose with the widget's switch (ADR 49): `ward:<organisation>:language`,
 * kept when they start a new chat, gone with everything else on "Exit this page".
 */
export function loadLanguage(organisation: string): string | null {
  const value = read(`ward:${organisation}:language`);
  return typeof value === 'string' ? value : null;
}

export function saveLanguage(organisation: string, language: Language): void {
  write(`ward:${organisation}:language`, language);
}

/** "Start a new chat": forget everything about the previous conversation. */
export function clearConversation(organisation: string): void {
  const s = store();
  if (!s) return;
  try {
    for (const key of Object.values(keys(organisation))) s.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** "Exit this page": remove every key this app stored for the council (`ward:<organisation>:*`). */
export function forgetEverything(organisation: string, storage: Storage | null = store()): void {
  if (!storage) return;
  try {
    const all: string[] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key !== null) all.push(key);
    }
    for (const key of widgetStorageKeys(all, organisation)) storage.removeItem(key);
  } catch {
    // blocked storage holds nothing
  }
}
