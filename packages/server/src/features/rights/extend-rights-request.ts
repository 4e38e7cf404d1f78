import type { ExtendRightsRequestBody, RightsRequestDetail } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { changeRightsRequest, refuse } from './rights-request-change.ts';
import { extensionProblem } from './rights-workflow.rules.ts';

/** Extends the deadline by one or two months (two at most in all), with the reason recorded. */
export async function extendRightsRequest(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  body: z.output<typeof ExtendRightsRequestBody>,
  now = new Date(),
): Promise<RightsRequestDetail> {
  return changeRightsRequest(ctx, staff, id, now, (_request, state) => {
    refuse(extensionProblem(state, body.months));
    return {
      action: 'extended',
      status: 'extended',
      months: body.months,
      extensionMonths: state.extensionMonths + body.months,
      reason: body.reason,
      fields: ['status', 'extension_months', 'due_on', 'steps.reason'],
    };
  });
}
