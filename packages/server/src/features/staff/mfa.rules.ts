/**
 * Two-step sign-in (ADR 22), pure: who must use it, and what a typed code is.
 *
 * WARD_MFA_REQUIRED: `admins-and-privacy-officers` (the default) requires it of the roles that can
 * reach every resident's data and the audit trail; `all` of everyone; `none` of nobody (test
 * set-ups only: Ward warns at start).
 */
export const mfaPolicies = ['admins-and-privacy-officers', 'all', 'none'] as const;
export type MfaPolicy = (typeof mfaPolicies)[number];

/** Roles for which two-step sign-in is required by default. A string: roles are added over time. */
const privilegedRoles: readonly string[] = ['admin', 'privacy_officer'];

export function mfaRequiredFor(role: string, policy: MfaPolicy): boolean {
  if (policy === 'all') return true;
  if (policy === 'none') return false;
  return privilegedRoles.includes(role);
}

/**
 * A session of someone who must use two-step sign-in but has not set it up reaches only the
 * enrolment; a session opened by single sign-on has the identity provider's own (ADR 23).
 */
export function mustEnrolFirst(
  role: string,
  policy: MfaPolicy,
  enabled: boolean,
  signedInWith: 'password' | 'single-sign-on' = 'password',
): boolean {
  return signedInWith === 'password' && !enabled && mfaRequiredFor(role, policy);
}

/** Turning it off is for those who may choose. */
export function mayTurnOff(role: string, policy: MfaPolicy): boolean {
  return !mfaRequiredFor(role, policy);
}

export const totpDigits = 6;
export const totpPeriodSeconds = 30;
/** One step either side of now: a phone clock a little off, or a code typed as it changes. */
export const totpToleranceSteps = 1;
/** Between the password and the code. */
export const challengeLifetimeSeconds = 5 * 60;
export const recoveryCodeCount = 10;

const recoveryAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
/** 16 characters of a 32-letter alphabet: 80 random bits, enough to store as a plain SHA-256. */
const recoveryCodeLength = 16;

export type TypedCode = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | { kind: 'invalid' };

/**
 * What someone typed: a 6-digit code from their app (spaces allowed), or a recovery code
 * (case, spaces and dashes do not matter), or neither.
 */
export function readTypedCode(typed: string): TypedCode {
  const compact = typed.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (compact.length === recoveryCodeLength && [...compact].every((c) => recoveryAlphabet.includes(c)))
    return { kind: 'recovery', code: compact };
  return { kind: 'invalid' };
}

/** A recovery code from random bytes (one byte per character), as it is shown: four groups of four. */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < recoveryCodeLength) throw new Error(`a recovery code needs ${recoveryCodeLength} bytes`);
  const letters = [...bytes.subarray(0, recoveryCodeLength)].map((b) => recoveryAlphabet[b % recoveryAlphabet.length]);
  return letters.join('').replace(/(.{4})(?!$)/g, '$1-');
}

export const recoveryCodeBytes = recoveryCodeLength;

/** The secret as shown for typing into an app by hand: groups of four. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?!$)/g, '$1 ');
}
