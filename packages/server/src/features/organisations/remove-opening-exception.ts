import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';
import { deleteOpeningException } from './opening-exceptions.repository.ts';

/** An administrator removes a closure or special hours (ADR 47): the usual hours apply again at once; audited. */
export async function removeOpeningException(ctx: ServiceContext, staff: StaffPrincipal, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await deleteOpeningException(tx, staff.organisationId, id)))
      throw new AppError('not_found', 'That closure or special hours was not found');
    await recordAudit(tx, {
      organisationId: staff.organisationId,
      actor: staffActor(staff),
      action: 'delete',
      purpose: 'administration',
      recordType: 'opening_exception',
      recordId: id,
      fields: ['from_date', 'to_date', 'openings', 'reason', 'departments'],
    });
  });
}
