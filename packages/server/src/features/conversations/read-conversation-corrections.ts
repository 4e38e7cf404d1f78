import type { ConversationCorrections } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canReadConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { accessFactsOf } from './conversation-access.ts';
import { listConversationCorrections } from './conversation-corrections.repository.ts';
import { findConversation } from './conversations.repository.ts';

/**
 * The history of corrections of a chat's details (ADR 29), for staff who may read the chat: the
 * earlier name and email and each reason are personal data, so reading them is audited.
 */
export async function readConversationCorrections(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<ConversationCorrections> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findConversation(tx, ctx.keyring, staff.organisationId, conversationId);
    if (!row || !canReadConversation(await staffScopeOf(tx, staff), accessFactsOf(row)))
      throw notFound('The conversation');
    const corrections = await listConversationCorrections(tx, row.data_key, row.id);
    if (corrections.length > 0)
      await recordAudit(
        tx,
        conversationEntry(row, {
          actor: staffActor(staff),
          action: 'read',
          purpose: 'review-contact',
          fields: ['conversation_corrections.previous_name', 'conversation_corrections.previous_email'],
        }),
      );
    return {
      corrections: corrections.map((c) => ({
        at: c.at.toISOString(),
        byName: c.byName,
        fields: c.fields.map((f) => (f === 'visitor_name' ? ('name' as const) : ('email' as const))),
        previousName: c.previousName,
        previousEmail: c.previousEmail,
        reason: c.reason,
      })),
    };
  });
}
