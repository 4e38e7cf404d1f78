import type { StaffRole } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { looksLikeEmail } from '../../ui/validation.ts';

export type InviteField = 'email' | 'role';

export function validateInvite(email: string, role: StaffRole | ''): FieldErrors<InviteField> {
  const errors: FieldErrors<InviteField> = {};
  if (email.trim() === '') errors.email = 'Enter their email address';
  else if (!looksLikeEmail(email) || email.trim().length > 254) {
    errors.email = 'Enter an email address in the correct format, like name@council.gov.uk';
  }
  if (role === '') errors.role = 'Select a role';
  return errors;
}
