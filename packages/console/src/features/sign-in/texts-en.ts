import { ssoOutcomeMessages, type SsoOutcome } from '@ward/protocol';

/** The sign-in page's texts (ADR 51), in the browser's language; Welsh in texts-cy.ts, with the same keys. */
export const signInEn = {
  languageSwitch: 'Language',
  title: 'Sign in',
  heading: 'Sign in to Ward',
  signedOut: 'You have been signed out. Sign in again to continue.',
  emailAddress: 'Email address',
  password: 'Password',
  signIn: 'Sign in',
  orWithPassword: 'Or sign in with your email address and password',
  ssoOutcomes: ssoOutcomeMessages satisfies Record<SsoOutcome, string>,
  codeTitle: 'Enter your code',
  codeHeading: 'Enter the code from your authenticator app',
  codeIntro: 'Your account uses two-step sign-in. Open your authenticator app to see the code.',
  code: 'Code',
  codeHint: 'The 6-digit code, or one of your recovery codes if you do not have your phone',
  continue: 'Continue',
  startAgain: 'Start again',
  lostPhone: 'Lost your phone and your recovery codes? Ask an administrator to reset your two-step sign-in.',
  errors: {
    enterEmail: 'Enter your email address',
    emailFormat: 'Enter an email address in the correct format, like name@example.com',
    enterPassword: 'Enter your password',
    enterCode: 'Enter the code from your authenticator app',
  },
};

export type SignInTexts = typeof signInEn;
export type SignInErrorTexts = SignInTexts['errors'];
