import { passwordMinLength } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { invitationsEn, type InvitationsTexts } from './texts-en.ts';

export type InvitationField = 'email' | 'firstName' | 'lastName' | 'password' | 'confirmPassword';

export interface InvitationAnswers {
  /** Asked only when the invitation has no address (the first administrator's set-up link). */
  email: string | null;
  firstName: string;
  lastName: string;
  password: string;
  confirmPassword: string;
}

/** The problems with the answers, in the console's language (English unless `says` is given). */
export function validateInvitation(
  answers: InvitationAnswers,
  says: InvitationsTexts['errors'] = invitationsEn.errors,
): FieldErrors<InvitationField> {
  const errors: FieldErrors<InvitationField> = {};
  if (answers.email !== null) {
    const email = answers.email.trim();
    if (email === '') errors.email = says.enterEmail;
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      errors.email = says.emailFormat;
    }
  }
  if (answers.firstName.trim() === '') errors.firstName = says.enterFirstName;
  else if (answers.firstName.trim().length > 100) errors.firstName = says.firstNameTooLong;
  if (answers.lastName.trim() === '') errors.lastName = says.enterLastName;
  else if (answers.lastName.trim().length > 100) errors.lastName = says.lastNameTooLong;
  if (answers.password === '') errors.password = says.enterPassword;
  else if (answers.password.length < passwordMinLength) errors.password = says.passwordTooShort(passwordMinLength);
  else if (answers.password.length > 1024) errors.password = says.passwordTooLong;
  if (answers.confirmPassword === '') errors.confirmPassword = says.enterAgain;
  else if (!errors.password && answers.confirmPassword !== answers.password) errors.confirmPassword = says.mustMatch;
  return errors;
}
