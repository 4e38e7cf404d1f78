/**
 * The texts of the console's frame (ADR 51): header, navigation, skip link, page titles, and the
 * words every page's parts share (error summaries, banners, loading). Welsh in shell-cy.ts.
 */
export const shellEn = {
  skipLink: 'Skip to main content',
  serviceName: 'Staff console',
  accountLink: 'Your account: signed in as ',
  twoStepSignIn: 'Two-step sign-in',
  signOut: 'Sign out',
  notSignedOut: 'You have not been signed out',
  primaryNavigation: 'Primary navigation',
  unread: ' unread',
  navigation: {
    chats: 'Chats',
    conversations: 'Conversations',
    residents: 'Residents',
    cases: 'Cases',
    yourFigures: 'Your figures',
    reports: 'Reports',
    wallboard: 'Wallboard',
    liveView: 'Live view',
    staff: 'Staff',
    openingHours: 'Opening hours',
    outbox: 'Outbox',
    requests: 'Requests',
    retention: 'Retention',
    auditTrail: 'Audit trail',
    consents: 'Consents',
    disclosures: 'Disclosures',
    recordOfProcessing: 'Record of processing',
    apiKeys: 'API keys',
    webhooks: 'Webhooks',
  },
  loadingPage: 'Loading the page…',
  checkingSignIn: 'Checking you are signed in…',
  loading: 'Loading…',
  /** The browser tab's title: "Error: " first when the page shows errors. */
  titleSuffix: ' – Ward',
  errorTitlePrefix: 'Error: ',
  errorPrefix: 'Error:',
  thereIsAProblem: 'There is a problem',
  success: 'Success',
  important: 'Important',
  notFoundTitle: 'Page not found',
  notFoundAdvice: 'If you typed the web address, check it is correct.',
  goToChats: 'Go to chats',
  forbiddenTitle: 'You cannot view this page',
  forbiddenAdvice: 'Your role does not give you access to this page. Ask an admin if you need it.',
  serviceProblemTitle: 'Sorry, there is a problem with the service',
  tryAgain: 'Try again',
};

export type ShellTexts = typeof shellEn;
