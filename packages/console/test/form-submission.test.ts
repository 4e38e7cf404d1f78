import { describe, expect, it } from 'vitest';
import type { FormSubmission } from '../src/ui/form-submission.ts';
import { initialSubmission, nextSubmission, sendIfValid, summaryOf } from '../src/ui/form-submission.ts';

type Field = 'email' | 'date';
const send = async () => {};

describe('a console form being submitted', () => {
  it('shows the fields’ errors, clears an earlier refusal and counts the attempt', () => {
    const refused: FormSubmission<Field> = {
      errors: {},
      refusal: 'Ward could not be reached.',
      attempt: 2,
      busy: false,
    };
    expect(nextSubmission(refused, { type: 'invalid', errors: { email: 'Enter an email address' } })).toEqual({
      errors: { email: 'Enter an email address' },
      refusal: null,
      attempt: 3,
      busy: false,
    });
  });

  it('is busy while it is sent, with no errors left from before', () => {
    const invalid = nextSubmission(initialSubmission<Field>(), { type: 'invalid', errors: { date: 'Enter a date' } });
    expect(nextSubmission(invalid, { type: 'sending' })).toEqual({ errors: {}, refusal: null, attempt: 2, busy: true });
  });

  it('shows Ward’s refusal and counts it as a new attempt, so the summary takes focus again', () => {
    const sending = nextSubmission(initialSubmission<Field>(), { type: 'sending' });
    expect(nextSubmission(sending, { type: 'refused', message: 'That email address is already used' })).toEqual({
      errors: {},
      refusal: 'That email address is already used',
      attempt: 2,
      busy: false,
    });
  });

  it('is ready again once sent', () => {
    const sending = nextSubmission(initialSubmission<Field>(), { type: 'sending' });
    expect(nextSubmission(sending, { type: 'sent' })).toEqual({ errors: {}, refusal: null, attempt: 1, busy: false });
  });
});

describe('the check before sending', () => {
  it('sends only when there are no errors', () => {
    expect(sendIfValid<Field>({}, send)).toEqual({ send });
    expect(sendIfValid<Field>({ email: 'Enter an email address' }, send)).toEqual({
      errors: { email: 'Enter an email address' },
    });
  });
});

describe('the error summary', () => {
  const errors = { date: 'The date must be in the past', email: 'Enter an email address' };

  it('lists the refusal first, then each field’s error in the order the fields appear', () => {
    const ids = { email: 'contact-email', date: 'contact-date' };
    expect(summaryOf({ errors, refusal: 'Ward could not be reached.' }, ids, ['email', 'date'])).toEqual([
      { text: 'Ward could not be reached.' },
      { fieldId: 'contact-email', text: 'Enter an email address' },
      { fieldId: 'contact-date', text: 'The date must be in the past' },
    ]);
  });

  it('links where a function says, such as the first wrong part of a date', () => {
    const ids = (field: Field) => (field === 'date' ? 'contact-date-month' : 'contact-email');
    expect(summaryOf({ errors, refusal: null }, ids, ['date', 'email']).map((item) => item.fieldId)).toEqual([
      'contact-date-month',
      'contact-email',
    ]);
  });
});
