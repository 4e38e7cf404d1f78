import type { RightsRequestDetail } from '@ward/protocol';
import { notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { londonDateOf } from '../../shared/london-calendar.rules.ts';
import { toDetail } from './rights.presenters.ts';
import { findRightsRequest, listRightsSteps } from './rights.repository.ts';
import { requestFields, rightsAuditEntry } from './rights-request-audit.ts';

/** One request with its history; the read is audited. */
export async function readRightsRequest(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  now = new Date(),
): Promise<RightsRequestDetail> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await findRightsRequest(tx, ctx.keyring, staff.organisationId, id);
    if (!request) throw notFound('The request');
    const steps = await listRightsSteps(tx, ctx.keyring, request);
    await recordAudit(tx, rightsAuditEntry(staff, request, 'read', requestFields));
    return toDetail(request, steps, ctx.organisation.settings.nation, londonDateOf(now));
  });
}
