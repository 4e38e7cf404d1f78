import { hash, verify } from '@node-rs/argon2';
import type { ChangePasswordBody } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import * as repo from './staff.repository.ts';
import { argon2Options } from './staff-secrets.ts';
import { endOtherSessionsOf } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';

/**
 * A member of staff sets a new password, proving the current one (throttled like signing in, so a
 * stolen session cannot guess it). Every other session of theirs ends and their other tabs' live
 * connections close (`staff.sessions-ended`); the one they are using stays signed in.
 */
export async function changePassword(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  currentSessionToken: string,
  body: ChangePasswordBody,
  throttle: { signIn: SignInThrottle; address: string },
): Promise<void> {
  const row = await repo.findStaffById(ctx.db, ctx.organisation.id, staff.id);
  if (!row) throw new AppError('unauthenticated', 'Sign in to continue');
  try {
    await throttle.signIn.attempt({ email: row.email, address: throttle.address }, async () => {
      if (!(await verify(row.password_hash, body.currentPassword)))
        throw new AppError('unauthenticated', 'wrong current password');
    });
  } catch (error) {
    // A 401 would sign the console out; the wrong password is a mistake in the form.
    if (error instanceof AppError && error.code === 'unauthenticated')
      throw new AppError('bad_request', 'Your current password is not right');
    throw error;
  }
  if (body.newPassword === body.currentPassword)
    throw new AppError('bad_request', 'Your new password must be different from your current one');
  await repo.updateStaffPassword(ctx.db, staff.id, await hash(body.newPassword, argon2Options));
  await endOtherSessionsOf(ctx.db, staff.id, currentSessionToken);
  ctx.events.publish('staff.sessions-ended', { organisationId: ctx.organisation.id, staffId: staff.id });
}
