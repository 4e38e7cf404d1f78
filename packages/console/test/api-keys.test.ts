import { describe, expect, it } from 'vitest';
import { validateApiKey } from '../src/features/api-keys/validate-api-key.ts';

describe('creating an API key', () => {
  it('sends the trimmed name and the chosen scopes once each', () => {
    expect(validateApiKey('  Social media inbox ', ['intake', 'intake'])).toEqual({
      errors: {},
      body: { name: 'Social media inbox', scopes: ['intake'], expiresInDays: 365 },
    });
  });
  it('sends how long the key works: a year unless another choice is made, or until revoked', () => {
    expect(validateApiKey('CRM', ['intake'], '30').body?.expiresInDays).toBe(30);
    expect(validateApiKey('CRM', ['intake'], 'never').body?.expiresInDays).toBeNull();
  });

  it('needs a name of at most 100 characters and at least one scope', () => {
    expect(validateApiKey(' ', [])).toEqual({
      errors: { name: 'Enter a name for the key', scopes: 'Select what the key may do' },
      body: null,
    });
    expect(validateApiKey('x'.repeat(101), ['intake']).errors).toEqual({
      name: 'The name must be 100 characters or fewer',
    });
    expect(validateApiKey('x'.repeat(100), ['intake']).body).not.toBeNull();
  });
});
