import { describe, expect, it } from 'vitest';
import { DisclosureBody } from '@ward/protocol';
import { validateDisclosure, type DisclosureAnswers } from '../src/features/cases/validate-disclosure.ts';
import { describeDisclosure } from '../src/features/cases/case-wording.ts';

const now = new Date('2026-06-01T10:00:00Z');
const answers = (changes: Partial<DisclosureAnswers>): DisclosureAnswers => ({
  recipient: ' Northshire Police ',
  contact: '',
  basis: 'legal-obligation',
  what: 'Name and address',
  why: 'A police request',
  date: { day: '', month: '', year: '' },
  ...changes,
});

describe('the "Record a disclosure" form', () => {
  it('sends what the server accepts, today’s date left to the server when none is typed', () => {
    const checked = validateDisclosure(answers({}), now);
    expect(checked.errors).toEqual({});
    expect(checked.body).toEqual({
      recipientOrganisation: 'Northshire Police',
      lawfulBasis: 'legal-obligation',
      whatShared: 'Name and address',
      why: 'A police request',
    });
    expect(DisclosureBody.safeParse(checked.body).success).toBe(true);
    const dated = validateDisclosure(answers({ date: { day: '2', month: '3', year: '2026' }, contact: 'PC Lee' }), now);
    expect(dated.body).toMatchObject({ disclosedOn: '2026-03-02', recipientContact: 'PC Lee' });
  });

  it('says what is missing, and refuses a date in the future', () => {
    const empty = validateDisclosure(answers({ recipient: ' ', basis: '', what: '', why: '' }), now);
    expect(empty.body).toBeNull();
    expect(empty.errors).toEqual({
      recipient: 'Enter the organisation it was shared with',
      basis: 'Select the lawful basis for sharing',
      what: 'Enter what was shared',
      why: 'Enter why it was shared',
    });
    const future = validateDisclosure(answers({ date: { day: '2', month: '6', year: '2026' } }), now);
    expect(future.errors.date).toBe('The date it was shared must be today or in the past');
    expect(future.dateParts).toEqual(['day', 'month', 'year']);
  });

  it('tells the history what happened in words', () => {
    expect(
      describeDisclosure({ recipientOrganisation: 'Age UK', disclosedOn: '2026-03-02', lawfulBasis: 'consent' }),
    ).toBe('Shared with Age UK on 2 March 2026 (Consent)');
  });
});
