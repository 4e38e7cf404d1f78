import type { StaffRow } from '../../db/schema.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { toPrincipal } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import { newToken, tokenHash } from './staff-secrets.ts';

const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export async function openSession(ctx: ServiceContext, staff: StaffRow): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await repo.insertSession(ctx.db, {
    organisation_id: staff.organisation_id,
    staff_id: staff.id,
    token_hash: tokenHash(token),
    expires_at: expiresAt,
  });
  return { token, expiresAt };
}

export async function staffForSession(ctx: ServiceContext, token: string | undefined): Promise<StaffPrincipal | null> {
  if (!token || token.length > 200) return null;
  const row = await repo.findSessionStaff(ctx.db, tokenHash(token), new Date());
  return row && row.organisation_id === ctx.organisation.id ? toPrincipal(row) : null;
}

export async function logOut(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(ctx.db, tokenHash(token));
}
