import type { Language, StaffMember } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { memberOf } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';

/**
 * Sets the language of the signed-in member of staff's own console (ADR 51). Only theirs: nobody
 * chooses a colleague's. Their sessions stay: nothing they may open depends on it.
 */
export async function setOwnLanguage(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  language: Language,
): Promise<StaffMember> {
  const row = await repo.updateStaffLanguage(ctx.db, ctx.organisation.id, staff.id, language);
  if (!row) throw new AppError('unauthenticated', 'Sign in to continue');
  return memberOf(ctx, row);
}
