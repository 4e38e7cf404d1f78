import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { decideEnd, type Actor } from './conversation.rules.ts';
import { appendMessage, lockConversation, updateConversation } from './conversations.repository.ts';
import { toMessage } from './conversation.presenters.ts';
import { redactFor } from '../redaction/redaction.rules.ts';

/** Ends a chat for both parties; an agent may file the contact summary at the same time. */
export async function endConversation(ctx: ServiceContext, conversationId: string, actor: Actor, summary?: string): Promise<void> {
  const ended = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, ctx.keyring, conversationId);
    if (!conversation || conversation.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    const decision = decideEnd({ status: conversation.status, assignedStaffId: conversation.assigned_staff_id }, actor);
    if (!decision.ok) throw new AppError(decision.error.code, decision.error.message);
    await updateConversation(tx, conversation, {
      status: 'ended',
      ended_at: new Date(),
      // ADR 9: only the redacted summary is kept.
      ...(summary ? { summary: redactFor(ctx.organisation.settings, summary).text } : {}),
    });
    return appendMessage(tx, conversation, {
      client_message_id: randomUUID(),
      sender: 'system',
      sender_staff_id: null,
      sender_name: null,
      body: 'The chat has ended',
    });
  });
  const organisationId = ctx.organisation.id;
  ctx.events.publish('message.appended', { organisationId, conversationId, message: toMessage(ended) });
  ctx.events.publish('conversation.ended', { organisationId, conversationId });
}
