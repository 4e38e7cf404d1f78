import { normaliseCaseReference } from './case-reference.ts';
import {
  checkDate,
  dateMessages,
  fieldMessages,
  isFormEmail,
  looksLikePhone,
  normalisePostcode,
} from './field-rules.ts';
import {
  checkAnswers,
  preChatQuestionMessages,
  type AnswerChecks,
  type PreChatQuestionTexts,
  type QuestionTypeChecks,
} from './pre-chat-questions.ts';

/**
 * The checks of the pre-chat question types with a format or a date: online forms' (field-rules.ts).
 * A module of their own, so the widget fetches them only when a council asks such questions (ADR 49).
 * A phone number without the numbering plan (the widget's) is only sieved; the server passes the plan's.
 */
export const questionTypeChecks: QuestionTypeChecks = {
  format: {
    email: (typed) => (isFormEmail(typed) ? typed : null),
    phone: (typed, phone) => (phone ? phone(typed) : looksLikePhone(typed) ? typed : null),
    postcode: normalisePostcode,
    'case-reference': normaliseCaseReference,
  },
  date: checkDate,
};

/** The English messages (a function, so that a bundle using only the checks leaves these texts out). */
export const englishPreChatTexts = (): PreChatQuestionTexts => ({
  ...preChatQuestionMessages,
  formats: {
    email: fieldMessages.emailFormat,
    phone: fieldMessages.phoneFormat,
    postcode: fieldMessages.postcodeFormat,
    'case-reference': fieldMessages.caseReferenceFormat,
  },
  date: dateMessages,
});

/** Every question type checked, with English messages: as the server checks a chat's answers. */
export const checkPreChatAnswers = (
  questions: Parameters<typeof checkAnswers>[0],
  topic: string,
  answers: Parameters<typeof checkAnswers>[2],
  check: Omit<AnswerChecks, 'texts' | 'types'>,
) => checkAnswers(questions, topic, answers, { ...check, texts: englishPreChatTexts(), types: questionTypeChecks });
