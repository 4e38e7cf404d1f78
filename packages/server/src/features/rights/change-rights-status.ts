import type { ChangeRightsStatusBody, RightsRequestDetail } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { isoDate } from './rights-deadlines.rules.ts';
import { changeRightsRequest, refuse } from './rights-request-change.ts';
import { statusChangeProblem } from './rights-workflow.rules.ts';

/**
 * Waiting for identity or clarification stops the clock from `on`; back in progress restarts it
 * from `on` with the days that were left (ADR 28).
 */
export async function changeRightsStatus(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  body: z.output<typeof ChangeRightsStatusBody>,
  now = new Date(),
): Promise<RightsRequestDetail> {
  return changeRightsRequest(ctx, staff, id, now, (_request, state, today) => {
    const on = body.on ?? isoDate(today);
    refuse(statusChangeProblem(state, body.status, on, today));
    return {
      action: 'status',
      status: body.status,
      on,
      reason: body.reason,
      identity: body.identityMethod ? { method: body.identityMethod, note: body.identityNote } : undefined,
      fields: [
        'status',
        'due_on',
        ...(body.reason ? ['steps.reason'] : []),
        ...(body.identityMethod ? ['identity_method', 'identity_note'] : []),
      ],
    };
  });
}
