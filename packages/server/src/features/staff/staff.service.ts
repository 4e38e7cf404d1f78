import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type {
  AcceptInvitationBody,
  DepartmentsResponse,
  InvitationDetails,
  StaffDirectoryEntry,
  StaffMember,
  StaffRole,
} from '@ward/protocol';
import type { StaffRow } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { agentDisplayName } from './staff-names.rules.ts';
import * as repo from './staff.repository.ts';

const sessionLifetimeMs = 12 * 60 * 60 * 1000;
const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const tokenHash = (token: string) => createHash('sha256').update(token).digest();
const newToken = () => randomBytes(32).toString('base64url');

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const argon2Options = { algorithm: 2 /* Argon2id */ as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Verifying against this when the email is unknown keeps the response time the same.
let decoyHash: Promise<string> | undefined;

export function toPrincipal(row: StaffRow): StaffPrincipal {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
  };
}

/** How a member of staff appears to the console; `departments` empty means every department (ADR 14). */
export function toStaffMember(ctx: ServiceContext, staff: StaffPrincipal, departments: readonly string[]): StaffMember {
  return {
    id: staff.id,
    email: staff.email,
    firstName: staff.firstName,
    lastName: staff.lastName,
    displayName: agentDisplayName(staff.firstName, staff.lastName, ctx.organisation.settings.agentNameShown),
    role: staff.role,
    departments: [...departments],
  };
}

const memberOf = (ctx: ServiceContext, row: StaffRow) => toStaffMember(ctx, toPrincipal(row), row.departments);

async function openSession(ctx: ServiceContext, staff: StaffRow): Promise<{ token: string; expiresAt: Date }> {
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

export async function logIn(ctx: ServiceContext, email: string, password: string) {
  const staff = await repo.findStaffByEmail(ctx.db, ctx.organisation.id, email);
  const valid =
    staff && !staff.disabled_at
      ? await verify(staff.password_hash, password)
      : await verify(await (decoyHash ??= hash('decoy', argon2Options)), password).then(() => false);
  if (!staff || !valid) throw new AppError('unauthenticated', 'Enter a correct email address and password');
  return { staff: toPrincipal(staff), member: memberOf(ctx, staff), session: await openSession(ctx, staff) };
}

export async function staffForSession(ctx: ServiceContext, token: string | undefined): Promise<StaffPrincipal | null> {
  if (!token || token.length > 200) return null;
  const row = await repo.findSessionStaff(ctx.db, tokenHash(token), new Date());
  return row && row.organisation_id === ctx.organisation.id ? toPrincipal(row) : null;
}

export async function logOut(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(ctx.db, tokenHash(token));
}

/**
 * The signed-in member of staff as the console sees them, read fresh (an admin may have just changed their
 * departments).
 */
export async function currentStaffMember(ctx: ServiceContext, staff: StaffPrincipal): Promise<StaffMember> {
  const row = await repo.findStaffById(ctx.db, ctx.organisation.id, staff.id);
  if (!row || row.disabled_at) throw new AppError('unauthenticated', 'Sign in to continue');
  return memberOf(ctx, row);
}

/**
 * The council's departments and topics (organisation settings, in their order); each topic names the department that
 * deals with it.
 */
export function listDepartments(ctx: ServiceContext): DepartmentsResponse {
  const { departments, topics } = ctx.organisation.settings;
  return {
    departments: departments.map((d) => ({ id: d.id, label: d.label })),
    topics: topics.map((t) => ({ id: t.id, label: t.label, departmentId: t.department })),
  };
}

/** Refuses any id that is not one of the council's departments; returns them in the settings' order. */
function configuredDepartments(ctx: ServiceContext, ids: readonly string[]): string[] {
  const known = ctx.organisation.settings.departments.map((d) => d.id);
  if (ids.some((id) => !known.includes(id)))
    throw new AppError('bad_request', 'Select departments from the council’s list');
  return known.filter((id) => ids.includes(id));
}

/** Sets where a member of staff works (ADR 14); empty means every department. Admin only (the route says so). */
export async function setStaffDepartments(
  ctx: ServiceContext,
  staffId: string,
  departments: readonly string[],
): Promise<StaffMember> {
  const ordered = configuredDepartments(ctx, departments);
  const row = await repo.updateStaffDepartments(ctx.db, ctx.organisation.id, staffId, ordered);
  if (!row) throw new AppError('not_found', 'That member of staff was not found');
  return memberOf(ctx, row);
}

/** Active staff with their names and departments, for choosing a case owner: any member of staff may read it. */
export async function staffDirectory(ctx: ServiceContext): Promise<StaffDirectoryEntry[]> {
  const rows = await repo.listActiveStaffNames(ctx.db, ctx.organisation.id);
  return rows.map((row) => ({
    id: row.id,
    displayName: `${row.first_name} ${row.last_name}`,
    role: row.role,
    departments: row.departments,
  }));
}

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

export async function listStaffMembers(ctx: ServiceContext): Promise<StaffMember[]> {
  const rows = await repo.listStaff(ctx.db, ctx.organisation.id);
  return rows.map((row) => memberOf(ctx, row));
}

export async function hasAnyStaff(ctx: ServiceContext): Promise<boolean> {
  return (await repo.countStaff(ctx.db, ctx.organisation.id)) > 0;
}
