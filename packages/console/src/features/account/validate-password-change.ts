import { passwordMinLength } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { accountEn, type AccountTexts } from './texts-en.ts';

export type PasswordChangeField = 'currentPassword' | 'newPassword' | 'confirmPassword';
export type PasswordChangeAnswers = Record<PasswordChangeField, string>;

/** The problems with a password change, in the console's language (English unless `says` is given). */
export function validatePasswordChange(
  answers: PasswordChangeAnswers,
  says: AccountTexts['errors'] = accountEn.errors,
): FieldErrors<PasswordChangeField> {
  const errors: FieldErrors<PasswordChangeField> = {};
  if (answers.currentPassword === '') errors.currentPassword = says.enterCurrent;
  if (answers.newPassword === '') errors.newPassword = says.enterNew;
  else if (answers.newPassword.length < passwordMinLength) errors.newPassword = says.tooShort(passwordMinLength);
  else if (answers.newPassword.length > 1024) errors.newPassword = says.tooLong;
  else if (answers.newPassword === answers.currentPassword) errors.newPassword = says.sameAsCurrent;
  if (answers.confirmPassword === '') errors.confirmPassword = says.enterAgain;
  else if (!errors.newPassword && answers.confirmPassword !== answers.newPassword)
    errors.confirmPassword = says.mustMatch;
  return errors;
}
