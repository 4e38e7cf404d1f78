import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { findVisitorTokenHolder } from './conversations.repository.ts';
import { hashToken } from './start-conversation.ts';
import { visitorTokenUsable } from './visitor-token.rules.ts';

/**
 * The conversation a visitor token opens: its id and state. Every resident's connection and request
 * starts here, so it reads one row's plain columns and decrypts nothing: a thousand residents
 * reconnecting at once cost little.
 */
export async function conversationForVisitorToken(ctx: ServiceContext, token: string) {
  const conversation =
    token.length > 0 && token.length < 200 ? await findVisitorTokenHolder(ctx.db, hashToken(token)) : undefined;
  if (!conversation || conversation.organisation_id !== ctx.organisation.id)
    throw new AppError('unauthenticated', 'This chat is no longer available');
  return conversation;
}

/** The same, unless its chat ended longer ago than the grace period. */
export async function conversationForLiveVisitorToken(ctx: ServiceContext, token: string, graceSeconds: number) {
  const conversation = await conversationForVisitorToken(ctx, token);
  if (!visitorTokenUsable(conversation, new Date(), graceSeconds))
    throw new AppError('unauthenticated', 'This chat has ended. Start a new chat if you need more help.', {
      reason: 'chat-ended',
    });
  return conversation;
}
