import { checkAnswers, emailPattern, limits, londonToday, questionsForTopic } from '@ward/protocol/resident-rules';
import { m, number } from './i18n.ts';
import type {
  DatePart,
  PreChatAnswerInput,
  PreChatQuestionRule,
  PreChatQuestionTexts,
  QuestionTypeChecks,
} from '@ward/protocol/resident-rules';
import type { StartConversationBody as StartBody } from '@ward/protocol';

/**
 * Client-side validation with the protocol's own rules and messages (resident-rules.ts, without the
 * validation library, so the widget stays light), mapped to GOV.UK error-summary items: one message
 * per field, in the order the fields appear, each linking to its field. The server checks again
 * with the zod schemas; a property test keeps the two in agreement. Pure: no DOM.
 */
export interface FieldError {
  /** The field's id; the error summary links to `#<field>` and the field shows `<field>-error`. */
  field: string;
  message: string;
  /** A date question's boxes in error. */
  parts?: DatePart[];
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** An email address as the protocol accepts it: the pattern, then the length. */
export function emailError(email: string): string | null {
  if (!emailPattern.test(email)) return m.emailFormat;
  if (email.length > limits.emailMaxChars) return m.emailTooLong;
  return null;
}

// ---- Pre-chat form ----

export interface PreChatValues {
  name: string;
  email: string;
  topic: string;
  consent: boolean;
  /** The council's own questions' answers, by question id (a date's three boxes as they are). */
  answers?: Record<string, PreChatAnswerInput>;
}

export const preChatFields = {
  name: 'name',
  email: 'email',
  /** The first radio: GOV.UK links radio errors to the first option. */
  topic: 'topic',
  consent: 'consent',
} as const;

/** A council question's field id (for radios, its first option's; a date's boxes add -day, -month, -year). */
export const questionField = (id: string) => `question-${id}`;

/** The pre-chat questions' messages in the widget's language (the catalogue's, as the server's). */
const questionTexts = (): PreChatQuestionTexts => ({
  missing: (q) =>
    (q.type === 'radios' || q.type === 'select' || q.type === 'checkbox' ? m.answerNotChosen : m.answerMissing)(
      q.label,
    ),
  tooLong: (q) => m.answerTooLong(q.label, number(q.maxLength)),
  notAnOption: (q) => m.answerNotAnOption(q.label),
  unknown: m.answerUnknown,
  formats: {
    email: m.emailFormat,
    phone: m.phoneFormat,
    postcode: m.postcodeFormat,
    'case-reference': m.caseReferenceFormat,
  },
  date: m.dateTexts,
});

export function validatePreChat(
  values: PreChatValues,
  options: {
    consentRequired: boolean;
    questions?: readonly PreChatQuestionRule[];
    today?: string;
    /** The checks of the types other than text and radios, fetched when the council asks such questions. */
    types?: QuestionTypeChecks;
  },
): Validation<StartBody> {
  const name = values.name.trim();
  const email = values.email.trim();
  const errors: FieldError[] = [];
  if (name === '') errors.push({ field: preChatFields.name, message: m.nameMissing });
  else if (name.length > limits.nameMaxChars)
    errors.push({ field: preChatFields.name, message: m.nameTooLong(number(limits.nameMaxChars)) });
  const badEmail = email === '' ? null : emailError(email);
  if (badEmail) errors.push({ field: preChatFields.email, message: badEmail });
  if (values.topic === '') errors.push({ field: preChatFields.topic, message: m.topicMissing });
  else if (values.topic.length > 100) errors.push({ field: preChatFields.topic, message: m.topicTooLong(number(100)) });
  // Only the questions asked for the chosen topic count; the others' answers are not sent.
  const questions = options.questions ?? [];
  const asked = Object.fromEntries(
    questionsForTopic(questions, values.topic).map(({ id }) => [id, values.answers?.[id] ?? '']),
  );
  const today = options.today ?? londonToday(new Date());
  const checked =
    values.topic === ''
      ? null
      : checkAnswers(questions, values.topic, asked, { today, texts: questionTexts(), types: options.types });
  if (checked && !checked.ok)
    for (const { id, message, parts } of checked.errors)
      errors.push({ field: questionField(id) + (parts ? `-${parts[0]}` : ''), message, parts });
  if (options.consentRequired && !values.consent)
    errors.push({ field: preChatFields.consent, message: m.consentMissing });
  if (errors.length > 0) return { ok: false, errors };
  const answers = checked?.ok ? checked.answers : {};
  return {
    ok: true,
    value: {
      name,
      email,
      topic: values.topic,
      ...(options.consentRequired ? { consent: values.consent } : {}),
      ...(Object.keys(answers).length > 0 ? { answers } : {}),
    },
  };
}

// ---- Composer ----

/** Validates a chat message; returns the error to show near the composer, or null. */
export function messageBodyError(body: string): string | null {
  if (body.length > limits.messageBodyMaxChars) return m.messageTooLong(String(limits.messageBodyMaxChars));
  if (body.trim() === '') return m.messageEmpty;
  return null;
}
