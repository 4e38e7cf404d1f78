import type { FieldErrors } from '../../ui/validation.ts';
import { casesEn, type CasesTexts } from './texts-en.ts';

export type AnswerCorrectionField = 'value' | 'reason';

/** What the console checks before sending a corrected answer; Ward checks again as the form page does. */
export function validateAnswerCorrection(
  typed: { value: string; reason: string },
  current: { type: 'text' | 'date' | 'choice'; current: string },
  t: CasesTexts = casesEn,
): FieldErrors<AnswerCorrectionField> {
  const say = t.errors;
  const errors: FieldErrors<AnswerCorrectionField> = {};
  const value = typed.value.trim();
  if (current.type === 'date' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.value = say.dateFormat;
  else if (current.type === 'choice' && value === '') errors.value = say.chooseAnswer;
  else if (value === current.current) errors.value = say.changeAnswer;
  if (!typed.reason.trim()) errors.reason = say.enterReason;
  else if (typed.reason.trim().length > 500) errors.reason = say.reasonTooLong;
  return errors;
}
