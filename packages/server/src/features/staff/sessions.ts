import type { DbOrTx } from '../../db/client.ts';
import type { SignInMethod, StaffRow } from '../../db/schema.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { toPrincipal } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import { newToken, tokenHash } from './staff-secrets.ts';

const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export async function openSession(
  ctx: ServiceContext,
  staff: StaffRow,
  db: DbOrTx = ctx.db,
  signedInWith: SignInMethod = 'password',
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await repo.insertSession(db, {
    organisation_id: staff.organisation_id,
    staff_id: staff.id,
    token_hash: tokenHash(token),
    expires_at: expiresAt,
    signed_in_with: signedInWith,
  });
  return { token, expiresAt };
}

/** A session's last use is written at most this often: a busy console does not write on every request. */
const touchEveryMs = 60 * 1000;

/**
 * The member of staff a session belongs to, while it has neither reached its absolute expiry nor
 * gone unused for `idleMs` (WARD_SESSION_IDLE_MINUTES); using it keeps it alive.
 */
export async function staffForSession(
  ctx: ServiceContext,
  token: string | undefined,
  policy: { idleMs: number },
): Promise<StaffPrincipal | null> {
  if (!token || token.length > 200) return null;
  const now = new Date();
  const hash = tokenHash(token);
  const row = await repo.findSessionStaff(ctx.db, hash, now, new Date(now.getTime() - policy.idleMs));
  if (!row || row.organisation_id !== ctx.organisation.id) return null;
  if (now.getTime() - row.session_last_seen_at.getTime() > touchEveryMs) await repo.touchSession(ctx.db, hash, now);
  return { ...toPrincipal(row), mfaEnabled: row.mfa_enabled_at !== null, signedInWith: row.session_signed_in_with };
}

/**
 * Ends every session of someone whose access has just changed (their departments, role or
 * password): they sign in again, and their live connections close (`staff.sessions-ended`).
 */
export async function endSessionsOf(ctx: ServiceContext, staffId: string): Promise<void> {
  await repo.deleteSessionsOf(ctx.db, staffId);
  ctx.events.publish('staff.sessions-ended', { organisationId: ctx.organisation.id, staffId });
}

/**
 * Ends every session of a member of staff but the one they are using (their two-step sign-in just
 * changed: anyone else signed in as them signs in again). Their other live connections close at
 * their next session check (agent-namespace.ts); the one in use is left alone.
 */
export async function endOtherSessionsOf(db: DbOrTx, staffId: string, keepToken: string): Promise<void> {
  await repo.deleteOtherSessionsOf(db, staffId, tokenHash(keepToken));
}

export async function logOut(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(ctx.db, tokenHash(token));
}
