import { createHmac, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { StaffMember } from '@ward/protocol';
import type { StaffRow } from '../../db/schema.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { auditSource, recordAudit, staffActor, type AuditEntry } from '../audit/record-audit.ts';
import { endSessionsOf, openSession } from './sessions.ts';
import {
  decideSsoSignIn,
  grantOfGroups,
  ssoEmailOf,
  ssoGroupsOf,
  ssoNamesOf,
  ssoSubjectOf,
  type GroupGrant,
  type SsoRefusal,
} from './single-sign-on.rules.ts';
import { updateStaffFromSso } from './single-sign-on.repository.ts';
import { configuredDepartments } from './staff-departments.ts';
import { memberOf, toPrincipal } from './staff.presenters.ts';
import * as repo from './staff.repository.ts';
import { argon2Options } from './staff-secrets.ts';

export type SsoSignInResult =
  | {
      ok: true;
      staff: StaffPrincipal;
      member: StaffMember;
      session: { token: string; expiresAt: Date };
      /** The account was made just now from the person's groups. */
      created: boolean;
      /** Their role or departments changed: their other sessions ended. */
      updated: boolean;
    }
  /** `emailDigest`: a keyed digest of the address, so refusals can be counted and matched in logs without it. */
  | { ok: false; reason: SsoRefusal; emailDigest: string | null };

/**
 * Signs in someone whose identity provider has vouched for them (ADR 23): the ID token's claims,
 * already verified by the OpenID Connect client. Their email finds their account; a mapped group
 * (WARD_OIDC_GROUP_MAP) brings its role and departments up to date, or makes the account of a new
 * person. Anyone else is refused. Ward's own MFA is not asked for: the identity provider's is relied on.
 */
export async function signInWithSso(
  ctx: ServiceContext,
  identity: { issuer: string; claims: Readonly<Record<string, unknown>> },
  options: { groupMap: Readonly<Record<string, GroupGrant>>; address: string | undefined },
): Promise<SsoSignInResult> {
  const { issuer, claims } = identity;
  const email = ssoEmailOf(claims);
  const subject = ssoSubjectOf(claims);
  const emailDigest = email ? createHmac('sha256', ctx.indexKey).update(`sso-refusal\n${email}`).digest('hex') : null;
  if (!email || !subject) return { ok: false, reason: 'no-email', emailDigest };
  const grant = grantOfGroups(ssoGroupsOf(claims), options.groupMap);

  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const found = await repo.findStaffByEmail(tx, ctx.organisation.id, email);
    const decision = decideSsoSignIn({
      email,
      subject,
      issuer,
      grant,
      account: found
        ? {
            id: found.id,
            role: found.role,
            departments: found.departments,
            disabled: found.disabled_at !== null,
            ssoIssuer: found.sso_issuer,
            ssoSubject: found.sso_subject,
          }
        : null,
    });
    if (decision.kind === 'refuse') return decision;

    let row: StaffRow;
    const audit: Omit<AuditEntry, 'actor'>[] = [];
    const entry = (action: AuditEntry['action'], recordType: string, fields: string[], reason: string) =>
      audit.push({
        organisationId: ctx.organisation.id,
        action,
        purpose: 'sign-in',
        recordType,
        fields,
        reason,
      });
    if (decision.kind === 'create') {
      const names = ssoNamesOf(claims, email);
      row = await repo.insertStaff(tx, {
        organisation_id: ctx.organisation.id,
        email,
        first_name: names.firstName,
        last_name: names.lastName,
        role: decision.grant.role,
        // A password nobody knows (32 random bytes, never kept): the account signs in only through SSO.
        password_hash: await hash(randomBytes(32).toString('base64'), argon2Options),
        disabled_at: null,
        departments: configuredDepartments(ctx, decision.grant.departments),
        sso_issuer: issuer,
        sso_subject: subject,
      });
      entry(
        'create',
        'staff',
        ['email', 'first_name', 'last_name', 'role', 'departments'],
        'Account made at single sign-on from the identity provider’s groups',
      );
    } else {
      const changes = {
        ...(decision.update
          ? { role: decision.update.role, departments: configuredDepartments(ctx, decision.update.departments) }
          : {}),
        ...(decision.linkSubject ? { ssoIssuer: issuer, ssoSubject: subject } : {}),
      };
      row =
        decision.update || decision.linkSubject
          ? (await updateStaffFromSso(tx, ctx.organisation.id, decision.accountId, changes))!
          : found!;
      if (decision.update)
        entry('update', 'staff', ['role', 'departments'], 'Role and departments from the identity provider’s groups');
    }
    entry('create', 'staff-session', [], 'Signed in with single sign-on');
    const actor = staffActor({ ...toPrincipal(row), source: auditSource(options.address) });
    await recordAudit(
      tx,
      audit.map((e) => ({ ...e, actor, recordId: row.id })),
    );
    return { kind: decision.kind, row, updated: decision.kind === 'sign-in' && decision.update !== null };
  });

  if (outcome.kind === 'refuse') return { ok: false, reason: outcome.reason, emailDigest };
  // New access: the sessions opened under the old role or departments end (as when an administrator changes them).
  if (outcome.updated) await endSessionsOf(ctx, outcome.row.id);
  return {
    ok: true,
    staff: toPrincipal(outcome.row),
    member: memberOf(ctx, outcome.row),
    session: await openSession(ctx, outcome.row, ctx.db, 'single-sign-on'),
    created: outcome.kind === 'create',
    updated: outcome.updated,
  };
}
