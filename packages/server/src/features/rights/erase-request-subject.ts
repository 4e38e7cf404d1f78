import type { EraseSubjectBody, ErasureResult } from '@ward/protocol';
import type { z } from 'zod';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { staffActor } from '../audit/record-audit.ts';
import { eraseSubject, type ErasureDeps } from './erase-subject.ts';
import { erasableRequest } from './erasable-request.ts';
import { erasureAuditReason, erasureStepReason, scopeItems } from './erasure.rules.ts';
import { insertRightsStep } from './rights.repository.ts';
import { isoDate } from './rights-deadlines.rules.ts';
import { londonDateOf } from '../../shared/london-calendar.rules.ts';
import { toErasureResult } from './erasure.presenters.ts';

/** Erases what a privacy officer confirmed for an open erasure request (ADR 35), as them. */
export async function eraseRequestSubject(
  ctx: ServiceContext,
  deps: ErasureDeps,
  staff: StaffPrincipal,
  id: string,
  body: z.output<typeof EraseSubjectBody>,
  now = new Date(),
): Promise<ErasureResult> {
  const result = await eraseSubject(
    ctx,
    deps,
    staff.organisationId,
    async (tx) => {
      const { request, scope } = await erasableRequest(tx, ctx.keyring, staff.organisationId, id, body);
      // The request's history shows the erasure, with the reason and why anything was kept, sealed
      // under the requester's key like every step's reason.
      await insertRightsStep(tx, ctx.keyring, request.dataSubjectId, {
        organisationId: staff.organisationId,
        requestId: id,
        action: 'erased',
        actorId: staff.id,
        on: isoDate(londonDateOf(now)),
        status: request.status,
        reason: erasureStepReason(scopeItems(scope), body.keep, body.reason),
      });
      return {
        ...scope,
        order: {
          keep: body.keep,
          items: body.items,
          actor: staffActor(staff),
          requestId: id,
          reasonCategory: 'rights-request' as const,
          auditReason: erasureAuditReason({ requestId: id }, body.reason),
        },
      };
    },
    now,
  );
  return toErasureResult(result);
}
