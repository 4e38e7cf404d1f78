import { wordsEn } from '../../i18n/words-en.ts';

/** The Account page's texts (ADR 51); Welsh in texts-cy.ts, with the same keys. */
export const accountEn = {
  title: 'Your account',
  name: 'Name',
  emailAddress: 'Email address',
  role: 'Role',
  roles: wordsEn.roles,
  languageHeading: 'Language',
  languageLegend: 'The language of your console',
  languageHint: 'Only you see the console in this language. Residents choose their own language.',
  saveLanguage: 'Save language',
  languageSaved: 'Your console is now in English.',
  twoStepHeading: 'Two-step sign-in',
  twoStepLink: 'Set up or change two-step sign-in',
  twoStepExplained: '(a code from an app on your phone as well as your password).',
  passwordHeading: 'Change your password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: (min: number) => `Must be ${min} characters or more. You will be signed out everywhere else.`,
  confirmPassword: 'Confirm new password',
  changePassword: 'Change password',
  passwordChanged: 'Password changed. You are still signed in here, and signed out on every other device and browser.',
  errors: {
    enterCurrent: 'Enter your current password',
    enterNew: 'Enter a new password',
    tooShort: (min: number) => `Your new password must be ${min} characters or more`,
    tooLong: 'Your new password must be 1024 characters or fewer',
    sameAsCurrent: 'Your new password must be different from your current one',
    enterAgain: 'Enter your new password again',
    mustMatch: 'Passwords must match',
  },
};

export type AccountTexts = typeof accountEn;
