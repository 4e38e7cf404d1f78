import { describe, expect, it } from 'vitest';
import {
  decideSsoSignIn,
  grantOfGroups,
  ssoEmailOf,
  ssoGroupsOf,
  ssoNamesOf,
  ssoSubjectOf,
  type GroupGrant,
  type SsoAccount,
} from '../src/features/staff/single-sign-on.rules.ts';

const groupMap: Record<string, GroupGrant> = {
  'g-council-tax': { role: 'agent', departments: ['council-tax'] },
  'g-housing': { role: 'agent', departments: ['housing', 'council-tax'] },
  'g-admins': { role: 'admin', departments: [] },
};

describe('which email an ID token vouches for', () => {
  it('takes email, lower-cased, unless the provider says it is not verified', () => {
    expect(ssoEmailOf({ email: ' Sam.Okafor@Council.example ' })).toBe('sam.okafor@council.example');
    expect(ssoEmailOf({ email: 'sam@council.example', email_verified: true })).toBe('sam@council.example');
    expect(ssoEmailOf({ email: 'sam@council.example', email_verified: false })).toBeNull();
  });

  it('falls back to Entra ID’s preferred_username, then upn, when they are addresses', () => {
    expect(ssoEmailOf({ preferred_username: 'Sam@Council.example' })).toBe('sam@council.example');
    expect(ssoEmailOf({ preferred_username: 'sam', upn: 'sam@council.example' })).toBe('sam@council.example');
    expect(ssoEmailOf({ email: 'x', email_verified: false, upn: 'sam@council.example' })).toBe('sam@council.example');
    expect(ssoEmailOf({ name: 'Sam' })).toBeNull();
    expect(ssoEmailOf({ email: 42 })).toBeNull();
  });

  it('names the person by Entra’s oid, else sub', () => {
    expect(ssoSubjectOf({ sub: 'pairwise', oid: 'object-id' })).toBe('object-id');
    expect(ssoSubjectOf({ sub: 'subject' })).toBe('subject');
    expect(ssoSubjectOf({})).toBeNull();
  });

  it('reads the groups claim, ignoring anything that is not a group id', () => {
    expect(ssoGroupsOf({ groups: ['a', 7, '', 'b'] })).toEqual(['a', 'b']);
    expect(ssoGroupsOf({ groups: 'a' })).toEqual([]);
    expect(ssoGroupsOf({})).toEqual([]);
  });
});

describe('what groups give together', () => {
  it('is null when no group is mapped', () => {
    expect(grantOfGroups(['unmapped'], groupMap)).toBeNull();
    expect(grantOfGroups([], groupMap)).toBeNull();
    expect(grantOfGroups(['__proto__', 'constructor'], groupMap)).toBeNull();
  });

  it('gives the highest role and the union of departments', () => {
    expect(grantOfGroups(['g-council-tax'], groupMap)).toEqual({ role: 'agent', departments: ['council-tax'] });
    expect(grantOfGroups(['g-council-tax', 'g-housing', 'other'], groupMap)).toEqual({
      role: 'agent',
      departments: ['council-tax', 'housing'],
    });
  });

  it('gives every department (empty) when any of the groups has no departments', () => {
    expect(grantOfGroups(['g-council-tax', 'g-admins'], groupMap)).toEqual({ role: 'admin', departments: [] });
  });

  it('ranks roles agent < supervisor < privacy officer < admin; a role it does not know ranks lowest', () => {
    const map = {
      a: { role: 'agent', departments: ['x'] },
      s: { role: 'supervisor', departments: ['x'] },
      p: { role: 'privacy_officer', departments: ['x'] },
      z: { role: 'admin', departments: ['x'] },
      n: { role: 'brand-new-role', departments: ['x'] },
    } as unknown as Record<string, GroupGrant>;
    expect(grantOfGroups(['a', 's'], map)?.role).toBe('supervisor');
    expect(grantOfGroups(['p', 's', 'a'], map)?.role).toBe('privacy_officer');
    expect(grantOfGroups(['z', 'p'], map)?.role).toBe('admin');
    expect(grantOfGroups(['n', 'a'], map)?.role).toBe('agent');
  });
});

describe('who signs in', () => {
  const account: SsoAccount = {
    id: 'staff-1',
    role: 'agent',
    departments: ['council-tax'],
    disabled: false,
    ssoIssuer: null,
    ssoSubject: null,
  };
  const base = { email: 'sam@council.example', issuer: 'https://idp', subject: 'sub-1' };

  it('signs a known account in, linking it to the subject the first time', () => {
    expect(decideSsoSignIn({ ...base, account, grant: null })).toEqual({
      kind: 'sign-in',
      accountId: 'staff-1',
      update: null,
      linkSubject: true,
    });
    const linked = { ...account, ssoIssuer: 'https://idp', ssoSubject: 'sub-1' };
    expect(decideSsoSignIn({ ...base, account: linked, grant: null })).toMatchObject({ linkSubject: false });
  });

  it('brings role and departments up to date only when they differ', () => {
    const same = { role: 'agent', departments: ['council-tax'] } as const;
    expect(decideSsoSignIn({ ...base, account, grant: same })).toMatchObject({ update: null });
    const admin = { role: 'admin', departments: [] } as const;
    expect(decideSsoSignIn({ ...base, account, grant: admin })).toMatchObject({ update: admin });
    const more = { role: 'agent', departments: ['housing', 'council-tax'] } as const;
    expect(decideSsoSignIn({ ...base, account, grant: more })).toMatchObject({ update: more });
  });

  it('makes an account for a new person in a mapped group, and refuses anyone else', () => {
    const grant = { role: 'agent', departments: ['housing'] } as const;
    expect(decideSsoSignIn({ ...base, account: null, grant })).toEqual({ kind: 'create', grant });
    expect(decideSsoSignIn({ ...base, account: null, grant: null })).toEqual({ kind: 'refuse', reason: 'unknown' });
    expect(decideSsoSignIn({ ...base, email: null, account, grant })).toEqual({ kind: 'refuse', reason: 'no-email' });
  });

  it('refuses a disabled account whatever its groups, and one tied to another subject or issuer', () => {
    const grant = { role: 'admin', departments: [] } as const;
    expect(decideSsoSignIn({ ...base, account: { ...account, disabled: true }, grant })).toEqual({
      kind: 'refuse',
      reason: 'disabled',
    });
    const tied = { ...account, ssoIssuer: 'https://idp', ssoSubject: 'sub-0' };
    expect(decideSsoSignIn({ ...base, account: tied, grant })).toEqual({ kind: 'refuse', reason: 'other-subject' });
    const elsewhere = { ...account, ssoIssuer: 'https://other-idp', ssoSubject: 'sub-1' };
    expect(decideSsoSignIn({ ...base, account: elsewhere, grant })).toMatchObject({ kind: 'refuse' });
  });
});

describe('a new account’s name', () => {
  it('comes from given and family names, else name, else the address', () => {
    expect(ssoNamesOf({ given_name: 'Noor', family_name: 'Haddad' }, 'n@x.example')).toEqual({
      firstName: 'Noor',
      lastName: 'Haddad',
    });
    expect(ssoNamesOf({ name: 'Noor Al Haddad' }, 'n@x.example')).toEqual({ firstName: 'Noor', lastName: 'Al Haddad' });
    expect(ssoNamesOf({}, 'noor.haddad@x.example')).toEqual({ firstName: 'noor.haddad', lastName: '' });
  });
});
