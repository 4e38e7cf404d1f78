import * as z from 'zod';
import type { ErrorDetail } from './errors.ts';
import type { AgentConversation, Message, QueueItem, VisitorConversation } from './chat.ts';
import { MessageBody, Uuid } from './chat.ts';
import type { RedactionCategory } from './redaction.ts';
import type { AddChatNotePayload, ChatNote, ListChatNotesPayload, TransferChatPayload } from './chat-work.ts';
import { limits } from './limits.ts';
import { freeText } from './free-text.ts';
import type { AgentStatusEvent, AgentStatusPayload } from './routing.ts';

/**
 * Socket.IO contract. Two namespaces:
 * - `/visitor`: handshake `auth: { token }` (the visitor token). One socket = one conversation.
 * - `/agent`: authenticated by the staff session cookie.
 *
 * Every client→server event takes one payload object and an acknowledgement callback that
 * receives an `Ack`. A message is acknowledged only after it is committed to the database.
 * A payload that fails its schema gets `{ ok: false, error }` in the ack (and a `ward:error`
 * event when no ack callback was given) and changes nothing.
 */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorDetail };

export const SendMessagePayload = z.object({ clientMessageId: Uuid, body: MessageBody });
export const TypingPayload = z.object({ isTyping: z.boolean() });
export const ResumePayload = z.object({ afterSeq: z.number().int().nonnegative() });
export const EmptyPayload = z.object({}).strict();

export const AgentConversationPayload = z.object({ conversationId: Uuid });
export const AgentSendMessagePayload = SendMessagePayload.extend({ conversationId: Uuid });
export const AgentTypingPayload = TypingPayload.extend({ conversationId: Uuid });
export const AgentResumePayload = ResumePayload.extend({ conversationId: Uuid });
export const AgentEndPayload = z.object({
  conversationId: Uuid,
  summary: freeText(z.string().trim().max(limits.summaryMaxChars)).optional(),
});
export const MarkConsentPayload = z.object({ conversationId: Uuid, seq: z.number().int().positive() });

/**
 * The answer to `message:send`: the message as stored, which is what the other party sees. Card
 * numbers, bank details and National Insurance numbers are replaced with markers before it is
 * stored; `redactions` says which kinds were removed (empty when nothing was), so the sender
 * can be told. A retry with the same clientMessageId gets the same stored message.
 */
export type SendMessageResult = { message: Message; redactions: RedactionCategory[] };

/**
 * Why a case changed, for `case:changed`: `changed` (status, owner, department, note, link,
 * summary, a new case), `email-received` (the resident emailed), `email-reply` (staff replied),
 * `form-submitted` (a form opened the case).
 */
export const CaseChangeReason = z.enum(['changed', 'email-received', 'email-reply', 'form-submitted']);
export type CaseChangeReason = z.infer<typeof CaseChangeReason>;

/**
 * `case:changed` (server → agent): ids only, no personal data, so sending it is not audited.
 * The console reads the case again through the audited HTTP API. Sent to the case's owner and to
 * the staff who work in its department (staff with no departments listed, and administrators,
 * get every department's).
 */
export const CaseChangedPayload = z.object({ caseId: Uuid, reason: CaseChangeReason });
export type CaseChangedPayload = z.infer<typeof CaseChangedPayload>;

export type ResumeResult = { conversation: VisitorConversation; messages: Message[] };
export type AgentResumeResult = { conversation: AgentConversation; messages: Message[] };

export interface VisitorClientEvents {
  'message:send': (payload: z.input<typeof SendMessagePayload>, ack: (result: Ack<SendMessageResult>) => void) => void;
  typing: (payload: z.input<typeof TypingPayload>) => void;
  resume: (payload: z.input<typeof ResumePayload>, ack: (result: Ack<ResumeResult>) => void) => void;
  'conversation:end': (
    payload: Record<string, never>,
    ack: (result: Ack<{ conversation: VisitorConversation }>) => void,
  ) => void;
  /** The resident warned that the silent chat will close chooses to stay (ADR 43); nothing when not warned. */
  'chat:stay': (payload: Record<string, never>, ack: (result: Ack<object>) => void) => void;
}

/**
 * A waiting resident's place in their department's queue (oldest first, from 1) and how long its
 * chats usually wait for an answer, in whole minutes; null when there is too little history to say.
 */
export type QueuePosition = { position: number; waitMinutes: number | null };

export interface VisitorServerEvents {
  message: (message: Message) => void;
  /** Messages may have been missed (the nodes' shared Redis was away): resume from the highest seq. */
  resync: (payload: Record<string, never>) => void;
  /** Sent on connect while the chat waits, and whenever its place or the usual wait changes. */
  queue: (payload: QueuePosition) => void;
  typing: (payload: { isTyping: boolean; name: string | null }) => void;
  conversation: (conversation: VisitorConversation) => void;
  'ward:error': (error: ErrorDetail) => void;
}

