import { describe, expect, it } from 'vitest';
import { validateResidentSearch } from '../src/features/conversations/validate-resident-search.ts';

describe('searching for a resident', () => {
  it('needs an email address or a name', () => {
    expect(validateResidentSearch(' ', '')).toEqual({
      errors: { email: 'Enter the resident’s email address or name' },
    });
  });
  it('checks each field it is given', () => {
    expect(validateResidentSearch('ann@', '')).toEqual({
      errors: { email: 'Enter an email address in the correct format, like name@example.com' },
    });
    expect(validateResidentSearch('', 'A')).toEqual({ errors: { name: 'Enter at least 2 letters of the name' } });
  });
  it('sends only what was typed, trimmed', () => {
    expect(validateResidentSearch(' ann@example.com ', '')).toEqual({ search: { email: 'ann@example.com' } });
    expect(validateResidentSearch('', ' Ann Resident ')).toEqual({ search: { name: 'Ann Resident' } });
  });
});
