import type { CloseRightsRequestBody, RightsRequestDetail } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { changeRightsRequest, refuse } from './rights-request-change.ts';
import { closeProblem } from './rights-workflow.rules.ts';

/** Closes a request: completed, refused (with the reason) or withdrawn by the requester. */
export async function closeRightsRequest(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  body: z.output<typeof CloseRightsRequestBody>,
  now = new Date(),
): Promise<RightsRequestDetail> {
  return changeRightsRequest(ctx, staff, id, now, (_request, state) => {
    refuse(closeProblem(state));
    return {
      action: 'closed',
      status: body.outcome,
      reason: body.reason,
      closed: true,
      fields: body.reason ? ['status', 'steps.reason'] : ['status'],
    };
  });
}
