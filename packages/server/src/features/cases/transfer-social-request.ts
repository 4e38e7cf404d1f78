import type { IntakeResponse, SocialIntakeBody } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext } from '../../shared/service-context.ts';
import { takeInContact, type IntakeCaller } from './take-in-contact.ts';

type Body = z.output<typeof SocialIntakeBody>;

/**
 * A request received on a social-media platform, moved onto the council's systems (the seed
 * privacy notices' promise): a case on channel `social-media` (channel detail: the platform),
 * with the request as it arrived in a sealed `request` entry and the handle on the record.
 */
export async function transferSocialRequest(
  ctx: ServiceContext,
  caller: IntakeCaller,
  body: Body,
): Promise<IntakeResponse> {
  return takeInContact(ctx, caller, {
    channel: 'social-media',
    channelDetail: body.platform,
    contactedAt: new Date(body.receivedAt),
    topic: body.topic,
    departmentId: body.departmentId,
    caseReference: body.caseReference,
    name: body.name,
    email: body.email,
    phone: body.phone,
    handle: { platform: body.platform, handle: body.handle },
    request: body.request,
  });
}
