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

/** The consent checkboxes' labels, word for word: the proof of consent quotes them (ADR 37). */
export const consentCheckboxLabels = {
  preChat: 'I have read how my information will be used',
  onlineForm: 'I have read how you will use my information',
  dialogue: 'I agree to you using my information in this way',
} as const;

export {
  checkPreChatAnswers,
  preChatQuestionMessages,
  questionsForTopic,
  type PreChatQuestionRule,
} from './pre-chat-questions.ts';
