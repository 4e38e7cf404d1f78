import type { AgentResumeResult } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { decideAccept } from './conversation.rules.ts';
import { findConversation, listMessagesAfter, lockConversation } from './conversations.repository.ts';
import { conversationEntry, conversationFields, recordAudit, staffActor } from '../audit/record-audit.ts';
import { toAgentConversation, toMessage } from './conversation.presenters.ts';
import { assignConversation, publishAssigned } from './assign-conversation.ts';
import { chatCaseAccepted } from '../cases/chat-case.ts';
import { canAcceptConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { accessFactsOf } from './conversation-access.ts';

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
    // Already theirs: accepting again is harmless (and their case stays theirs).
    const { joined, caseChanged } =
      conversation.status !== 'active'
        ? await assignConversation(tx, ctx, conversation, staff)
        : { joined: null, caseChanged: await chatCaseAccepted(tx, conversationId, staff) };
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
  publishAssigned(
    ctx,
    { organisationId: staff.organisationId, conversationId, staffId: staff.id },
    { joined, caseChanged },
  );
  return { conversation: toAgentConversation(row), messages: messages.map(toMessage) };
}
