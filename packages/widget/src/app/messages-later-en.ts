/**
 * The widget's English texts needed only after opening the chat (ADR 49): the steps after a chat, End
 * chat's confirm step and the rarer pre-chat questions. A chunk per language, fetched with later.ts;
 * messages-en.ts has the rest. The Welsh (messages-later-cy.ts) must have every key.
 */
export const laterEn = {
  emailMissing: 'Enter an email address',
  ratingMissing: 'Select how you would rate this chat',
  commentTooLong: (max: string) => `Comments must be ${max} characters or fewer`,
  chooseOption: 'Choose an option',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  yes: 'Yes',
  endQuestion: 'Are you sure you want to end this chat?',
  endYes: 'Yes, end chat',
  endNo: 'No, keep chatting',
  referenceIs: 'Your case reference is',
  keepReference: '. Keep a note of it in case you need to contact us about this enquiry again.',
  getTranscript: 'Get a transcript',
  transcriptSentTo: (email: string) => `We'll email a transcript of this chat to ${email}.`,
  emailAddress: 'Email address',
  transcriptHint: "We'll send a copy of this chat to this address.",
  emailTranscript: 'Email me a transcript',
  stayInTouch: 'Stay in touch',
  choicesSaved: 'Your choices have been saved.',
  optInsLegend: 'What would you like to hear about? (optional)',
  selectAll: 'Select all that apply.',
  saveChoices: 'Save my choices',
  surveyHeading: 'Tell us what you think',
  rateLegend: 'How would you rate this chat?',
  ratings: ['Very poor', 'Poor', 'Neither good nor poor', 'Good', 'Very good'],
  commentsOptional: 'Comments (optional)',
  commentHint: 'Do not include personal or financial information.',
  sendFeedback: 'Send feedback',
  yourReference: 'Your case reference',
  keepReferenceNote: 'Keep a note of your case reference in case you need to contact us about this enquiry again.',
  phoneFormat: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
  postcodeFormat: 'Enter a real postcode',
  caseReferenceFormat: 'Enter a case reference in the correct format, like 4K7M-9P2X',
  dateTexts: {
    mustInclude: '{label} must include {parts}',
    day: 'a day',
    month: 'a month',
    year: 'a year',
    and: '{first} and {second}',
    realDate: '{label} must be a real date',
    yearFourNumbers: 'Year must include 4 numbers',
    past: '{label} must be today or in the past',
    future: '{label} must be today or in the future',
  },
};

export type LaterMessages = typeof laterEn;
