import { AppError } from '../../shared/app-error.ts';
import { auditSource } from '../audit/record-audit.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import * as mfaRepo from './mfa.repository.ts';
import * as repo from './staff.repository.ts';
import { acceptSignInCode } from './mfa-codes.ts';
import { recordMfaChange } from './mfa-audit.ts';
import { openSession } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import { memberOf, toPrincipal } from './staff.presenters.ts';
import { tokenHash } from './staff-secrets.ts';

const signInAgain = () => new AppError('unauthenticated', 'Your sign-in has timed out: sign in again');

/**
 * The second step of signing in: the waiting sign-in (cookie) and a code from the app or a recovery
 * code open the session; the waiting sign-in is used up. A wrong code counts in the sign-in
 * throttle like a wrong password, for the account and the address.
 */
export async function completeMfaSignIn(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  input: { challengeToken: string | undefined; code: string; address: string },
) {
  const { challengeToken } = input;
  if (!challengeToken || challengeToken.length > 200) throw signInAgain();
  const hash = tokenHash(challengeToken);
  const waiting = await mfaRepo.findChallenge(ctx.db, hash, new Date());
  const staff = waiting && (await repo.findStaffById(ctx.db, ctx.organisation.id, waiting.staff_id));
  if (!staff || staff.disabled_at) throw signInAgain();

  return throttle.attempt({ email: staff.email, address: input.address }, () =>
    ctx.db.transaction().execute(async (tx) => {
      if (!(await mfaRepo.findChallenge(tx, hash, new Date()))) throw signInAgain();
      const used = await acceptSignInCode(tx, ctx.keyring, staff.id, input.code);
      if (!used) throw new AppError('unauthenticated', 'Enter a correct code from your app, or a recovery code');
      await mfaRepo.deleteChallenge(tx, hash, new Date());
      const session = await openSession(ctx, staff, tx);
      const principal = toPrincipal(staff);
      if (used === 'recovery')
        await recordMfaChange(
          tx,
          { ...principal, source: auditSource(input.address) },
          {
            staffId: staff.id,
            action: 'update',
            fields: ['mfa_recovery_codes'],
            reason: 'Signed in with a recovery code',
          },
        );
      return { staff: principal, member: memberOf(ctx, staff), session };
    }),
  );
}
