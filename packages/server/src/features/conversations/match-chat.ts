import type { ChatMatchQuery, ChatMatchResponse, MatchedIdentifier } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { indexTerms, normalisePhone, normalisePostcode, type IndexTerm } from '../crypto/blind-index.rules.ts';
import { restrictedRecordIds } from '../access/processing-restrictions.repository.ts';
import { canReadConversation, type StaffScope } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { accessFactsOf } from './conversation-access.ts';
import { findConversation, type ConversationRecord } from './conversations.repository.ts';
import { findCaseOfConversation } from '../cases/cases.repository.ts';
import { summariseRecords, visibleRecordIds } from '../records/record-summaries.ts';
import { recordIdsByIndex, resolveRecords } from '../records/records.repository.ts';

const maxCandidates = 20;
/** How many records one identifier may point at before it says nothing (a busy postcode, a common name). */
const perIdentifierLimit = 500;

/** The chat a member of staff may act on, with its case; 404 otherwise. */
export async function chatForStaff(
  tx: Tx,
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
): Promise<{
  chat: ConversationRecord;
  caseRow: { id: string; case_reference: string; record_id: string | null };
  scope: StaffScope;
}> {
  const chat = await findConversation(tx, ctx.keyring, ctx.organisation.id, conversationId);
  const scope = await staffScopeOf(tx, staff);
  if (!chat || !canReadConversation(scope, accessFactsOf(chat))) throw notFound('The conversation');
  const caseRow = await findCaseOfConversation(tx, chat.id);
  if (!caseRow) throw notFound('The chat’s case');
  return { chat, caseRow, scope };
}

/**
 * Likely records for a chat's resident (ADR 14), from the pre-chat name and email and a postcode
 * or phone number the agent asked for: an exact email; an exact phone number; the whole name with
 * the postcode. Each candidate says which identifiers agree. Only records the agent may open are
 * shown (access.rules.ts), audited (purpose `handle-chat`); others are only counted. Records whose
 * processing is restricted (ADR 33) are never offered. Nothing is linked here.
 */
export async function matchChat(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  query: ChatMatchQuery,
): Promise<ChatMatchResponse> {
  if (query.postcode && !normalisePostcode(query.postcode))
    throw new AppError('bad_request', 'Enter a real UK postcode, like SW1A 1AA');
  if (query.phone && !normalisePhone(query.phone))
    throw new AppError('bad_request', 'Enter a real phone number, like 01632 960 001');
  const organisationId = ctx.organisation.id;
  return ctx.db.transaction().execute(async (tx) => {
    const { chat, caseRow, scope } = await chatForStaff(tx, ctx, staff, query.conversationId);
    const email = chat.data_key ? chat.visitor_email : null;
    const name = chat.data_key ? chat.visitor_name : null;
    const find = async (terms: IndexTerm[], within?: string[]) => {
      if (terms.length === 0) return new Set<string>();
      const ids = await recordIdsByIndex(tx, ctx.indexKey, organisationId, terms, {
        limit: perIdentifierLimit,
        ...(within ? { within } : {}),
      });
      const resolved = await resolveRecords(tx, organisationId, ids);
      return new Set(ids.map((id) => resolved.get(id)).filter((id): id is string => id !== undefined));
    };
    const sets: Record<MatchedIdentifier, Set<string>> = {
      email: await find(indexTerms({ email })),
      phone: await find(indexTerms({ phone: query.phone })),
      postcode: await find(indexTerms({ postcode: query.postcode })),
      name: new Set(),
    };
    // A name is only a clue beside something else: look for it among the records found so far.
    const found = [...new Set([...sets.email, ...sets.phone, ...sets.postcode])];
    if (found.length > 0) sets.name = await find(indexTerms({ name }), found);
    const strong = (id: string) =>
      sets.email.has(id) || sets.phone.has(id) || (sets.name.has(id) && sets.postcode.has(id));
    const identifiers: MatchedIdentifier[] = ['email', 'phone', 'name', 'postcode'];
    // Records of other departments are counted, never shown: linking one would open it (ADR 21).
    const restricted = await restrictedRecordIds(tx, organisationId, found);
    const likely = found.filter((id) => strong(id) && !restricted.has(id));
    const openable = new Set(await visibleRecordIds(tx, organisationId, scope, likely));
    const candidates = likely
      .filter((id) => openable.has(id))
      .map((id) => ({ id, matched: identifiers.filter((identifier) => sets[identifier].has(id)) }))
      .sort(
        (a, b) => Number(sets.email.has(b.id)) - Number(sets.email.has(a.id)) || b.matched.length - a.matched.length,
      )
      .slice(0, maxCandidates);

    const actor = staffActor(staff);
    const { summaries, entriesFor } = await summariseRecords(
      tx,
      ctx,
      candidates.map((c) => c.id),
      {
        actor,
        purpose: 'handle-chat',
        reason: 'likely records for a chat',
        caseReference: caseRow.case_reference,
      },
    );
    const entries = entriesFor(candidates.map((c) => c.id));
    await recordAudit(
      tx,
      entries.length > 0
        ? entries
        : {
            organisationId,
            actor,
            action: 'read',
            purpose: 'handle-chat',
            recordType: 'customer-record',
            caseReference: caseRow.case_reference,
            fields: [],
            reason: 'likely records for a chat; none found',
          },
    );
    const linked = caseRow.record_id
      ? ((await resolveRecords(tx, organisationId, [caseRow.record_id])).get(caseRow.record_id) ?? null)
      : null;
    return {
      conversationId: chat.id,
      caseReference: caseRow.case_reference,
      linkedRecordId: linked,
      candidates: candidates.map((c, i) => ({ record: summaries[i]!, matched: c.matched })),
      inOtherDepartments: likely.length - openable.size,
    };
  });
}
