import { describe, expect, it } from 'vitest';
import { correctionOf } from '../src/features/conversations/conversation-details.rules.ts';

describe('what a correction of a chat’s details changes', () => {
  const current = { name: 'Ann Resident', email: 'ann@example.com' };

  it('names the fields that change, in a fixed order', () => {
    expect(correctionOf(current, { name: 'Anne Resident', email: 'ann@example.com' })).toEqual({
      fields: ['visitor_name'],
      next: { name: 'Anne Resident', email: 'ann@example.com' },
    });
    expect(correctionOf(current, { name: 'Anne Resident', email: 'anne@example.com' })?.fields).toEqual([
      'visitor_name',
      'visitor_email',
    ]);
  });

  it('removes the email when it is left empty, and adds one where there was none', () => {
    expect(correctionOf(current, { name: 'Ann Resident', email: '  ' })).toEqual({
      fields: ['visitor_email'],
      next: { name: 'Ann Resident', email: null },
    });
    expect(
      correctionOf({ name: 'Ann Resident', email: null }, { name: 'Ann Resident', email: 'a@example.com' })?.fields,
    ).toEqual(['visitor_email']);
  });

  it('is nothing when the typed values are the current ones, spaces aside', () => {
    expect(correctionOf(current, { name: ' Ann Resident ', email: 'ann@example.com ' })).toBeNull();
    expect(correctionOf({ name: 'Ann Resident', email: null }, { name: 'Ann Resident', email: '' })).toBeNull();
  });

  it('treats a change of letter case in the email as a change (written the resident’s way)', () => {
    expect(correctionOf(current, { name: 'Ann Resident', email: 'Ann@Example.com' })?.fields).toEqual([
      'visitor_email',
    ]);
  });
});
