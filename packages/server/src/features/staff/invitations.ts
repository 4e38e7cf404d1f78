import { hash } from '@node-rs/argon2';
import type { AcceptInvitationBody, InvitationDetails, StaffRole } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { openSession } from './sessions.ts';
import { configuredDepartments } from './staff-departments.ts';
import { memberOf, toPrincipal } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import { argon2Options, newToken, tokenHash } from './staff-secrets.ts';

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** Creates a one-time link; `email` null lets the person choose it (the first administrator). */
export async function createInvitation(
  ctx: ServiceContext,
  input: { email: string | null; role: StaffRole; createdBy: string | null; departments?: readonly string[] },
) {
  const departments = configuredDepartments(ctx, input.departments ?? []);
  if (input.email && (await repo.findStaffByEmail(ctx.db, ctx.organisation.id, input.email))) {
    throw new AppError('conflict', 'A member of staff already uses that email address');
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + invitationLifetimeMs);
  await repo.insertInvitation(ctx.db, {
    organisation_id: ctx.organisation.id,
    token_hash: tokenHash(token),
    email: input.email,
    role: input.role,
    created_by: input.createdBy,
    expires_at: expiresAt,
    departments,
  });
  return { token, expiresAt };
}

export async function describeInvitation(ctx: ServiceContext, token: string): Promise<InvitationDetails> {
  const invitation = await repo.findOpenInvitation(ctx.db, tokenHash(token), new Date());
  if (!invitation || invitation.organisation_id !== ctx.organisation.id) {
    throw new AppError('not_found', 'This invitation link has expired or has already been used');
  }
  return { email: invitation.email, role: invitation.role, expiresAt: invitation.expires_at.toISOString() };
}

export async function acceptInvitation(ctx: ServiceContext, token: string, body: AcceptInvitationBody) {
  const passwordHash = await hash(body.password, argon2Options);
  const staff = await ctx.db.transaction().execute(async (tx) => {
    const now = new Date();
    const invitation = await repo.findOpenInvitation(tx, tokenHash(token), now);
    if (!invitation || invitation.organisation_id !== ctx.organisation.id) {
      throw new AppError('not_found', 'This invitation link has expired or has already been used');
    }
    const email = invitation.email ?? body.email;
    if (!email) throw new AppError('bad_request', 'Enter your email address');
    if (await repo.findStaffByEmail(tx, ctx.organisation.id, email)) {
      throw new AppError('conflict', 'A member of staff already uses that email address');
    }
    if (!(await repo.markInvitationAccepted(tx, invitation.id, now))) {
      throw new AppError('not_found', 'This invitation link has expired or has already been used');
    }
    return repo.insertStaff(tx, {
      organisation_id: ctx.organisation.id,
      email,
      first_name: body.firstName,
      last_name: body.lastName,
      role: invitation.role,
      password_hash: passwordHash,
      disabled_at: null,
      departments: invitation.departments,
    });
  });
  return { staff: toPrincipal(staff), member: memberOf(ctx, staff), session: await openSession(ctx, staff) };
}
