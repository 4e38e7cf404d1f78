import type { StaffRole } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { looksLikeEmail } from '../../ui/validation.ts';
import { staffEn, type StaffErrorTexts } from './texts-en.ts';

export type InviteField = 'email' | 'role';

export function validateInvite(
  email: string,
  role: StaffRole | '',
  says: StaffErrorTexts = staffEn.errors,
): FieldErrors<InviteField> {
  const errors: FieldErrors<InviteField> = {};
  if (email.trim() === '') errors.email = says.enterEmail;
  else if (!looksLikeEmail(email) || email.trim().length > 254) {
    errors.email = says.emailFormat;
  }
  if (role === '') errors.role = says.selectRole;
  return errors;
}
