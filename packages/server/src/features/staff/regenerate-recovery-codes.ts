import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import * as mfaRepo from './mfa.repository.ts';
import { recordMfaChange } from './mfa-audit.ts';
import { requireAppCode } from './mfa-codes.ts';
import { endOtherSessionsOf } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import { newRecoveryCodes, recoveryCodeHash } from './totp.ts';

/** Ten new recovery codes in place of the old ones (all of which stop working); needs a current code. */
export async function regenerateRecoveryCodes(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  staff: StaffPrincipal,
  input: { code: string; sessionToken: string; address: string },
): Promise<{ recoveryCodes: string[] }> {
  return throttle.attempt({ email: staff.email, address: input.address }, () =>
    ctx.db.transaction().execute(async (tx) => {
      await requireAppCode(tx, ctx.keyring, staff.id, input.code, { enabled: true });
      const recoveryCodes = newRecoveryCodes();
      await mfaRepo.replaceRecoveryCodes(tx, staff.organisationId, staff.id, recoveryCodes.map(recoveryCodeHash));
      await endOtherSessionsOf(tx, staff.id, input.sessionToken);
      await recordMfaChange(tx, staff, {
        staffId: staff.id,
        action: 'update',
        fields: ['mfa_recovery_codes'],
        reason: 'New recovery codes',
      });
      return { recoveryCodes };
    }),
  );
}
