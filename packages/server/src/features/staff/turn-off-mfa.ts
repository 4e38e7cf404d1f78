import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import * as mfaRepo from './mfa.repository.ts';
import { recordMfaChange } from './mfa-audit.ts';
import { requireAppCode } from './mfa-codes.ts';
import { mayTurnOff, type MfaPolicy } from './mfa.rules.ts';
import { endOtherSessionsOf } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';

/** Turns two-step sign-in off, where it is not required of them; needs a current code. */
export async function turnOffMfa(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  staff: StaffPrincipal,
  input: { code: string; sessionToken: string; address: string; policy: MfaPolicy },
): Promise<void> {
  if (!mayTurnOff(staff.role, input.policy))
    throw new AppError('forbidden', 'Two-step sign-in is required for your role: it cannot be turned off');
  await throttle.attempt({ email: staff.email, address: input.address }, () =>
    ctx.db.transaction().execute(async (tx) => {
      await requireAppCode(tx, ctx.keyring, staff.id, input.code, { enabled: true });
      await mfaRepo.deleteStaffMfa(tx, staff.id);
      await endOtherSessionsOf(tx, staff.id, input.sessionToken);
      await recordMfaChange(tx, staff, {
        staffId: staff.id,
        action: 'delete',
        fields: ['mfa_secret', 'mfa_recovery_codes'],
        reason: 'Two-step sign-in turned off',
      });
    }),
  );
}
