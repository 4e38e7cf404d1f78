import { randomUUID } from 'node:crypto';
import type { AgentResumeResult } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { agentDisplayName, decideAccept } from './conversation.rules.ts';
import {
  appendMessage,
  findConversation,
  listMessagesAfter,
  lockConversation,
  updateConversation,
  type MessageRecord,
} from './conversations.repository.ts';
import { conversationEntry, conversationFields, recordAudit, staffActor } from '../audit/record-audit.ts';
import { toAgentConversation, toMessage } from './conversation.presenters.ts';
import { chatCaseAccepted } from '../cases/chat-case.ts';
import { canAcceptConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { accessFactsOf } from './conversation-access.ts';
import { recordContactEvents } from '../contact-events/contact-events.repository.ts';
import { chatEvent, millisBetween } from './chat-events.rules.ts';

export async function acceptConversation(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<AgentResumeResult> {
  const { joined, row, messages, caseChanged } = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, ctx.keyring, conversationId);
    if (!conversation || conversation.organisation_id !== staff.organisationId) throw notFound('The conversation');
    // Another department's chat is not there for this agent: the same answer as a chat that does not exist.
    if (!canAcceptConversation(await staffScopeOf(tx, staff), accessFactsOf(conversation)))
      throw notFound('The conversation');
    const decision = decideAccept(
      { status: conversation.status, assignedStaffId: conversation.assigned_staff_id },
      staff.id,
    );
    if (!decision.ok) throw new AppError(decision.error.code, decision.error.message);
    let joined: MessageRecord | null = null; // already theirs: accepting again is harmless
    if (conversation.status !== 'active') {
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
      joined = await appendMessage(tx, conversation, {
        client_message_id: randomUUID(),
        sender: 'system',
        sender_staff_id: null,
        sender_name: null,
        body: `${name} has joined the chat`,
      });
    }
    const caseChanged = await chatCaseAccepted(tx, conversationId, staff); // the chat's case is theirs too (ADR 14)
    // The agent now reads the resident's details and transcript: read and audited in this transaction.
    const row = await findConversation(tx, ctx.keyring, staff.organisationId, conversationId);
    if (!row) throw notFound('The conversation');
    const messages = await listMessagesAfter(tx, row, 0);
    await recordAudit(
      tx,
      conversationEntry(row, {
        actor: staffActor(staff),
        action: 'read',
        purpose: 'handle-chat',
        fields: [...conversationFields, 'messages.body'],
      }),
    );
    return { joined, row, messages, caseChanged };
  });
  if (caseChanged) ctx.events.publish('case.changed', caseChanged);
  if (joined) {
    ctx.events.publish('conversation.accepted', {
      organisationId: staff.organisationId,
      conversationId,
      staffId: staff.id,
    });
    ctx.events.publish('message.appended', {
      organisationId: staff.organisationId,
      conversationId,
      message: toMessage(joined),
    });
  }
  return { conversation: toAgentConversation(row), messages: messages.map(toMessage) };
}
