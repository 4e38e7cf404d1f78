/**
 * The rules of the resident's forms, without the validation library: the widget checks its fields
 * with these (so it stays light, issue 13) and the protocol's zod schemas use the same patterns and
 * messages; a property test holds the two together (packages/widget/test/form-validation.test.ts).
 */
export { limits } from './limits.ts';
export { redactionCategories, redactionMarkers } from './redaction-markers.ts';

/** The email addresses Ward accepts (zod's own pattern, given to `z.email` too, so both agree). */
export const emailPattern =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const conversationStatuses = ['waiting', 'active', 'ended'] as const;

export const residentMessages = {
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  emailTooLong: 'Email address must be 254 characters or fewer',
  nameMissing: 'Enter your name',
  topicMissing: 'Select what your enquiry is about',
  ratingMissing: 'Choose a rating from 1 to 5',
  messageEmpty: 'A message cannot be empty',
} as const;

/**
 * How Ward's line warning that a silent chat will close begins (ADR 43), in each language a chat can
 * be in (ADR 49): the widget shows its own notice with a "Stay" button, announced at once, so it does
 * not read the line out a second time.
 */
export const inactivityWarningStart = 'This chat will close at';
export const inactivityWarningStarts = {
  en: inactivityWarningStart,
  cy: 'Bydd y sgwrs hon yn cau am',
} as const satisfies Record<Language, string>;
/** Ward's line when it closed a silent chat; the console tells the adviser why the chat ended by it. */
export const inactivityEndedMessage =
  'The chat closed because there was no activity. Start a new chat if you still need help.';
export const inactivityEndedMessages = {
  en: inactivityEndedMessage,
  cy: 'Daeth y sgwrs i ben am nad oedd dim gweithgarwch. Dechreuwch sgwrs newydd os oes angen help arnoch o hyd.',
} as const satisfies Record<Language, string>;

/** The consent checkboxes' labels, word for word: the proof of consent quotes them (ADR 37). */
export const consentCheckboxLabels = {
  preChat: 'I have read how my information will be used',
  onlineForm: 'I have read how you will use my information',
  dialogue: 'I agree to you using my information in this way',
} as const;
/** The same in Welsh, as a resident chatting in Welsh ticks them (ADR 49). */
export const welshConsentCheckboxLabels = {
  preChat: 'Rwyf wedi darllen sut y bydd fy ngwybodaeth yn cael ei defnyddio',
  onlineForm: 'Rwyf wedi darllen sut y byddwch yn defnyddio fy ngwybodaeth',
  dialogue: 'Rwy’n cytuno i chi ddefnyddio fy ngwybodaeth fel hyn',
} as const satisfies Record<keyof typeof consentCheckboxLabels, string>;
/** The labels in a chat's language. */
export const consentCheckboxLabelsIn = (language: Language) =>
  language === 'cy' ? welshConsentCheckboxLabels : consentCheckboxLabels;

export {
  checkAnswers,
  checkboxAnswers,
  needsTypeChecks,
  preChatQuestionMessages,
  questionsForTopic,
  type PreChatAnswerError,
  type PreChatAnswerInput,
  type PreChatQuestionRule,
  type PreChatQuestionTexts,
  type QuestionTypeChecks,
} from './pre-chat-questions.ts';
export type { DatePart, DateParts, DateTexts } from './field-rules.ts';
export { londonToday } from './london-today.ts';
export { languageOf, textIn, type Language, type LocalisedText } from './language.ts';
import type { Language } from './language.ts';
