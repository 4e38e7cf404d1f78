import type { StaffRole } from '@ward/protocol';

/**
 * Single sign-on's decisions (ADR 23), pure: which email an ID token vouches for, what its groups
 * give under WARD_OIDC_GROUP_MAP, and whether the person signs in, gets an account or is refused.
 */

/** What one group gives: a role and departments (empty: every department, as for staff; ADR 14). */
export type GroupGrant = { role: StaffRole; departments: readonly string[] };

/**
 * Roles from least to most: with several mapped groups the person gets the highest. A role the
 * list does not know yet ranks below `agent`, so a new role never outranks an administrator by accident.
 */
export const rolePrecedence: readonly string[] = ['agent', 'supervisor', 'privacy_officer', 'admin'];

const emailShape = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const asEmail = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= 254 && emailShape.test(value.trim()) ? value.trim().toLowerCase() : null;

/**
 * The email address the ID token vouches for, lower-cased: `email`, unless the provider says it is
 * not verified; else Entra ID's `preferred_username` or `upn` when they are addresses (Entra sends
 * no `email_verified`; in a single tenant both are set by the council's IT team).
 */
export function ssoEmailOf(claims: Readonly<Record<string, unknown>>): string | null {
  const email = claims.email_verified === false ? null : asEmail(claims.email);
  return email ?? asEmail(claims.preferred_username) ?? asEmail(claims.upn);
}

/**
 * Who the person is at the identity provider: Entra ID's `oid` (the same for every application of
 * the tenant, so registering Ward again changes nothing), else the standard `sub`.
 */
export function ssoSubjectOf(claims: Readonly<Record<string, unknown>>): string | null {
  const subject = typeof claims.oid === 'string' && claims.oid ? claims.oid : claims.sub;
  return typeof subject === 'string' && subject.length > 0 && subject.length <= 255 ? subject : null;
}

/** The values of the `groups` claim (Entra ID: group object ids); anything else in it is ignored. */
export function ssoGroupsOf(claims: Readonly<Record<string, unknown>>): string[] {
  const groups = claims.groups;
  if (!Array.isArray(groups)) return [];
  return groups.filter((g): g is string => typeof g === 'string' && g.length > 0 && g.length <= 200);
}

/**
 * What the person's groups give together: the highest role, and the union of departments, where
 * a group with no departments gives every department (so the union is every department too).
 * Null when none of their groups is mapped.
 */
export function grantOfGroups(groups: readonly string[], groupMap: Readonly<Record<string, GroupGrant>>) {
  const grants = [...new Set(groups)].filter((g) => Object.hasOwn(groupMap, g)).map((g) => groupMap[g]!);
  if (grants.length === 0) return null;
  const rank = (role: string) => rolePrecedence.indexOf(role);
  const role = grants.map((g) => g.role).reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const everyDepartment = grants.some((g) => g.departments.length === 0);
  const departments = everyDepartment ? [] : [...new Set(grants.flatMap((g) => g.departments))].sort();
  return { role, departments } satisfies GroupGrant;
}

/** The account the email matched, as far as the decision needs it. */
export type SsoAccount = {
  id: string;
  role: string;
  departments: readonly string[];
  disabled: boolean;
  ssoIssuer: string | null;
  ssoSubject: string | null;
};

export type SsoRefusal = 'no-email' | 'unknown' | 'disabled' | 'other-subject';

export type SsoDecision =
  | { kind: 'sign-in'; accountId: string; update: GroupGrant | null; linkSubject: boolean }
  | { kind: 'create'; grant: GroupGrant }
  | { kind: 'refuse'; reason: SsoRefusal };

const sameDepartments = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Who may sign in: a known, enabled account (brought up to date when a mapped group covers them);
 * a new person in a mapped group gets an account; anyone else is refused. An account that an
 * earlier single sign-on tied to another subject of this issuer is refused too: its address now
 * belongs to someone else at the identity provider.
 */
export function decideSsoSignIn(input: {
  email: string | null;
  account: SsoAccount | null;
  grant: GroupGrant | null;
  issuer: string;
  subject: string;
}): SsoDecision {
  const { email, account, grant, issuer, subject } = input;
  if (!email) return { kind: 'refuse', reason: 'no-email' };
  if (!account) return grant ? { kind: 'create', grant } : { kind: 'refuse', reason: 'unknown' };
  if (account.disabled) return { kind: 'refuse', reason: 'disabled' };
  if (account.ssoSubject !== null && (account.ssoIssuer !== issuer || account.ssoSubject !== subject))
    return { kind: 'refuse', reason: 'other-subject' };
  const changed = grant && (grant.role !== account.role || !sameDepartments(grant.departments, account.departments));
  return {
    kind: 'sign-in',
    accountId: account.id,
    update: changed ? grant : null,
    linkSubject: account.ssoSubject === null,
  };
}

/** A new account's name: the token's given and family names, else its `name` split, else the address. */
export function ssoNamesOf(
  claims: Readonly<Record<string, unknown>>,
  email: string,
): { firstName: string; lastName: string } {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 100) : '');
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  if (given && family) return { firstName: given, lastName: family };
  const parts = text(claims.name).split(/\s+/).filter(Boolean);
  if (parts.length >= 2) return { firstName: parts[0]!, lastName: parts.slice(1).join(' ') };
  const local = email.split('@')[0] ?? email;
  return { firstName: given || parts[0] || local, lastName: family || '' };
}
