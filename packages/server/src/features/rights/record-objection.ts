import type { ObjectionPurpose, SubjectScopeResponse } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { insertObjections } from '../access/processing-restrictions.repository.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { clearSurveys, removeOptIn } from './processing-limits.repository.ts';
import { rightsAuditEntry } from './rights-request-audit.ts';
import { scopeOfRequest } from './subject-scope.repository.ts';
import { openRequestForScope, subjectScopeView } from './subject-scope-view.ts';

/**
 * The resident objects to one purpose (ADR 33): it is recorded against every data key in the
 * confirmed scope and that processing stops now: `service-updates` takes the opt-in off their chats,
 * `surveys` deletes their survey answers. Chats of an objecting key take no new opt-in or survey for
 * that purpose. Only an objection request, while open, once something is confirmed.
 */
export async function recordObjection(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  requestId: string,
  purpose: ObjectionPurpose,
): Promise<SubjectScopeResponse> {
  return ctx.db.transaction().execute(async (tx) => {
    const request = await openRequestForScope(tx, ctx, staff, requestId);
    if (request.type !== 'objection')
      throw new AppError('conflict', 'Only an objection request can record an objection');
    const organisationId = staff.organisationId;
    const scope = await scopeOfRequest(tx, organisationId, requestId);
    if (scope.dataSubjectIds.length === 0)
      throw new AppError('conflict', "Confirm the resident's data before recording their objection");
    await insertObjections(tx, {
      organisationId,
      requestId,
      staffId: staff.id,
      purpose,
      dataSubjectIds: scope.dataSubjectIds,
    });
    const chats = scope.conversations.map((c) => c.id);
    const changed =
      purpose === 'service-updates'
        ? await removeOptIn(tx, organisationId, chats, 'service-updates')
        : await clearSurveys(tx, organisationId, chats);
    const actor = staffActor(staff);
    await recordAudit(tx, [
      {
        ...rightsAuditEntry(staff, request, 'update', ['processing_objections']),
        reason: `objection to ${purpose}`,
      },
      ...changed.map((chat) =>
        conversationEntry(
          { ...chat, organisation_id: organisationId },
          {
            actor,
            action: purpose === 'surveys' ? 'delete' : 'update',
            purpose: 'rights-request',
            fields: purpose === 'surveys' ? ['survey_rating', 'survey_comment'] : ['opt_ins'],
            reason: `objection to ${purpose}`,
          },
        ),
      ),
    ]);
    return subjectScopeView(tx, ctx, staff, request);
  });
}
