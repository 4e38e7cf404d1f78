import { redactionCategories, type RedactionCategory, type SendMessageResult } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { agentDisplayName } from './conversation.rules.ts';
import { toMessage } from './conversation.presenters.ts';
import { redactFor } from '../redaction/redaction.rules.ts';

export type Sender = { kind: 'visitor' } | { kind: 'agent'; staff: StaffPrincipal };

/**
 * Stores a message and returns it once committed: the caller acknowledges only after this
 * resolves (messages arriving together share one transaction: see MessageAppender). The same
 * clientMessageId sent again returns the stored message and stores nothing.
 *
 * Card numbers, bank details and National Insurance numbers are replaced with markers first
 * (ADR 9): only the redacted body is stored, fanned out, emailed or logged. `redactions` says
 * which kinds were removed, so the sender can be told; a retry is redacted the same way. The
 * realtime door redacts the body first (ADR 27) and passes what it removed in `redactions`.
 */
export async function sendMessage(
  ctx: ServiceContext,
  conversationId: string,
  sender: Sender,
  input: { clientMessageId: string; body: string; redactions?: readonly RedactionCategory[] },
): Promise<SendMessageResult> {
  const redacted = redactFor(ctx.organisation.settings, input.body);
  const { row, created } = await ctx.messageAppender.append({
    organisationId: ctx.organisation.id,
    conversationId,
    clientMessageId: input.clientMessageId,
    sender: sender.kind,
    senderStaffId: sender.kind === 'agent' ? sender.staff.id : null,
    senderName:
      sender.kind === 'agent'
        ? agentDisplayName(sender.staff.firstName, sender.staff.lastName, ctx.organisation.settings.agentNameShown)
        : null,
    body: redacted.text,
  });
  const presented = toMessage(row);
  // A send repeated after a lost acknowledgement is announced again: the first attempt may have
  // committed and then failed before its fan-out (a connection reset), and clients keep one copy by seq.
  ctx.events.publish('message.appended', {
    organisationId: ctx.organisation.id,
    conversationId,
    message: presented,
    ...(created ? {} : { repeated: true }),
  });
  const removed = new Set([...(input.redactions ?? []), ...redacted.categories]);
  return { message: presented, redactions: redactionCategories.filter((category) => removed.has(category)) };
}
