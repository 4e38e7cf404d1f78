import { normaliseCaseReference, type AuditEvent, type AuditPage } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { caseReferencesOfSubject, listAuditEvents, toChainedEntry, type AuditRow } from './audit.repository.ts';
import { recordAudit, staffActor } from './record-audit.ts';

/** AuditQuery as parsed (defaults applied). */
export type ParsedAuditQuery = {
  staffId?: string;
  dataSubjectId?: string;
  caseReference?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

/** An entry as staff read it: the chained entry, its time as ISO text and its hash as hex. */
function toAuditEvent(row: AuditRow): AuditEvent {
  const { organisationId: _organisation, prevHash: _prev, occurredAt, hash, ...entry } = toChainedEntry(row);
  return {
    ...entry,
    fields: [...entry.fields],
    occurredAt: occurredAt.toISOString(),
    hash: Buffer.from(hash).toString('hex'),
  };
}

/**
 * An administrator reads (`read`) or downloads (`export`) one page of the audit trail; that is
 * itself recorded, in the same transaction, with the filters used as its reason. Filtered by
 * resident or case, the entry names that resident or case too, so "everything about this
 * resident" also shows who looked at their audit trail.
 */
export async function readAuditTrail(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  query: ParsedAuditQuery,
  action: 'read' | 'export',
): Promise<AuditPage> {
  let caseReference: string | undefined;
  if (query.caseReference !== undefined) {
    caseReference = normaliseCaseReference(query.caseReference) ?? undefined;
    if (!caseReference) throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
  }
  return ctx.db.transaction().execute(async (tx) => {
    // One more than asked: whether there is an older page, without counting the whole trail.
    const rows = await listAuditEvents(tx, staff.organisationId, {
      staffId: query.staffId,
      dataSubjectId: query.dataSubjectId,
      caseReference,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.before,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const residentCaseReferences = query.dataSubjectId
      ? await caseReferencesOfSubject(tx, staff.organisationId, query.dataSubjectId, 10)
      : null;
    const last = page.at(-1);
    const nextBefore = rows.length > query.limit && last ? last.id : null;
    const filters = Object.entries({
      staffId: query.staffId,
      dataSubjectId: query.dataSubjectId,
      caseReference,
      from: query.from,
      to: query.to,
      before: query.before,
    })
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value}`);
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action,
      purpose: 'audit-review',
      recordType: 'audit_events',
      dataSubjectId: query.dataSubjectId ?? null,
      caseReference: caseReference ?? null,
      fields: ['audit_events'],
      reason: filters.length > 0 ? `filters: ${filters.join(', ')}; ${page.length} entries` : `${page.length} entries`,
    });
    const events = page.map(toAuditEvent);
    return residentCaseReferences ? { events, nextBefore, residentCaseReferences } : { events, nextBefore };
  });
}
