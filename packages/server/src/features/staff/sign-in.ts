import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { openSession } from './sessions.ts';
import { memberOf, toPrincipal } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import { argon2Options } from './staff-secrets.ts';

// Verifying against this when the email is unknown keeps the response time the same.
let decoyHash: Promise<string> | undefined;

export async function logIn(ctx: ServiceContext, email: string, password: string) {
  const staff = await repo.findStaffByEmail(ctx.db, ctx.organisation.id, email);
  const valid =
    staff && !staff.disabled_at
      ? await verify(staff.password_hash, password)
      : await verify(await (decoyHash ??= hash('decoy', argon2Options)), password).then(() => false);
  if (!staff || !valid) throw new AppError('unauthenticated', 'Enter a correct email address and password');
  return { staff: toPrincipal(staff), member: memberOf(ctx, staff), session: await openSession(ctx, staff) };
}
