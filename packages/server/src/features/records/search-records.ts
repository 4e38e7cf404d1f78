import type { RecordSearchQuery, RecordSummary } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import {
  indexTerms,
  nameTokens,
  normaliseCaseReferenceForIndex,
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
} from '../crypto/blind-index.rules.ts';
import { summariseRecords, viewerOf, visibleRecordIds } from './record-summaries.ts';
import { recordIdByCaseReference, recordIdsByIndex, resolveRecords } from './records.repository.ts';

export const maxRecordResults = 50;
/** Candidates looked at before the department rule trims them to 50. */
const candidateLimit = 200;

function checkQuery(query: RecordSearchQuery) {
  if (query.email && !normaliseEmail(query.email))
    throw new AppError('bad_request', 'Enter an email address in the correct format, like name@example.com');
  if (query.phone && !normalisePhone(query.phone))
    throw new AppError('bad_request', 'Enter a real phone number, like 01632 960 001');
  if (query.postcode && !normalisePostcode(query.postcode))
    throw new AppError('bad_request', 'Enter a real UK postcode, like SW1A 1AA');
  if (query.name && nameTokens(query.name).length === 0)
    throw new AppError('bad_request', 'Enter a name of at least 2 letters');
  const caseReference = query.caseReference ? normaliseCaseReferenceForIndex(query.caseReference) : null;
  if (query.caseReference && !caseReference)
    throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
  return {
    terms: indexTerms({ email: query.email, phone: query.phone, postcode: query.postcode, name: query.name }),
    caseReference,
  };
}

/**
 * Finds customer records by name, email, phone, postcode and case reference, combined with AND,
 * through blind indexes only (ADR 13, 14). A hit on a record merged into another is that other
 * record. Shows at most 50, only those the member of staff may open (record-access.rules.ts),
 * most recently contacted first, and audits the search in the same transaction: one entry per
 * record shown (purpose `search`), or one naming no record when nothing was found.
 */
export async function searchRecords(
  ctx: Pick<ServiceContext, 'db' | 'keyring' | 'indexKey' | 'organisation'>,
  staff: StaffPrincipal,
  query: RecordSearchQuery,
): Promise<RecordSummary[]> {
  const { terms, caseReference } = checkQuery(query);
  const searched = (['name', 'email', 'phone', 'postcode', 'caseReference'] as const).filter((field) => query[field]);
  const reason = `searched by ${searched.map((f) => (f === 'caseReference' ? 'case reference' : f)).join(', ')}`;
  const organisationId = ctx.organisation.id;

  return ctx.db.transaction().execute(async (tx) => {
    let ids: string[] | null = null;
    if (caseReference) {
      const recordId = await recordIdByCaseReference(tx, organisationId, caseReference);
      // As the record it stands for now, so other terms may match values merged into it.
      const current = recordId ? (await resolveRecords(tx, organisationId, [recordId])).get(recordId) : undefined;
      ids = current ? [current] : [];
    }
    if (terms.length > 0 && ids?.length !== 0) {
      ids = await recordIdsByIndex(tx, ctx.indexKey, organisationId, terms, {
        limit: candidateLimit,
        ...(ids ? { within: ids } : {}),
      });
    }
    const resolved = await resolveRecords(tx, organisationId, ids ?? []);
    const current = [
      ...new Set((ids ?? []).map((id) => resolved.get(id)).filter((id): id is string => id !== undefined)),
    ];
    const visible = await visibleRecordIds(tx, organisationId, await viewerOf(tx, staff), current);
    const actor = staffActor(staff);
    const { summaries, entriesFor } = await summariseRecords(tx, ctx, visible, { actor, purpose: 'search', reason });
    const shown = summaries
      .sort((a, b) => (b.lastContactAt ?? '').localeCompare(a.lastContactAt ?? ''))
      .slice(0, maxRecordResults);
    const audited = entriesFor(shown.map((s) => s.id));
    await recordAudit(
      tx,
      audited.length > 0
        ? audited
        : {
            organisationId,
            actor,
            action: 'read',
            purpose: 'search',
            recordType: 'customer-record',
            fields: [],
            reason: `${reason}; nothing found`,
          },
    );
    return shown;
  });
}
