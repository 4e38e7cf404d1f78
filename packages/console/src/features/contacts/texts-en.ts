import { intakeTextMaxChars, limits } from '@ward/protocol';

/** When a contact happened: what is said of the date and time typed for it. */
export interface WhenTexts {
  enterDate: string;
  enterTime: string;
  mustInclude: (parts: string) => string;
  notReal: string;
  mustBePast: string;
  from2000: string;
  timeMustBePast: string;
}

/** The English for one form's date and time: `what` is "of the contact" or "the request was received". */
export const englishWhen = (what: string): WhenTexts => ({
  enterDate: `Enter the date ${what}`,
  enterTime: `Enter the time ${what}`,
  mustInclude: (parts) => `The date ${what} must include a ${parts}`,
  notReal: `The date ${what} must be a real date`,
  mustBePast: `The date ${what} must be today or in the past`,
  from2000: `The date ${what} must be in 2000 or later`,
  timeMustBePast: `The time ${what} must be now or in the past`,
});

/** The logged-contact and social-media pages' texts (ADR 51); Welsh in texts-cy.ts, with the same keys. */
export const contactsEn = {
  backToRecord: 'Back to the record',
  backToCases: 'Back to cases',
  // ---- logging a phone call or visit ----
  logTitle: 'Log a phone call or visit',
  logIntro:
    'Log a contact the resident made by telephone or in person, so it is on their record with its own case reference.',
  logContact: 'Log contact',
  contactLogged: 'Contact logged',
  logAnother: 'Log another contact',
  howContacted: 'How did the resident contact the council?',
  telephone: 'Telephone',
  faceToFace: 'Face to face',
  whenContact: 'When was the contact?',
  contactSummary: 'Summary of the contact',
  contactSummaryHint: `What the resident asked for and what you told them. Card numbers, bank details and National Insurance numbers are removed. Up to ${limits.summaryMaxChars} characters.`,
  loggedOn: 'The contact will be logged on',
  residentsRecord: 'the resident’s record',
  residentsDetails: 'The resident’s details',
  // ---- transferring a social-media request ----
  socialTitle: 'Transfer a social-media request',
  socialIntro:
    'Move a request a resident made on a social-media platform into Ward. From then on it is treated like any other contact, with its own case reference.',
  transferRequest: 'Transfer request',
  requestTransferred: 'Request transferred',
  transferAnother: 'Transfer another request',
  platform: 'Platform',
  selectPlatform: 'Select a platform',
  handle: 'The resident’s handle or profile name',
  handleHint: 'For example, @resident or the name on their profile',
  request: 'The request',
  requestHint: `Copy it as the resident wrote it. Card numbers, bank details and National Insurance numbers are removed. Up to ${intakeTextMaxChars} characters.`,
  whenRequest: 'When was the request received?',
  residentsDetailsIfGiven: 'The resident’s details, if they gave them',
  // ---- the fields both forms share ----
  dateHint: 'For example, 27 3 2026',
  time: 'Time',
  timeHint: 'UK time, for example 2:30pm or 14:30',
  topicOptional: 'Topic (optional)',
  topicHint: 'Choosing a topic selects the department that deals with it. You can still choose another department.',
  noTopic: 'No topic',
  loadingDepartments: 'Loading the council’s departments…',
  departmentsNotLoaded: 'The council’s departments could not be loaded.',
  whichDepartment: 'Which department should deal with it?',
  selectDepartment: 'Select a department',
  residentHint:
    'Ward adds the contact to the record with this email address if there is exactly one, or to the record of the case reference the resident quoted. Otherwise it creates a new record.',
  fullName: 'Full name (optional)',
  emailOptional: 'Email address (optional)',
  phoneOptional: 'Phone number (optional)',
  quotedReference: 'Case reference the resident quoted (optional)',
  quotedReferenceHint: 'The new case is linked to it, and to its resident’s record. For example, 4K7M-9P2X',
  // ---- the confirmation ----
  caseReference: 'Case reference',
  recordCreated: 'Ward created a new record for the resident.',
  addedToRecord: 'Ward added the case to the resident’s existing record.',
  goToCase: (reference: string) => `Go to case ${reference}`,
  viewRecord: 'View the resident’s record',
  errors: {
    nameTooLong: `The name must be ${limits.nameMaxChars} characters or fewer`,
    emailFormat: 'Enter an email address in the correct format, like name@example.com',
    phone: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
    selectDepartment: 'Select the department that should deal with it',
    enterReference: 'Enter a case reference',
    invalidReference: 'Enter a valid case reference, like 4K7M-9P2X — check you have typed it correctly',
    selectChannel: 'Select how the resident contacted the council',
    enterSummary: 'Enter a summary of the contact',
    summaryTooLong: `The summary must be ${limits.summaryMaxChars} characters or fewer`,
    selectPlatform: 'Select the platform the request was made on',
    enterHandle: 'Enter the resident’s handle or profile name',
    handleTooLong: 'The handle must be 100 characters or fewer',
    enterRequest: 'Enter the request as the resident made it',
    requestTooLong: `The request must be ${intakeTextMaxChars} characters or fewer`,
    realTime: 'Enter a real time, like 2:30pm or 14:30',
    yearFourNumbers: 'Year must include 4 numbers',
    dateParts: { day: 'day', month: 'month', year: 'year' },
    and: ' and ',
    contactWhen: englishWhen('of the contact'),
    requestWhen: englishWhen('the request was received'),
  },
};

export type ContactsTexts = typeof contactsEn;
