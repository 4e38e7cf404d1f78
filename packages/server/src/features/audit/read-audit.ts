import { normaliseCaseReference, type AuditEvent } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { listAuditEvents, type AuditRow } from './audit.repository.ts';
import { recordAudit, staffActor } from './record-audit.ts';

/** AuditQuery as parsed (defaults applied). */
export type ParsedAuditQuery = { staffId?: string; caseReference?: string; from?: string; to?: string; limit: number };

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    dataSubjectId: row.data_subject_id,
    recordType: row.record_type,
    recordId: row.record_id,
    caseReference: row.case_reference,
    fields: row.fields,
    purpose: row.purpose,
    reason: row.reason,
    source: row.source,
    hash: row.hash.toString('hex'),
  };
}

/**
 * An administrator reads (`read`) or downloads (`export`) the audit trail; that is itself
 * recorded, in the same transaction, with the filters used as its fields.
 */
export async function readAuditTrail(ctx: ServiceContext, staff: StaffPrincipal, query: ParsedAuditQuery, action: 'read' | 'export'): Promise<AuditEvent[]> {
  let caseReference: string | undefined;
  if (query.caseReference !== undefined) {
    caseReference = normaliseCaseReference(query.caseReference) ?? undefined;
    if (!caseReference) throw new AppError('bad_request', 'Enter a valid case reference, like 4K7M-9P2X');
  }
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await listAuditEvents(tx, staff.organisationId, {
      staffId: query.staffId,
      caseReference,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
    });
    const filters = Object.entries({ staffId: query.staffId, caseReference, from: query.from, to: query.to })
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value}`);
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action,
      purpose: 'audit-review',
      recordType: 'audit_events',
      caseReference: caseReference ?? null,
      fields: ['audit_events'],
      reason: filters.length > 0 ? `filters: ${filters.join(', ')}; ${rows.length} entries` : `${rows.length} entries`,
    });
    return rows.map(toAuditEvent);
  });
}

