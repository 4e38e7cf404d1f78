import type { MfaEnrolment } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import * as mfaRepo from './mfa.repository.ts';
import { recordMfaChange } from './mfa-audit.ts';
import { requireAppCode } from './mfa-codes.ts';
import { endOtherSessionsOf } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import { enrolmentPicture, newRecoveryCodes, newTotpSecret, recoveryCodeHash } from './totp.ts';

/**
 * Setting up two-step sign-in, step 1: a new secret, stored sealed and waiting for its first code
 * (starting again replaces a waiting one). Shown as a QR code and as text for typing by hand.
 */
export async function startMfaEnrolment(ctx: ServiceContext, staff: StaffPrincipal): Promise<MfaEnrolment> {
  const secret = newTotpSecret();
  const stored = await mfaRepo.storePendingSecret(ctx.db, ctx.keyring, {
    organisationId: staff.organisationId,
    staffId: staff.id,
    secret,
  });
  if (!stored) throw new AppError('conflict', 'Two-step sign-in is already on for your account');
  const { uri, svg } = await enrolmentPicture({ secret, issuer: `Ward ${ctx.organisation.name}`, label: staff.email });
  return { secret, otpauthUri: uri, qrCodeSvg: svg };
}

/**
 * Step 2: the first code from the app turns it on. Returns the ten recovery codes, shown this once
 * (only their digests are kept). Every other session of the member of staff ends.
 */
export async function confirmMfaEnrolment(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  staff: StaffPrincipal,
  input: { code: string; sessionToken: string; address: string },
): Promise<{ recoveryCodes: string[] }> {
  return throttle.attempt({ email: staff.email, address: input.address }, () =>
    ctx.db.transaction().execute(async (tx) => {
      await requireAppCode(tx, ctx.keyring, staff.id, input.code, { enabled: false });
      await mfaRepo.markMfaEnabled(tx, staff.id, new Date());
      const recoveryCodes = newRecoveryCodes();
      await mfaRepo.replaceRecoveryCodes(tx, staff.organisationId, staff.id, recoveryCodes.map(recoveryCodeHash));
      await endOtherSessionsOf(tx, staff.id, input.sessionToken);
      await recordMfaChange(tx, staff, {
        staffId: staff.id,
        action: 'create',
        fields: ['mfa_secret', 'mfa_recovery_codes'],
        reason: 'Two-step sign-in turned on',
      });
      return { recoveryCodes };
    }),
  );
}
