import type { MfaStatus } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import * as mfaRepo from './mfa.repository.ts';
import { mfaRequiredFor, type MfaPolicy } from './mfa.rules.ts';

/** Where the member of staff stands: on or not, required or not, recovery codes left. */
export async function readMfaStatus(ctx: ServiceContext, staff: StaffPrincipal, policy: MfaPolicy): Promise<MfaStatus> {
  const enabled = await mfaRepo.mfaEnabled(ctx.db, staff.id);
  return {
    enabled,
    required: mfaRequiredFor(staff.role, policy),
    recoveryCodesLeft: enabled ? await mfaRepo.countRecoveryCodesLeft(ctx.db, staff.id) : 0,
  };
}
