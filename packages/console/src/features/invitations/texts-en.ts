import { wordsEn } from '../../i18n/words-en.ts';

/**
 * The accept-an-invitation page's texts (ADR 51); Welsh in texts-cy.ts, with the same keys. Before
 * sign-in nobody's language is known, so a new member of staff sees English; one already signed in
 * sees their own language.
 */
export const invitationsEn = {
  expiredTitle: 'This invitation link has expired or has already been used',
  problemTitle: 'Sorry, there is a problem with the service',
  title: 'Create your account',
  checking: 'Checking your invitation…',
  askAgain: 'Ask an admin to invite you again. If you already have an account, sign in instead.',
  invited: (date: string) => `You have been invited to use Ward. This invitation expires on ${date}.`,
  emailAddress: 'Email address',
  role: 'Role',
  roles: wordsEn.roles,
  emailHint: 'You will use this to sign in',
  firstName: 'First name',
  lastName: 'Last name',
  password: 'Password',
  passwordHint: (min: number) =>
    `Must be ${min} characters or more. A few unrelated words make a strong password that is easy to remember.`,
  confirmPassword: 'Confirm password',
  createAccount: 'Create account',
  errors: {
    enterEmail: 'Enter your email address',
    emailFormat: 'Enter an email address in the correct format, like name@council.gov.uk',
    enterFirstName: 'Enter your first name',
    firstNameTooLong: 'First name must be 100 characters or fewer',
    enterLastName: 'Enter your last name',
    lastNameTooLong: 'Last name must be 100 characters or fewer',
    enterPassword: 'Enter a password',
    passwordTooShort: (min: number) => `Password must be ${min} characters or more`,
    passwordTooLong: 'Password must be 1024 characters or fewer',
    enterAgain: 'Enter your password again',
    mustMatch: 'Passwords must match',
  },
};

export type InvitationsTexts = typeof invitationsEn;