export interface AgentClientEvents {
  'conversation:accept': (
    payload: z.input<typeof AgentConversationPayload>,
    ack: (result: Ack<AgentResumeResult>) => void,
  ) => void;
  'message:send': (
    payload: z.input<typeof AgentSendMessagePayload>,
    ack: (result: Ack<SendMessageResult>) => void,
  ) => void;
  typing: (payload: z.input<typeof AgentTypingPayload>) => void;
  resume: (payload: z.input<typeof AgentResumePayload>, ack: (result: Ack<AgentResumeResult>) => void) => void;
  'conversation:end': (
    payload: z.input<typeof AgentEndPayload>,
    ack: (result: Ack<{ conversation: AgentConversation }>) => void,
  ) => void;
  'consent:mark': (
    payload: z.input<typeof MarkConsentPayload>,
    ack: (result: Ack<{ message: Message }>) => void,
  ) => void;
  /** Ask the resident for consent in the chat: the widget shows them a checkbox (ADR 37). */
  'consent:ask': (payload: z.input<typeof AgentConversationPayload>, ack: (result: Ack<object>) => void) => void;
  /** A supervisor opens a live chat of their departments read-only, and hears its messages (audited). */
  'supervision:watch': (
    payload: z.input<typeof AgentConversationPayload>,
    ack: (result: Ack<AgentResumeResult>) => void,
  ) => void;
  /** Stops hearing a watched chat. */
  'supervision:unwatch': (
    payload: z.input<typeof AgentConversationPayload>,
    ack: (result: Ack<object>) => void,
  ) => void;
  /** A supervisor takes a live chat over: it and its case become theirs; the resident is told a colleague joined. */
  'supervision:take-over': (
    payload: z.input<typeof AgentConversationPayload>,
    ack: (result: Ack<AgentResumeResult>) => void,
  ) => void;
  /** An internal note (the agent handling it, a watcher) or a whisper (a supervisor to the agent): staff only. */
  'note:add': (payload: z.input<typeof AddChatNotePayload>, ack: (result: Ack<{ note: ChatNote }>) => void) => void;
  /** The chat's notes, transfer notes and whispers (an audited read). */
  'notes:list': (
    payload: z.input<typeof ListChatNotesPayload>,
    ack: (result: Ack<{ notes: ChatNote[] }>) => void,
  ) => void;
  /** Transfers a live chat to a department's queue or to an agent; the resident is told. */
  'conversation:transfer': (
    payload: z.input<typeof TransferChatPayload>,
    ack: (result: Ack<{ note: ChatNote }>) => void,
  ) => void;
  /** The agent chooses their status (ADR 39); every tab of theirs hears `status`. */
  'status:set': (payload: z.input<typeof AgentStatusPayload>, ack: (result: Ack<AgentStatusEvent>) => void) => void;
  /** The agent is using the console (a key or a click, at most once a minute): not idle, so not away. */
  activity: (payload: Record<string, never>, ack?: (result: Ack<object>) => void) => void;
}

export interface AgentServerEvents {
  /**
   * The waiting queue, sent on connect and on every change. With `departmentIds`, the list is those
   * departments' part of the queue and replaces only their items (an agent hears of each department
   * they work in); without, it is the whole queue (administrators and staff of every department).
   */
  queue: (payload: { waiting: QueueItem[]; departmentIds?: string[] }) => void;
  /** The agent's own open conversations, sent on connect (so a reload restores the workspace). */
  'my-conversations': (payload: { conversations: AgentConversation[] }) => void;
  /** Messages may have been missed (the nodes' shared Redis was away): resume each open chat. */
  resync: (payload: Record<string, never>) => void;
  message: (payload: { conversationId: string; message: Message }) => void;
  /** A note, transfer note or whisper in a chat this agent handles. */
  note: (payload: { conversationId: string; note: ChatNote }) => void;
  typing: (payload: { conversationId: string; isTyping: boolean }) => void;
  conversation: (conversation: AgentConversation) => void;
  /** A case this agent owns, or of a department they work in, changed: ids only (read it over HTTP). */
  'case:changed': (payload: CaseChangedPayload) => void;
  /** Supervisors and administrators: a chat started, was accepted or ended; the wallboard reads its figures again. */
  'wallboard:changed': (payload: Record<string, never>) => void;
  /** The agent's status, on connect and whenever it changes (chosen in any tab, or away after idling). */
  status: (payload: AgentStatusEvent) => void;
  'ward:error': (error: ErrorDetail) => void;
}
