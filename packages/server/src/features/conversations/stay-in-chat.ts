import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { chatLinesIn } from './chat-lines.rules.ts';
import { clearInactivityWarning } from './chat-inactivity.repository.ts';
import { appendMessage, lockConversation } from './conversations.repository.ts';
import { toMessage } from './conversation.presenters.ts';

/**
 * The resident warned that their silent chat will close chooses to stay (ADR 43): the warning goes,
 * the silence counts afresh from now, and the adviser reads that they stayed. Without a warning
 * standing (someone wrote meanwhile, or a second press) nothing changes.
 */
export async function stayInChat(ctx: ServiceContext, conversationId: string, now = new Date()): Promise<void> {
  const message = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, ctx.keyring, conversationId);
    if (!conversation || conversation.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    if (conversation.status === 'ended') throw new AppError('conversation_ended', 'This chat has ended');
    if (!conversation.inactivity_warned_at) return null;
    await clearInactivityWarning(tx, conversationId, now);
    return appendMessage(tx, conversation, {
      client_message_id: randomUUID(),
      sender: 'system',
      sender_staff_id: null,
      sender_name: null,
      body: chatLinesIn(conversation.language).stayed,
    });
  });
  if (!message) return;
  const organisationId = ctx.organisation.id;
  ctx.events.publish('message.appended', { organisationId, conversationId, message: toMessage(message) });
  ctx.events.publish('conversation.changed', { organisationId, conversationId });
}
