import type { IntakeResponse, LoggedContactBody } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { takeInContact } from './take-in-contact.ts';

type Body = z.output<typeof LoggedContactBody>;

/** Staff log a telephone call or a visit: a case on the resident's record with their summary. */
export async function logContact(ctx: ServiceContext, staff: StaffPrincipal, body: Body): Promise<IntakeResponse> {
  return takeInContact(
    ctx,
    { kind: 'staff', staff },
    {
      channel: body.channel,
      channelDetail: null,
      contactedAt: body.contactedAt ? new Date(body.contactedAt) : new Date(),
      topic: body.topic,
      departmentId: body.departmentId,
      caseReference: body.caseReference,
      recordId: body.recordId,
      name: body.name,
      email: body.email,
      phone: body.phone,
      summary: body.summary,
    },
  );
}
