import type { QuotedCase } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { findConversation, listMessagesAfter } from './conversations.repository.ts';
import { canActOnCase, canReadConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { accessFactsOf } from './conversation-access.ts';
import { toCaseBrief } from '../cases/case.presenters.ts';
import { findCasesByReferences } from '../cases/cases.repository.ts';
import { findQuotedCaseReferences, maxQuotedReferences } from '@ward/protocol';
import { departmentLabel } from '../cases/department-labels.ts';

/**
 * The cases a resident quoted in a chat (ADR 14: "gets that case found for the agent at once"):
 * references found in the resident's own messages that exist in the organisation, other than the
 * chat's own. Briefs only; `access` says whether the agent may open each in full. Reading the
 * messages to find them is audited like any read of the chat.
 */
export async function quotedCasesFor(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<QuotedCase[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const conversation = await findConversation(tx, ctx.keyring, staff.organisationId, conversationId);
    const scope = await staffScopeOf(tx, staff);
    if (!conversation || !canReadConversation(scope, accessFactsOf(conversation))) throw notFound('The conversation');
    const messages = await listMessagesAfter(tx, conversation, 0);
    const references: string[] = [];
    for (const message of messages) {
      if (message.sender !== 'visitor') continue;
      for (const reference of findQuotedCaseReferences(message.body)) {
        if (reference !== conversation.case_reference && !references.includes(reference)) references.push(reference);
      }
      if (references.length >= maxQuotedReferences) break;
    }
    const rows = await findCasesByReferences(tx, staff.organisationId, references.slice(0, maxQuotedReferences));
    const labels = { department: departmentLabel(ctx) };
    await recordAudit(
      tx,
      conversationEntry(conversation, {
        actor: staffActor(staff),
        action: 'read',
        purpose: conversation.status === 'ended' ? 'review-contact' : 'handle-chat',
        fields: ['messages.body'],
      }),
    );
    return references
      .map((reference) => rows.find((row) => row.case_reference === reference))
      .filter((row) => row !== undefined)
      .map((row) => ({
        ...toCaseBrief(row, labels),
        access: canActOnCase(scope, row.department_id) ? ('full' as const) : ('limited' as const),
      }));
  });
}
