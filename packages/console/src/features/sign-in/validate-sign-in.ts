import type { FieldErrors } from '../../ui/validation.ts';
import { looksLikeEmail } from '../../ui/validation.ts';
import { signInEn, type SignInErrorTexts } from './texts-en.ts';

export type SignInField = 'email' | 'password';

export function validateSignIn(
  email: string,
  password: string,
  says: SignInErrorTexts = signInEn.errors,
): FieldErrors<SignInField> {
  const errors: FieldErrors<SignInField> = {};
  if (email.trim() === '') errors.email = says.enterEmail;
  else if (!looksLikeEmail(email)) errors.email = says.emailFormat;
  if (password === '') errors.password = says.enterPassword;
  return errors;
}

/** A code from the authenticator app (six digits) or a recovery code: Ward tells which is right. */
export function validateSignInCode(code: string, says: SignInErrorTexts = signInEn.errors): FieldErrors<'code'> {
  return code.trim() === '' ? { code: says.enterCode } : {};
}
