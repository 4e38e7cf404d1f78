import { EventEmitter } from 'node:events';
import type { CaseStatus, Message } from '@ward/protocol';

/**
 * What happened, published by services after their transaction commits. Realtime fan-out
 * (and later audit, webhooks) subscribe; services never call them directly.
 */
export type DomainEvents = {
  'conversation.started': { organisationId: string; conversationId: string };
  'conversation.accepted': { organisationId: string; conversationId: string; staffId: string };
  'conversation.ended': { organisationId: string; conversationId: string };
  'conversation.changed': { organisationId: string; conversationId: string };
  'message.appended': { organisationId: string; conversationId: string; message: Message };
  'message.changed': { organisationId: string; conversationId: string; message: Message };
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
