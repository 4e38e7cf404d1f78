import type { AgentResumeResult } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canWatchConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { conversationEntry, conversationFields, recordAudit, staffActor } from '../audit/record-audit.ts';
import { accessFactsOf } from '../conversations/conversation-access.ts';
import { toAgentConversation, toMessage } from '../conversations/conversation.presenters.ts';
import { findConversation, listMessagesAfter } from '../conversations/conversations.repository.ts';

/**
 * A supervisor opens a live chat of their departments read-only (issue 11): the chat and its
 * transcript, read and audited (purpose `supervision`) in one transaction. Anything else, or a
 * chat that is not live, is a 404, saying nothing of whether it exists.
 */
export async function watchConversation(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<AgentResumeResult> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findConversation(tx, ctx.keyring, staff.organisationId, conversationId);
    if (!row || !canWatchConversation(await staffScopeOf(tx, staff), accessFactsOf(row)))
      throw notFound('The live chat');
    const messages = await listMessagesAfter(tx, row, 0);
    await recordAudit(
      tx,
      conversationEntry(row, {
        actor: staffActor(staff),
        action: 'read',
        purpose: 'supervision',
        fields: [...conversationFields, 'messages.body'],
      }),
    );
    return { conversation: toAgentConversation(row), messages: messages.map(toMessage) };
  });
}
