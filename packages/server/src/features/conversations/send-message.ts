import type { Message } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { agentDisplayName, decideSend, type Actor } from './conversation.rules.ts';
import { appendMessage, findMessageByClientId, lockConversation } from './conversations.repository.ts';
import { toMessage } from './conversation.presenters.ts';

export type Sender = { kind: 'visitor' } | { kind: 'agent'; staff: StaffPrincipal };

/**
 * Stores a message and returns it once committed: the caller acknowledges only after this
 * resolves. The same clientMessageId sent again returns the stored message and stores nothing.
 */
export async function sendMessage(
  ctx: ServiceContext,
  conversationId: string,
  sender: Sender,
  input: { clientMessageId: string; body: string },
): Promise<Message> {
  const { message, created } = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (!conversation || conversation.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    const existing = await findMessageByClientId(tx, conversationId, input.clientMessageId);
    if (existing) {
      const sameSender = existing.sender === sender.kind && (sender.kind === 'visitor' || existing.sender_staff_id === sender.staff.id);
      if (!sameSender) throw new AppError('conflict', 'That message id is already in use');
      return { message: existing, created: false };
    }
    const actor: Actor = sender.kind === 'visitor' ? { kind: 'visitor' } : { kind: 'agent', staffId: sender.staff.id };
    const decision = decideSend({ status: conversation.status, assignedStaffId: conversation.assigned_staff_id }, actor);
    if (!decision.ok) throw new AppError(decision.error.code, decision.error.message);
    const row = await appendMessage(tx, {
      organisation_id: conversation.organisation_id,
      conversation_id: conversationId,
      client_message_id: input.clientMessageId,
      sender: sender.kind,
      sender_staff_id: sender.kind === 'agent' ? sender.staff.id : null,
      sender_name:
        sender.kind === 'agent'
          ? agentDisplayName(sender.staff.firstName, sender.staff.lastName, ctx.organisation.settings.agentNameShown)
          : null,
      body: input.body,
    });
    return { message: row, created: true };
  });
  const presented = toMessage(message);
  if (created) {
    ctx.events.publish('message.appended', { organisationId: ctx.organisation.id, conversationId, message: presented });
  }
  return presented;
}
