import { passwordMinLength } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';

export type PasswordChangeField = 'currentPassword' | 'newPassword' | 'confirmPassword';
export type PasswordChangeAnswers = Record<PasswordChangeField, string>;

export function validatePasswordChange(answers: PasswordChangeAnswers): FieldErrors<PasswordChangeField> {
  const errors: FieldErrors<PasswordChangeField> = {};
  if (answers.currentPassword === '') errors.currentPassword = 'Enter your current password';
  if (answers.newPassword === '') errors.newPassword = 'Enter a new password';
  else if (answers.newPassword.length < passwordMinLength)
    errors.newPassword = `Your new password must be ${passwordMinLength} characters or more`;
  else if (answers.newPassword.length > 1024) errors.newPassword = 'Your new password must be 1024 characters or fewer';
  else if (answers.newPassword === answers.currentPassword)
    errors.newPassword = 'Your new password must be different from your current one';
  if (answers.confirmPassword === '') errors.confirmPassword = 'Enter your new password again';
  else if (!errors.newPassword && answers.confirmPassword !== answers.newPassword)
    errors.confirmPassword = 'Passwords must match';
  return errors;
}
