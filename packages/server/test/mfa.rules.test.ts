import { describe, expect, it } from 'vitest';
import {
  groupedSecret,
  mayTurnOff,
  mfaRequiredFor,
  mustEnrolFirst,
  readTypedCode,
  recoveryCodeBytes,
  recoveryCodeFrom,
} from '../src/features/staff/mfa.rules.ts';
import { loadConfig } from '../src/config.ts';

describe('who must use two-step sign-in', () => {
  it('is required of administrators and privacy officers by default, optional for everyone else', () => {
    expect(mfaRequiredFor('admin', 'admins-and-privacy-officers')).toBe(true);
    expect(mfaRequiredFor('privacy_officer', 'admins-and-privacy-officers')).toBe(true);
    expect(mfaRequiredFor('agent', 'admins-and-privacy-officers')).toBe(false);
    expect(mfaRequiredFor('supervisor', 'admins-and-privacy-officers')).toBe(false);
    expect(mfaRequiredFor('Admin', 'admins-and-privacy-officers')).toBe(false);
  });

  it('is required of everyone with WARD_MFA_REQUIRED=all, and of nobody with none', () => {
    for (const role of ['admin', 'privacy_officer', 'agent', 'supervisor']) {
      expect(mfaRequiredFor(role, 'all')).toBe(true);
      expect(mfaRequiredFor(role, 'none')).toBe(false);
    }
  });

  it('limits a session to setting it up only while it is required and not yet on', () => {
    expect(mustEnrolFirst('admin', 'admins-and-privacy-officers', false)).toBe(true);
    expect(mustEnrolFirst('admin', 'admins-and-privacy-officers', true)).toBe(false);
    expect(mustEnrolFirst('agent', 'admins-and-privacy-officers', false)).toBe(false);
    expect(mustEnrolFirst('agent', 'all', false)).toBe(true);
    // Single sign-on: the council's identity provider asked for its own second factor.
    expect(mustEnrolFirst('admin', 'all', false, 'single-sign-on')).toBe(false);
  });

  it('may be turned off only where it is not required', () => {
    expect(mayTurnOff('agent', 'admins-and-privacy-officers')).toBe(true);
    expect(mayTurnOff('admin', 'admins-and-privacy-officers')).toBe(false);
    expect(mayTurnOff('agent', 'all')).toBe(false);
  });

  it('is configured with WARD_MFA_REQUIRED, validated at start', () => {
    expect(loadConfig({}).mfaRequired).toBe('admins-and-privacy-officers');
    expect(loadConfig({ WARD_MFA_REQUIRED: 'all' }).mfaRequired).toBe('all');
    expect(() => loadConfig({ WARD_MFA_REQUIRED: 'admins' })).toThrow(
      /WARD_MFA_REQUIRED: must be admins-and-privacy-officers \(the default\), all, or none/,
    );
  });
});

describe('what a typed code is', () => {
  it('reads six digits as a code from the app, spaces allowed', () => {
    expect(readTypedCode('123456')).toEqual({ kind: 'totp', code: '123456' });
    expect(readTypedCode(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
    expect(readTypedCode('12345')).toEqual({ kind: 'invalid' });
    expect(readTypedCode('1234567')).toEqual({ kind: 'invalid' });
  });

  it('reads a recovery code whatever its case, spaces and dashes', () => {
    const code = recoveryCodeFrom(new Uint8Array(recoveryCodeBytes).map((_, i) => i * 7));
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const compact = code.replaceAll('-', '');
    expect(readTypedCode(code)).toEqual({ kind: 'recovery', code: compact });
    expect(readTypedCode(code.toUpperCase().replaceAll('-', ' '))).toEqual({ kind: 'recovery', code: compact });
    expect(readTypedCode('abcd-efgh-ijkl-mnop')).toEqual({ kind: 'invalid' }); // l and o are not used
    expect(readTypedCode('')).toEqual({ kind: 'invalid' });
  });

  it('makes recovery codes from every byte without favouring letters', () => {
    const seen = new Set(
      recoveryCodeFrom(new Uint8Array(256).map((_, i) => i))
        .replaceAll('-', '')
        .split(''),
    );
    expect(seen.size).toBe(16);
    expect(() => recoveryCodeFrom(new Uint8Array(4))).toThrow();
  });

  it('shows the secret in groups of four for typing by hand', () => {
    expect(groupedSecret('ABCDEFGHIJKLMNOPQRST')).toBe('ABCD EFGH IJKL MNOP QRST');
  });
});
