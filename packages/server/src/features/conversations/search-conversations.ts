import type { AgentConversation, ConversationSearchQuery } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { indexTerms, nameTokens, normaliseCaseReferenceForIndex, normaliseEmail } from '../crypto/blind-index.rules.ts';
import { findRecordIdsByIndex } from '../crypto/blind-indexes.repository.ts';
import { conversationEntry, conversationFields, recordAudit, staffActor } from '../audit/record-audit.ts';
import { canReadConversation } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { accessFactsOf } from './conversation-access.ts';
import { listConversationsByIds } from './conversations.repository.ts';
import { toAgentConversation } from './conversation.presenters.ts';

const maxResults = 50;

/**
 * Finds conversations by the resident's email address, name or the case reference, through the
 * blind indexes only (ADR 13): the searched values are normalised and HMAC'd, never compared
 * with plaintext. Shows only what the member of staff may see, and records one audit entry per
 * conversation shown (purpose `search`), or one naming no record when nothing was found, in the
 * same transaction.
 */
export async function searchConversations(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  query: ConversationSearchQuery,
): Promise<AgentConversation[]> {
  if (query.email && !normaliseEmail(query.email))
    throw new AppError('bad_request', 'Enter an email address in the correct format, like name@example.com');
  if (query.name && nameTokens(query.name).length === 0)
    throw new AppError('bad_request', 'Enter a name of at least 2 letters');
  if (query.caseReference && !normaliseCaseReferenceForIndex(query.caseReference)) {
    throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
  }
  const terms = indexTerms({ email: query.email, name: query.name, caseReference: query.caseReference });
  if (terms.length === 0) throw new AppError('bad_request', 'Search by email, name or case reference');
  const searched = [...new Set(terms.map((t) => t.kind))];

  return ctx.db.transaction().execute(async (tx) => {
    const ids = await findRecordIdsByIndex(
      tx,
      ctx.indexKey,
      staff.organisationId,
      'conversation',
      terms,
      maxResults * 4,
    );
    const scope = await staffScopeOf(tx, staff);
    const rows = (await listConversationsByIds(tx, ctx.keyring, staff.organisationId, ids))
      .filter((row) => canReadConversation(scope, accessFactsOf(row)))
      .slice(0, maxResults);
    const actor = staffActor(staff);
    await recordAudit(
      tx,
      rows.length > 0
        ? rows.map((row) =>
            conversationEntry(row, {
              actor,
              action: 'read',
              purpose: 'search',
              fields: conversationFields,
              reason: `searched by ${searched.join(', ')}`,
            }),
          )
        : {
            organisationId: staff.organisationId,
            actor,
            action: 'read',
            purpose: 'search',
            recordType: 'conversation',
            fields: [],
            reason: `searched by ${searched.join(', ')}; nothing found`,
          },
    );
    return rows.map(toAgentConversation);
  });
}
