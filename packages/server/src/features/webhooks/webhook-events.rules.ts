import type { CaseStatus, WebhookDeliveryEvent, WebhookEvent } from '@ward/protocol';

/**
 * What Ward tells other systems (ADR 24), built from ids, statuses, department ids, case
 * references and times only: these functions take nothing else, so no name, email or message
 * text can reach a webhook body.
 */
export type ChatFacts = {
  conversationId: string;
  status: 'waiting' | 'active' | 'ended';
  caseId: string | null;
  caseReference: string;
  departmentId: string | null;
  startedAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
};

export type CaseFacts = {
  caseId: string;
  caseReference: string;
  status: CaseStatus;
  departmentId: string;
  conversationId: string | null;
  createdAt: Date;
  closedAt: Date | null;
};

export type StatusChange = { from: CaseStatus | null; to: CaseStatus };

export type WebhookMessage = { event: WebhookDeliveryEvent; data: Record<string, unknown> };

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function chatMessage(event: 'chat.started' | 'chat.accepted' | 'chat.ended', chat: ChatFacts): WebhookMessage {
  return {
    event,
    data: {
      conversationId: chat.conversationId,
      status: chat.status,
      caseId: chat.caseId,
      caseReference: chat.caseReference,
      departmentId: chat.departmentId,
      startedAt: iso(chat.startedAt),
      acceptedAt: iso(chat.acceptedAt),
      endedAt: iso(chat.endedAt),
    },
  };
}

const caseData = (facts: CaseFacts, change?: StatusChange) => ({
  caseId: facts.caseId,
  caseReference: facts.caseReference,
  status: facts.status,
  ...(change && change.from !== null ? { previousStatus: change.from } : {}),
  departmentId: facts.departmentId,
  conversationId: facts.conversationId,
  createdAt: iso(facts.createdAt),
  closedAt: iso(facts.closedAt),
});

/**
 * The events one change of a case makes: opened → `case.created`; a status change →
 * `case.status-changed`, and `case.closed` too when it closed; anything else (owner, department,
 * note, link, summary) → `case.updated`.
 */
export function caseMessages(facts: CaseFacts, change: StatusChange | undefined): WebhookMessage[] {
  if (change && change.from === null) return [{ event: 'case.created', data: caseData(facts) }];
  if (change && change.from !== change.to) {
    const changed: WebhookMessage = { event: 'case.status-changed', data: caseData(facts, change) };
    return change.to === 'closed' ? [changed, { event: 'case.closed', data: caseData(facts, change) }] : [changed];
  }
  return [{ event: 'case.updated', data: caseData(facts) }];
}

/** The body every delivery sends: the same envelope for every event. */
export function webhookBody(message: WebhookMessage, deliveryId: string, occurredAt: Date): string {
  return JSON.stringify({
    id: deliveryId,
    event: message.event,
    occurredAt: occurredAt.toISOString(),
    data: message.data,
  });
}

/** Whether a webhook listening to `events` wants this message (`ping` goes only where it is sent). */
export const wants = (events: readonly WebhookEvent[], event: WebhookDeliveryEvent) =>
  event !== 'ping' && (events as readonly string[]).includes(event);
