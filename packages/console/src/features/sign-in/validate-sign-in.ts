import type { FieldErrors } from '../../ui/validation.ts';
import { looksLikeEmail } from '../../ui/validation.ts';

export type SignInField = 'email' | 'password';

export function validateSignIn(email: string, password: string): FieldErrors<SignInField> {
  const errors: FieldErrors<SignInField> = {};
  if (email.trim() === '') errors.email = 'Enter your email address';
  else if (!looksLikeEmail(email)) errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (password === '') errors.password = 'Enter your password';
  return errors;
}

/** A code from the authenticator app (six digits) or a recovery code: Ward tells which is right. */
export function validateSignInCode(code: string): FieldErrors<'code'> {
  return code.trim() === '' ? { code: 'Enter the code from your authenticator app' } : {};
}
