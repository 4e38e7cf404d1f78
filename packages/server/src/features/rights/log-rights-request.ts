import { normaliseCaseReference, type LogRightsRequestBody, type RightsRequestDetail } from '@ward/protocol';
import type { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { londonDateOf } from '../../shared/london-calendar.rules.ts';
import { toDetail } from './rights.presenters.ts';
import { findRightsRequest, insertRightsRequest, insertRightsStep, listRightsSteps } from './rights.repository.ts';
import { dueOnOf, receivedProblem } from './rights-workflow.rules.ts';
import { requestFields, rightsAuditEntry } from './rights-request-audit.ts';
import { requireRightsOwner } from './rights-owner.ts';

/** A privacy officer logs a request: the requester becomes a data subject, the due date is computed. */
export async function logRightsRequest(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  body: z.output<typeof LogRightsRequestBody>,
  now = new Date(),
): Promise<RightsRequestDetail> {
  const today = londonDateOf(now);
  const problem = receivedProblem(body.receivedOn, today);
  if (problem) throw new AppError('bad_request', problem);
  let caseReference: string | null = null;
  if (body.caseReference) {
    caseReference = normaliseCaseReference(body.caseReference);
    if (!caseReference)
      throw new AppError('bad_request', 'Enter the case reference as 8 letters and numbers, like ABCD-1234');
  }
  const nation = ctx.organisation.settings.nation;
  const identityNote = body.identityNote === null ? null : redactFor(ctx.organisation.settings, body.identityNote).text;
  return ctx.db.transaction().execute(async (tx) => {
    const ownerId = body.ownerId ?? staff.id;
    await requireRightsOwner(tx, staff.organisationId, ownerId);
    const dueOn = dueOnOf({ status: 'received', receivedOn: body.receivedOn, extensionMonths: 0, steps: [] }, nation);
    const id = await insertRightsRequest(tx, ctx.keyring, {
      organisationId: staff.organisationId,
      type: body.type,
      receivedOn: body.receivedOn,
      channel: body.channel,
      caseReference,
      requesterName: body.requesterName,
      requesterContact: body.requesterContact,
      identityMethod: body.identityMethod,
      identityNote,
      ownerId,
      createdBy: staff.id,
      dueOn,
    });
    const request = (await findRightsRequest(tx, ctx.keyring, staff.organisationId, id))!;
    await insertRightsStep(tx, ctx.keyring, request.dataSubjectId, {
      organisationId: staff.organisationId,
      requestId: id,
      action: 'logged',
      actorId: staff.id,
      on: body.receivedOn,
      status: 'received',
      ownerId,
    });
    const steps = await listRightsSteps(tx, ctx.keyring, request);
    await recordAudit(tx, rightsAuditEntry(staff, request, 'create', requestFields));
    return toDetail(request, steps, nation, today);
  });
}
