import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import type { AgentConversation, CorrectConversationDetailsBody } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { canReadConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { indexTerms } from '../crypto/blind-index.rules.ts';
import { deleteBlindIndexes, insertBlindIndexes } from '../crypto/blind-indexes.repository.ts';
import { accessFactsOf } from './conversation-access.ts';
import { correctionOf } from './conversation-details.rules.ts';
import { insertConversationCorrection } from './conversation-corrections.repository.ts';
import { toAgentConversation } from './conversation.presenters.ts';
import { lockConversation, updateConversation } from './conversations.repository.ts';

/**
 * Rectification (ADR 29): staff who may read a chat correct the name and email its resident gave.
 * In one transaction: the earlier values and the typed reason go to the chat's corrections history
 * (sealed, deleted with the chat's personal data), the chat takes the new values, its name and
 * email blind indexes are replaced (search finds the new email, not the old), and the change is
 * audited with the field names only, as a rights request or a review of the contact.
 */
export async function correctConversationDetails(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
  body: CorrectConversationDetailsBody,
): Promise<AgentConversation> {
  const corrected = await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== staff.organisationId) throw notFound('The conversation');
    const scope = await staffScopeOf(tx, staff);
    if (!canReadConversation(scope, accessFactsOf(row))) throw notFound('The conversation');
    await refuseWhileRestricted(
      tx,
      row.organisation_id,
      [row.data_subject_id],
      'the chat’s details cannot be corrected',
    );
    if (row.personal_data_deleted_at || !row.data_key)
      throw new AppError('conflict', 'This chat’s personal data has been deleted, so its details cannot be corrected');
    const correction = correctionOf({ name: row.visitor_name, email: row.visitor_email }, body);
    if (!correction) throw new AppError('bad_request', 'Change the name or the email address before saving');
    const { fields, next } = correction;
    await insertConversationCorrection(tx, row.data_key, {
      organisationId: row.organisation_id,
      conversationId: row.id,
      dataSubjectId: row.data_subject_id,
      correctedBy: staff.id,
      fields,
      previousName: fields.includes('visitor_name') ? row.visitor_name : null,
      previousEmail: fields.includes('visitor_email') ? row.visitor_email : null,
      reason: body.reason,
    });
    await updateConversation(tx, row, { visitor_name: next.name, visitor_email: next.email });
    const indexed = {
      organisationId: row.organisation_id,
      dataSubjectId: row.data_subject_id,
      recordType: 'conversation',
      recordId: row.id,
    };
    await deleteBlindIndexes(tx, indexed, ['name', 'email']);
    await insertBlindIndexes(tx, ctx.indexKey, indexed, indexTerms({ name: next.name, email: next.email }));
    await recordAudit(
      tx,
      conversationEntry(row, {
        actor: staffActor(staff),
        action: 'update',
        purpose: body.rightsRequest ? 'rights-request' : 'review-contact',
        fields,
        // What was done; the typed reason is sealed with the values it replaced.
        reason: `corrected ${fields.map((f) => (f === 'visitor_name' ? 'name' : 'email')).join(' and ')}`,
      }),
    );
    return { ...row, visitor_name: next.name, visitor_email: next.email };
  });
  ctx.events.publish('conversation.changed', { organisationId: staff.organisationId, conversationId });
  return toAgentConversation(corrected);
}
