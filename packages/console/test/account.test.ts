import { describe, expect, it } from 'vitest';
import { validatePasswordChange } from '../src/features/account/validate-password-change.ts';
import { mayOpen } from '../src/session/roles.ts';

describe('changing your password', () => {
  const valid = { currentPassword: 'old password here', newPassword: 'a new passphrase', confirmPassword: '' };

  it('asks for each field, a long enough new password, a different one, and the same twice', () => {
    expect(validatePasswordChange({ currentPassword: '', newPassword: '', confirmPassword: '' })).toEqual({
      currentPassword: 'Enter your current password',
      newPassword: 'Enter a new password',
      confirmPassword: 'Enter your new password again',
    });
    expect(validatePasswordChange({ ...valid, newPassword: 'short', confirmPassword: 'short' }).newPassword).toBe(
      'Your new password must be 12 characters or more',
    );
    expect(
      validatePasswordChange({ ...valid, newPassword: valid.currentPassword, confirmPassword: valid.currentPassword })
        .newPassword,
    ).toBe('Your new password must be different from your current one');
    expect(validatePasswordChange({ ...valid, confirmPassword: 'a new passphrasf' })).toEqual({
      confirmPassword: 'Passwords must match',
    });
    expect(validatePasswordChange({ ...valid, confirmPassword: valid.newPassword })).toEqual({});
  });
});

describe('pages by role', () => {
  it('keeps staff and API keys for admins, privacy work for privacy officers and admins, chats from privacy officers', () => {
    expect(mayOpen('privacy_officer', 'privacy')).toBe(true);
    expect(mayOpen('privacy_officer', 'admin')).toBe(false);
    expect(mayOpen('privacy_officer', 'chats')).toBe(false);
    expect(mayOpen('supervisor', 'privacy')).toBe(false);
    expect(mayOpen('supervisor', 'chats')).toBe(true);
    expect(mayOpen('admin', 'admin')).toBe(true);
    expect(mayOpen('agent', undefined)).toBe(true);
  });
});
