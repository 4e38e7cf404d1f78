import { EventEmitter } from 'node:events';
import type { AgentStatus, CaseStatus, ChatNote, Message } from '@ward/protocol';

/**
 * What happened, published by services after their transaction commits. Realtime fan-out
 * (and later audit, webhooks) subscribe; services never call them directly.
 */
export type DomainEvents = {
  'conversation.started': { organisationId: string; conversationId: string };
  'conversation.accepted': { organisationId: string; conversationId: string; staffId: string };
  'conversation.ended': { organisationId: string; conversationId: string };
  'conversation.changed': { organisationId: string; conversationId: string };
  /** A supervisor took a live chat over from `previousStaffId` (issue 11). */
  'conversation.taken-over': {
    organisationId: string;
    conversationId: string;
    staffId: string;
    previousStaffId: string | null;
  };
  /** `repeated`: a send retried with the same client id, announced again (counted once). */
  'message.appended': { organisationId: string; conversationId: string; message: Message; repeated?: true };
  'message.changed': { organisationId: string; conversationId: string; message: Message };
  /** A note, transfer note or whisper in a chat: to the staff working it, never to the resident. */
  'chat-note.added': { organisationId: string; conversationId: string; note: ChatNote };
  /** A chat moved to a department's queue (toStaffId null) or to an agent; fromStaffId had it before. */
  'conversation.transferred': {
    organisationId: string;
    conversationId: string;
    fromStaffId: string | null;
    toStaffId: string | null;
  };
  'transcript.requested': { organisationId: string; conversationId: string };
  /** A case was opened or changed (status, owner, department, note, link, summary): ids only. */
  'case.changed': {
    organisationId: string;
    caseId: string;
    departmentId: string;
    ownerStaffId: string | null;
    /** Before a transfer or a change of owner: they hear that the case left them. */
    previous?: { departmentId: string; ownerStaffId: string | null };
    /** When the status moved (from null: the case was just opened). Webhooks announce it (ADR 24). */
    status?: { from: CaseStatus | null; to: CaseStatus };
  };
  'email.received': { organisationId: string; caseId: string; emailId: string };
  'email.reply-queued': { organisationId: string; caseId: string; emailId: string };
  'form.submitted': { organisationId: string; caseId: string; submissionId: string; formId: string };
  /** Every session of this member of staff was ended: their live connections close too. */
  'staff.sessions-ended': { organisationId: string; staffId: string };
  /** An agent's routing status changed (ADR 39): every console tab of theirs hears it. */
  'agent.status-changed': { organisationId: string; staffId: string; status: AgentStatus; reason: 'chosen' | 'idle' };
  /** An administrator changed a department's routing (ADR 47): its waiting chats may be given now. */
  'routing.department-changed': { organisationId: string; departmentId: string };
};

export class DomainEventBus {
  readonly #emitter = new EventEmitter({ captureRejections: false });
  publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.#emitter.emit(name, payload);
  }
  subscribe<K extends keyof DomainEvents>(name: K, handler: (payload: DomainEvents[K]) => void | Promise<void>): void {
    this.#emitter.on(name, (payload: DomainEvents[K]) => {
      // A failing subscriber must not break the publisher or its siblings.
      void Promise.resolve()
        .then(() => handler(payload))
        .catch((error: unknown) => this.#emitter.emit('subscriber-error', error));
    });
  }
  onSubscriberError(handler: (error: unknown) => void): void {
    this.#emitter.on('subscriber-error', handler);
  }
}
