import type { ErasurePreview, ErasurePreviewBody } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { previewErasure } from './erase-subject.ts';
import { erasableRequest } from './erasable-request.ts';
import { toErasurePreview } from './erasure.presenters.ts';

/**
 * What erasing a request's subject would do now: what goes, what is kept and why, and who to tell.
 * Ids, case references and recipients' organisations only: no personal data is read.
 */
export async function previewRequestErasure(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  id: string,
  body: z.output<typeof ErasurePreviewBody>,
  now = new Date(),
): Promise<ErasurePreview> {
  return ctx.db.transaction().execute(async (tx) => {
    const { scope } = await erasableRequest(tx, ctx.keyring, staff.organisationId, id, body);
    return toErasurePreview(await previewErasure(tx, scope, body, now));
  });
}
