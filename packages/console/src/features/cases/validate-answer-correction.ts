import type { FieldErrors } from '../../ui/validation.ts';

export type AnswerCorrectionField = 'value' | 'reason';

/** What the console checks before sending a corrected answer; Ward checks again as the form page does. */
export function validateAnswerCorrection(
  typed: { value: string; reason: string },
  current: { type: 'text' | 'date' | 'choice'; current: string },
): FieldErrors<AnswerCorrectionField> {
  const errors: FieldErrors<AnswerCorrectionField> = {};
  const value = typed.value.trim();
  if (current.type === 'date' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    errors.value = 'Enter the date as year, month and day, like 2026-03-27';
  else if (current.type === 'choice' && value === '') errors.value = 'Choose an answer';
  else if (value === current.current) errors.value = 'Change the answer before saving';
  if (!typed.reason.trim()) errors.reason = 'Enter the reason for the correction';
  else if (typed.reason.trim().length > 500) errors.reason = 'The reason must be 500 characters or fewer';
  return errors;
}
