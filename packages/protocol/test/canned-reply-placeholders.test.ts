import { describe, expect, it } from 'vitest';
import { fillPlaceholders, firstNameOf } from '../src/canned-reply-placeholders.ts';

const values = { 'resident first name': 'Ann', 'case reference': '4K7M-9P2X', 'agent first name': 'Sam' };

describe('filling in a canned reply', () => {
  it('replaces each placeholder, however it is spaced or capitalised', () => {
    expect(fillPlaceholders('Hello {resident first name}, I am {agent first name}.', values)).toBe(
      'Hello Ann, I am Sam.',
    );
    expect(fillPlaceholders('Your reference is { Case  Reference }', values)).toBe('Your reference is 4K7M-9P2X');
    expect(fillPlaceholders('{case reference} and {case reference}', values)).toBe('4K7M-9P2X and 4K7M-9P2X');
  });

  it('leaves a placeholder without a value, and any other braces, for the agent to see', () => {
    expect(fillPlaceholders('Hello {resident first name}', { ...values, 'resident first name': null })).toBe(
      'Hello {resident first name}',
    );
    expect(fillPlaceholders('Pay {amount} by {date}', values)).toBe('Pay {amount} by {date}');
    // A value is inserted as it is, never read as a placeholder itself.
    expect(
      fillPlaceholders('Hi {resident first name}', { ...values, 'resident first name': '{agent first name}' }),
    ).toBe('Hi {agent first name}');
  });

  it('takes the first word of a name as the first name', () => {
    expect(firstNameOf('  Ann Marie Resident ')).toBe('Ann');
    expect(firstNameOf('')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});
