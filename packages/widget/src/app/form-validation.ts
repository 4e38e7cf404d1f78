import { checkPreChatAnswers, emailPattern, limits, residentMessages } from '@ward/protocol/resident-rules';
import type { PreChatQuestionRule } from '@ward/protocol/resident-rules';
import type { StartConversationBody as StartBody, SurveyBody as Survey } from '@ward/protocol';

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
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const tooLong = (label: string, max: number) => `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;

/** An email address as the protocol accepts it: the pattern, then the length. */
function emailError(email: string): string | null {
  if (!emailPattern.test(email)) return residentMessages.emailFormat;
  if (email.length > limits.emailMaxChars) return residentMessages.emailTooLong;
  return null;
}

// ---- Pre-chat form ----

export interface PreChatValues {
  name: string;
  email: string;
  topic: string;
  consent: boolean;
  /** The council's own questions' answers, by question id. */
  answers?: Record<string, string>;
}

export const preChatFields = {
  name: 'name',
  email: 'email',
  /** The first radio: GOV.UK links radio errors to the first option. */
  topic: 'topic',
  consent: 'consent',
} as const;

/** A council question's field id (for radios, its first option's). */
export const questionField = (id: string) => `question-${id}`;

export const consentError = 'Confirm that you have read how we use your information';

export function validatePreChat(
  values: PreChatValues,
  options: { consentRequired: boolean; questions?: readonly PreChatQuestionRule[] },
): Validation<StartBody> {
  const name = values.name.trim();
  const email = values.email.trim();
  const errors: FieldError[] = [];
  if (name === '') errors.push({ field: preChatFields.name, message: residentMessages.nameMissing });
  else if (name.length > limits.nameMaxChars)
    errors.push({ field: preChatFields.name, message: tooLong('Name', limits.nameMaxChars) });
  const badEmail = email === '' ? null : emailError(email);
  if (badEmail) errors.push({ field: preChatFields.email, message: badEmail });
  if (values.topic === '') errors.push({ field: preChatFields.topic, message: residentMessages.topicMissing });
  else if (values.topic.length > 100) errors.push({ field: preChatFields.topic, message: tooLong('Topic', 100) });
  // Only the questions asked for the chosen topic count; the others' answers are not sent.
  const questions = options.questions ?? [];
  const asked = Object.fromEntries(
    Object.entries(values.answers ?? {}).filter(([id]) =>
      questions.some((q) => q.id === id && (q.topics === null || q.topics.includes(values.topic))),
    ),
  );
  const checked = values.topic === '' ? null : checkPreChatAnswers(questions, values.topic, asked);
  if (checked && !checked.ok)
    for (const error of checked.errors) errors.push({ field: questionField(error.id), message: error.message });
  if (options.consentRequired && !values.consent) errors.push({ field: preChatFields.consent, message: consentError });
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

// ---- Post-chat forms ----

export interface SurveyValues {
  /** "1" to "5", or "" when nothing is selected. */
  rating: string;
  comment: string;
}

export const surveyFields = { rating: 'rating', comment: 'comment' } as const;

export function validateSurvey(values: SurveyValues): Validation<Survey> {
  const rating = values.rating === '' ? Number.NaN : Number(values.rating);
  const comment = values.comment.trim();
  const errors: FieldError[] = [];
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    errors.push({ field: surveyFields.rating, message: 'Select how you would rate this chat' });
  if (comment.length > limits.surveyCommentMaxChars)
    errors.push({ field: surveyFields.comment, message: tooLong('Comments', limits.surveyCommentMaxChars) });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { rating, ...(comment ? { comment } : {}) } };
}

export const transcriptFields = { email: 'transcript-email' } as const;

export function validateTranscriptEmail(email: string): Validation<{ email: string }> {
  const trimmed = email.trim();
  const message = trimmed === '' ? 'Enter an email address' : emailError(trimmed);
  return message
    ? { ok: false, errors: [{ field: transcriptFields.email, message }] }
    : { ok: true, value: { email: trimmed } };
}

// ---- Composer ----

/** Validates a chat message; returns the error to show near the composer, or null. */
export function messageBodyError(body: string): string | null {
  if (body.length > limits.messageBodyMaxChars)
    return `A message can be at most ${limits.messageBodyMaxChars} characters`;
  if (body.trim() === '') return residentMessages.messageEmpty;
  return null;
}
