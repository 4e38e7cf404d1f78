import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { conversationForVisitorToken } from './read-conversations.ts';
import { visitorTokenUsable } from './visitor-token.rules.ts';

/** The conversation a visitor token opens, unless its chat ended longer ago than the grace period. */
export async function conversationForLiveVisitorToken(ctx: ServiceContext, token: string, graceSeconds: number) {
  const conversation = await conversationForVisitorToken(ctx, token);
  if (!visitorTokenUsable(conversation, new Date(), graceSeconds))
    throw new AppError('unauthenticated', 'This chat has ended. Start a new chat if you need more help.', {
      reason: 'chat-ended',
    });
  return conversation;
}
