import { limits } from '@ward/protocol/resident-rules';
import type { SurveyBody as Survey } from '@ward/protocol';
import { emailError } from './form-validation.ts';
import type { FieldError, Validation } from './form-validation.ts';
import { m, number } from './i18n.ts';

/** The forms after a chat, checked as form-validation.ts checks the pre-chat form; in the chunk of those steps. */
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
    errors.push({ field: surveyFields.rating, message: m.ratingMissing });
  if (comment.length > limits.surveyCommentMaxChars)
    errors.push({ field: surveyFields.comment, message: m.commentTooLong(number(limits.surveyCommentMaxChars)) });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { rating, ...(comment ? { comment } : {}) } };
}

export const transcriptFields = { email: 'transcript-email' } as const;

export function validateTranscriptEmail(email: string): Validation<{ email: string }> {
  const trimmed = email.trim();
  const message = trimmed === '' ? m.emailMissing : emailError(trimmed);
  return message
    ? { ok: false, errors: [{ field: transcriptFields.email, message }] }
    : { ok: true, value: { email: trimmed } };
}
