import { passwordMinLength } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';

export type InvitationField = 'email' | 'firstName' | 'lastName' | 'password' | 'confirmPassword';

export interface InvitationAnswers {
  /** Asked only when the invitation has no address (the first administrator's set-up link). */
  email: string | null;
  firstName: string;
  lastName: string;
  password: string;
  confirmPassword: string;
}

export function validateInvitation(answers: InvitationAnswers): FieldErrors<InvitationField> {
  const errors: FieldErrors<InvitationField> = {};
  if (answers.email !== null) {
    const email = answers.email.trim();
    if (email === '') errors.email = 'Enter your email address';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      errors.email = 'Enter an email address in the correct format, like name@council.gov.uk';
    }
  }
  if (answers.firstName.trim() === '') errors.firstName = 'Enter your first name';
  else if (answers.firstName.trim().length > 100) errors.firstName = 'First name must be 100 characters or fewer';
  if (answers.lastName.trim() === '') errors.lastName = 'Enter your last name';
  else if (answers.lastName.trim().length > 100) errors.lastName = 'Last name must be 100 characters or fewer';
  if (answers.password === '') errors.password = 'Enter a password';
  else if (answers.password.length < passwordMinLength)
    errors.password = `Password must be ${passwordMinLength} characters or more`;
  else if (answers.password.length > 1024) errors.password = 'Password must be 1024 characters or fewer';
  if (answers.confirmPassword === '') errors.confirmPassword = 'Enter your password again';
  else if (!errors.password && answers.confirmPassword !== answers.password)
    errors.confirmPassword = 'Passwords must match';
  return errors;
}
