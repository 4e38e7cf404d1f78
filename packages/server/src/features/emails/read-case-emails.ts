import type { CaseEmail } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import type { Tx } from '../../db/client.ts';
import { canActOnCase } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { emailFields, findCase, listEmails } from './emails.repository.ts';
import { toCaseEmail } from './email.presenters.ts';

/** The case, when this member of staff may work on it (ADR 14: their departments only). */
export async function caseForStaff(tx: Tx, ctx: ServiceContext, staff: StaffPrincipal, caseId: string) {
  const found = await findCase(tx, staff.organisationId, { id: caseId });
  if (!found) throw notFound('The case');
  if (!canActOnCase(await staffScopeOf(tx, staff), found.department_id)) {
    throw new AppError('forbidden', 'This case belongs to a department you do not work in');
  }
  return found;
}

/** A case's emails, oldest first, with their bodies: one audit entry per email shown. */
export async function readCaseEmails(ctx: ServiceContext, staff: StaffPrincipal, caseId: string): Promise<CaseEmail[]> {
  return ctx.db.transaction().execute(async (tx) => {
    await caseForStaff(tx, ctx, staff, caseId);
    const emails = await listEmails(tx, ctx.keyring, staff.organisationId, { caseId });
    if (emails.length > 0) {
      await recordAudit(
        tx,
        emails.map((email) => ({
          organisationId: staff.organisationId,
          actor: staffActor(staff),
          action: 'read' as const,
          purpose: 'review-contact' as const,
          recordType: 'email',
          recordId: email.id,
          dataSubjectId: email.dataSubjectId,
          caseReference: email.caseReference,
          fields: email.attachments.length > 0 ? [...emailFields, 'email_attachments.filename'] : [...emailFields],
        })),
      );
    }
    return emails.map(toCaseEmail);
  });
}
