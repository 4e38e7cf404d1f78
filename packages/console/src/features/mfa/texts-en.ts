/** The two-step sign-in page's texts (ADR 51); Welsh in texts-cy.ts, with the same keys. */
export const mfaEn = {
  title: 'Two-step sign-in',
  codeMissing: 'Enter the 6-digit code from your authenticator app',
  turnedOff: 'Two-step sign-in is off',
  // ---- not set up ----
  mustSetUp: 'You must set up two-step sign-in before you can use Ward.',
  isOff: 'Two-step sign-in is off for your account.',
  explained:
    'With two-step sign-in, you sign in with your password and a code from an authenticator app on your phone (such as Microsoft Authenticator or Google Authenticator). Someone who learns your password still cannot sign in.',
  setUp: 'Set up two-step sign-in',
  // ---- setting it up ----
  addToApp: '1. Add Ward to your authenticator app',
  scan: 'Scan this QR code with your authenticator app.',
  qrCodeAlt: 'QR code for your authenticator app',
  typeKey: 'If you cannot scan it, type this key into the app instead:',
  enterCodeHeading: '2. Enter the code the app shows',
  codeLabel: 'Code from your authenticator app',
  codeHint: 'For example, 123456',
  turnOn: 'Turn on two-step sign-in',
  cancel: 'Cancel',
  // ---- recovery codes ----
  newCodesHeading: 'You have new recovery codes',
  isOn: 'Two-step sign-in is on',
  oldCodesStopped: 'Your old recovery codes no longer work. ',
  othersSignedOut: 'Your other sessions have been signed out.',
  yourCodes: 'Your recovery codes',
  codesExplained:
    'If you lose your phone, sign in with one of these codes instead of a code from the app. Each code works once.',
  storeCodes: 'Store these codes somewhere safe now, such as a password manager. You will not see them again.',
  recoveryCodes: 'Recovery codes',
  stored: 'I have stored my recovery codes',
  // ---- set up ----
  on: 'On',
  onRequired: 'On (required for your role)',
  codesLeft: 'Recovery codes left',
  getNewCodes: 'Get new recovery codes',
  oldCodesStop: 'Your old recovery codes stop working.',
  turnOff: 'Turn off two-step sign-in',
  passwordOnly: 'You will sign in with your password only.',
};

export type MfaTexts = typeof mfaEn;
