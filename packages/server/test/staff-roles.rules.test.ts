import { describe, expect, it } from 'vitest';
import { keepsAnAdministrator } from '../src/features/staff/staff-roles.rules.ts';

describe('a council always keeps an administrator', () => {
  it('refuses to take the role from the last active administrator, and allows it when another remains', () => {
    expect(keepsAnAdministrator(['a'], 'a', 'privacy_officer')).toBe(false);
    expect(keepsAnAdministrator(['a', 'b'], 'a', 'agent')).toBe(true);
    expect(keepsAnAdministrator(['a'], 'c', 'supervisor')).toBe(true);
    expect(keepsAnAdministrator([], 'c', 'admin')).toBe(true);
  });
});
