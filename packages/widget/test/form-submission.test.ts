import { describe, expect, it } from 'vitest';
import { initialSubmission, nextSubmission } from '../src/app/form-submission.ts';

const nameError = { field: 'name', message: 'Enter your name' };

describe('a widget form being submitted', () => {
  it('shows the fields’ errors and counts the attempt, so the error summary takes focus', () => {
    expect(nextSubmission(initialSubmission, { type: 'invalid', errors: [nameError] })).toEqual({
      errors: [nameError],
      attempt: 1,
      submitting: false,
    });
  });

  it('leaves the earlier errors behind while it is sent', () => {
    const invalid = nextSubmission(initialSubmission, { type: 'invalid', errors: [nameError] });
    expect(nextSubmission(invalid, { type: 'sending' })).toEqual({ errors: [], attempt: 2, submitting: true });
  });

  it('shows Ward’s refusal as the summary’s only item, linked to no field, as a new attempt', () => {
    const sending = nextSubmission(initialSubmission, { type: 'sending' });
    expect(nextSubmission(sending, { type: 'refused', message: 'Sorry, there is a problem' })).toEqual({
      errors: [{ message: 'Sorry, there is a problem' }],
      attempt: 2,
      submitting: false,
    });
  });

  it('is ready again once sent, with nothing to show', () => {
    const sending = nextSubmission(initialSubmission, { type: 'sending' });
    expect(nextSubmission(sending, { type: 'sent' })).toEqual({ errors: [], attempt: 1, submitting: false });
  });
});
