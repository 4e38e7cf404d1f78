import type { ServiceContext } from '../../shared/service-context.ts';
import { markVisitorLeft, markVisitorPresent } from './conversation-presence.repository.ts';

/** A resident's connection to their chat opened: they are there (again). */
export function visitorConnected(ctx: ServiceContext, conversationId: string): Promise<void> {
  return markVisitorPresent(ctx.db, conversationId);
}

/** The resident's last connection to their chat, on every node, closed. */
export function visitorLeft(ctx: ServiceContext, conversationId: string, at = new Date()): Promise<void> {
  return markVisitorLeft(ctx.db, conversationId, at);
}
