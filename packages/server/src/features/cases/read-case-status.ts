import type { IntegrationCase } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { findCaseByReference } from './cases.repository.ts';

/**
 * Where a case stands, for the council's other systems (an API key with `cases:read`, ADR 15):
 * status, channel, topic, department and dates only. Nothing here is personal data, so the read
 * is not audited and any department's case may be read.
 */
export async function readCaseStatus(ctx: ServiceContext, caseReference: string): Promise<IntegrationCase> {
  const row = await findCaseByReference(ctx.db, ctx.organisation.id, caseReference);
  if (!row) throw notFound('The case');
  return {
    caseReference: row.case_reference,
    status: row.status,
    channel: row.channel,
    topic: row.topic,
    departmentId: row.department_id,
    contactedAt: row.contacted_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
