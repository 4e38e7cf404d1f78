import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { canActOnCase } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { findAttachment } from './emails.repository.ts';

/** One attachment's bytes for a member of staff who may work on its case; the download is audited. */
export async function downloadAttachment(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  emailId: string,
  attachmentId: string,
): Promise<{ filename: string; mediaType: string; content: Buffer }> {
  return ctx.db.transaction().execute(async (tx) => {
    const attachment = await findAttachment(tx, ctx.keyring, staff.organisationId, emailId, attachmentId);
    if (!attachment) throw notFound('The attachment');
    if (!canActOnCase(await staffScopeOf(tx, staff), attachment.departmentId)) {
      throw new AppError('forbidden', 'This case belongs to a department you do not work in');
    }
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action: 'export',
      purpose: 'review-contact',
      recordType: 'email_attachment',
      recordId: attachment.id,
      dataSubjectId: attachment.dataSubjectId,
      caseReference: attachment.caseReference,
      fields: ['email_attachments.filename', 'email_attachments.content'],
    });
    return { filename: attachment.filename, mediaType: attachment.mediaType, content: attachment.content };
  });
}
