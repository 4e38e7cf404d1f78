import { randomUUID } from 'node:crypto';
import type { AgentResumeResult } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canTakeOverConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { conversationEntry, conversationFields, recordAudit, staffActor } from '../audit/record-audit.ts';
import { chatCaseAccepted } from '../cases/chat-case.ts';
import { accessFactsOf } from '../conversations/conversation-access.ts';
import { toAgentConversation, toMessage } from '../conversations/conversation.presenters.ts';
import {
  appendMessage,
  findConversation,
  listMessagesAfter,
  lockConversation,
  updateConversation,
} from '../conversations/conversations.repository.ts';
import { chatLinesIn } from '../conversations/chat-lines.rules.ts';
import { recordContactEvents } from '../contact-events/contact-events.repository.ts';
import { chatEvent } from '../conversations/chat-events.rules.ts';
/**
 * A supervisor takes over a live chat of their departments (issue 11, ADR 42): in one transaction
 * the chat and its case become theirs, the resident is told "A colleague has joined the chat" (no
 * name: the resident need not learn who supervises), and the take-over and the read of the
 * transcript are audited. After the commit the previous agent's consoles drop the chat.
 */
export async function takeOverConversation(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<AgentResumeResult> {
  const { row, messages, joined, previousStaffId, caseChanged } = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, ctx.keyring, conversationId);
    if (!conversation || conversation.organisation_id !== staff.organisationId) throw notFound('The live chat');
    if (!canTakeOverConversation(await staffScopeOf(tx, staff), accessFactsOf(conversation)))
      throw notFound('The live chat');
    const previousStaffId = conversation.assigned_staff_id;
    await updateConversation(tx, conversation, { assigned_staff_id: staff.id });
    const joined = await appendMessage(tx, conversation, {
      client_message_id: randomUUID(),
      sender: 'system',
      sender_staff_id: null,
      sender_name: null,
      body: chatLinesIn(conversation.language).colleagueJoined,
    });
    const caseChanged = await chatCaseAccepted(tx, conversationId, staff); // the case follows the chat (ADR 14)
    // From now the chat counts in the supervisor's time, not the adviser's (ADR 44).
    await recordContactEvents(tx, [
      chatEvent(ctx.organisation.settings, conversation, 'chat-taken-over', { staffId: staff.id }),
    ]);
    const row = await findConversation(tx, ctx.keyring, staff.organisationId, conversationId);
    if (!row) throw notFound('The live chat');
    const messages = await listMessagesAfter(tx, row, 0);
    const actor = staffActor(staff);
    await recordAudit(tx, [
      conversationEntry(row, { actor, action: 'update', purpose: 'supervision', fields: ['assigned_staff_id'] }),
      conversationEntry(row, {
        actor,
        action: 'read',
        purpose: 'supervision',
        fields: [...conversationFields, 'messages.body'],
      }),
    ]);
    return { row, messages, joined, previousStaffId, caseChanged };
  });
  const organisationId = staff.organisationId;
  if (caseChanged) ctx.events.publish('case.changed', caseChanged);
  ctx.events.publish('conversation.taken-over', { organisationId, conversationId, staffId: staff.id, previousStaffId });
  ctx.events.publish('message.appended', { organisationId, conversationId, message: toMessage(joined) });
  return { conversation: toAgentConversation(row), messages: messages.map(toMessage) };
}
