import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { openSession } from './sessions.ts';
import { memberOf, toPrincipal } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import * as mfaRepo from './mfa.repository.ts';
import { argon2Options, newToken, tokenHash } from './staff-secrets.ts';
import { challengeLifetimeSeconds } from './mfa.rules.ts';

// Verifying against this when the email is unknown keeps the response time the same.
let decoyHash: Promise<string> | undefined;

/**
 * Checks the password. Without two-step sign-in that opens a session; with it, only a waiting
 * sign-in (five minutes, single use) that a code completes (complete-mfa-sign-in.ts).
 */
export async function logIn(ctx: ServiceContext, email: string, password: string) {
  const staff = await repo.findStaffByEmail(ctx.db, ctx.organisation.id, email);
  const valid =
    staff && !staff.disabled_at
      ? await verify(staff.password_hash, password)
      : await verify(await (decoyHash ??= hash('decoy', argon2Options)), password).then(() => false);
  if (!staff || !valid) throw new AppError('unauthenticated', 'Enter a correct email address and password');
  if (await mfaRepo.mfaEnabled(ctx.db, staff.id)) {
    const token = newToken();
    const expiresAt = new Date(Date.now() + challengeLifetimeSeconds * 1000);
    await mfaRepo.insertChallenge(ctx.db, {
      organisationId: staff.organisation_id,
      staffId: staff.id,
      tokenHash: tokenHash(token),
      expiresAt,
    });
    return { kind: 'mfa' as const, challenge: { token, expiresAt } };
  }
  return {
    kind: 'session' as const,
    staff: toPrincipal(staff),
    member: memberOf(ctx, staff),
    session: await openSession(ctx, staff),
  };
}
