import type { AssignRightsRequestBody, RightsRequestDetail } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { changeRightsRequest, refuse } from './rights-request-change.ts';
import { requireRightsOwner } from './rights-owner.ts';
import { assignProblem } from './rights-workflow.rules.ts';

/** Gives an open request to a privacy officer or an administrator. */
export async function assignRightsRequest(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  body: z.output<typeof AssignRightsRequestBody>,
  now = new Date(),
): Promise<RightsRequestDetail> {
  return changeRightsRequest(ctx, staff, id, now, async (request, state, _today, tx) => {
    refuse(assignProblem(state));
    await requireRightsOwner(tx, staff.organisationId, body.ownerId);
    return { action: 'assigned', status: request.status, ownerId: body.ownerId, fields: ['owner_id'] };
  });
}
