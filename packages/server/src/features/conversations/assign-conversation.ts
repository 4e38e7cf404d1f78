import { chatLinesIn } from './chat-lines.rules.ts';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import type { DomainEvents } from '../../shared/domain-events.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { agentDisplayName } from './conversation.rules.ts';
import { appendMessage, updateConversation } from './conversations.repository.ts';
import type { ConversationRecord, MessageRecord } from './conversation-records.repository.ts';
import { toMessage } from './conversation.presenters.ts';
import { chatCaseAccepted } from '../cases/chat-case.ts';
import { recordContactEvents } from '../contact-events/contact-events.repository.ts';
import { chatEvent, millisBetween } from './chat-events.rules.ts';

export type Assigned = { joined: MessageRecord; caseChanged: DomainEvents['case.changed'] | null };

/**
 * Gives a waiting chat, locked by the caller in `tx`, to a member of staff: the same whether they
 * accepted it from the queue or routing gave it to them (ADR 39). The chat becomes active and
 * theirs, the resident is told who joined, reports count the wait, and the chat's case is theirs.
 */
export async function assignConversation(
  tx: Tx,
  ctx: ServiceContext,
  conversation: ConversationRecord,
  staff: StaffPrincipal,
): Promise<Assigned> {
  const acceptedAt = new Date();
  await updateConversation(tx, conversation, {
    status: 'active',
    assigned_staff_id: staff.id,
    accepted_at: acceptedAt,
  });
  // The wait before answer, for reports (ADR 36).
  await recordContactEvents(tx, [
    chatEvent(ctx.organisation.settings, conversation, 'chat-assigned', {
      staffId: staff.id,
      value: millisBetween(conversation.created_at, acceptedAt),
    }),
  ]);
  const name = agentDisplayName(staff.firstName, staff.lastName, ctx.organisation.settings.agentNameShown);
  const joined = await appendMessage(tx, conversation, {
    client_message_id: randomUUID(),
    sender: 'system',
    sender_staff_id: null,
    sender_name: null,
    body: chatLinesIn(conversation.language).joined(name),
  });
  const caseChanged = await chatCaseAccepted(tx, conversation.id, staff); // the chat's case is theirs too (ADR 14)
  return { joined, caseChanged };
}

/** After the commit: every console tab of the agent opens the chat, the resident sees who joined. */
export function publishAssigned(
  ctx: ServiceContext,
  chat: { organisationId: string; conversationId: string; staffId: string },
  { joined, caseChanged }: { joined: MessageRecord | null; caseChanged: DomainEvents['case.changed'] | null },
): void {
  if (caseChanged) ctx.events.publish('case.changed', caseChanged);
  if (!joined) return;
  ctx.events.publish('conversation.accepted', chat);
  ctx.events.publish('message.appended', {
    organisationId: chat.organisationId,
    conversationId: chat.conversationId,
    message: toMessage(joined),
  });
}
