import { MessageBody, StartConversationBody, SurveyBody, TranscriptRequestBody } from '@ward/protocol';
import type { StartConversationBody as StartBody, SurveyBody as Survey } from '@ward/protocol';

/**
 * Client-side validation with the protocol's own schemas, mapped to GOV.UK error-summary items:
 * one message per field, in the order the fields appear, each linking to its field.
 * Pure: no DOM.
 */
export interface FieldError {
  /** The field's id; the error summary links to `#<field>` and the field shows `<field>-error`. */
  field: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type Issue = NonNullable<ReturnType<typeof StartConversationBody.safeParse>['error']>['issues'][number];

interface FieldRule {
  /** Key in the schema. */
  key: string;
  /** Element id in the form. */
  field: string;
  /** Used in "… must be N characters or fewer". */
  label: string;
}

/** Maps zod issues to one error per field, ordered as `fields` lists them. */
export function issuesToFieldErrors(issues: readonly Issue[], fields: readonly FieldRule[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of fields) {
    const issue = issues.find((candidate) => candidate.path[0] === rule.key);
    if (!issue) continue;
    errors.push({ field: rule.field, message: messageFor(issue, rule.label) });
  }
  return errors;
}

function messageFor(issue: Issue, label: string): string {
  // zod's own English default ("Too big: …") is replaced; a schema's custom message is kept.
  if (issue.code === 'too_big' && typeof issue.maximum === 'number' && /^Too big/.test(issue.message)) {
    return `${label} must be ${issue.maximum.toLocaleString('en-GB')} characters or fewer`;
  }
  return issue.message;
}

// ---- Pre-chat form ----

export interface PreChatValues {
  name: string;
  email: string;
  topic: string;
  consent: boolean;
}

export const preChatFields = {
  name: 'name',
  email: 'email',
  /** The first radio: GOV.UK links radio errors to the first option. */
  topic: 'topic',
  consent: 'consent',
} as const;

export const consentError = 'Confirm that you have read how we use your information';

export function validatePreChat(values: PreChatValues, options: { consentRequired: boolean }): Validation<StartBody> {
  const candidate: StartBody = {
    name: values.name,
    email: values.email.trim(),
    topic: values.topic,
    ...(options.consentRequired ? { consent: values.consent } : {}),
  };
  const parsed = StartConversationBody.safeParse(candidate);
  const errors = parsed.success
    ? []
    : issuesToFieldErrors(parsed.error.issues, [
        { key: 'name', field: preChatFields.name, label: 'Name' },
        { key: 'email', field: preChatFields.email, label: 'Email address' },
        { key: 'topic', field: preChatFields.topic, label: 'Topic' },
      ]);
  if (options.consentRequired && !values.consent) errors.push({ field: preChatFields.consent, message: consentError });
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

// ---- Post-chat forms ----

export interface SurveyValues {
  /** "1" to "5", or "" when nothing is selected. */
  rating: string;
  comment: string;
}

export const surveyFields = { rating: 'rating', comment: 'comment' } as const;

export function validateSurvey(values: SurveyValues): Validation<Survey> {
  const rating = Number(values.rating);
  const comment = values.comment.trim();
  const parsed = SurveyBody.safeParse({
    rating: values.rating === '' ? Number.NaN : rating,
    ...(comment ? { comment } : {}),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = issuesToFieldErrors(parsed.error.issues, [
    { key: 'rating', field: surveyFields.rating, label: 'Rating' },
    { key: 'comment', field: surveyFields.comment, label: 'Comments' },
  ]).map((error) =>
    error.field === surveyFields.rating ? { ...error, message: 'Select how you would rate this chat' } : error,
  );
  return { ok: false, errors };
}

export const transcriptFields = { email: 'transcript-email' } as const;

export function validateTranscriptEmail(email: string): Validation<{ email: string }> {
  const trimmed = email.trim();
  if (trimmed === '')
    return { ok: false, errors: [{ field: transcriptFields.email, message: 'Enter an email address' }] };
  const parsed = TranscriptRequestBody.safeParse({ email: trimmed });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: issuesToFieldErrors(parsed.error.issues, [
      { key: 'email', field: transcriptFields.email, label: 'Email address' },
    ]),
  };
}

// ---- Composer ----

/** Validates a chat message; returns the error to show near the composer, or null. */
export function messageBodyError(body: string): string | null {
  const parsed = MessageBody.safeParse(body);
  if (parsed.success) return null;
  return parsed.error.issues[0]?.message ?? 'Check your message';
}
