import * as z from 'zod';

/** Every error Ward reports, over HTTP or realtime, carries one of these codes. */
export const errorCodes = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'conversation_ended',
  'unavailable',
  'internal',
  /** Two-step sign-in is required of this member of staff and not set up yet (ADR 22). */
  'mfa_enrolment_required',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Why a resident's request was refused, where the code alone does not say (ADR 50): stable ids a
 * client (the widget, a council's own form) maps to a text in the resident's language, English or
 * Welsh. The `message` stays English. The rate limits' ids are their names.
 */
export const residentErrorReasons = [
  'topic-required',
  'consent-required',
  'pre-chat-answer-invalid',
  'form-answers-invalid',
  'chat-ended',
  'chat-not-found',
  'chat-starts',
  'visitor-messages-per-second',
  'visitor-messages-per-minute',
  'transcript-emails',
  'form-submissions',
] as const;
export type ResidentErrorReason = (typeof residentErrorReasons)[number];

/** `message` is safe to show to the person who made the request; it never holds personal data. */
export const ErrorDetail = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For a resident's refusal: which one, for a client to say it in the resident's language. */
  reason: z.enum(residentErrorReasons).optional(),
  /** With `rate_limited`: seconds to wait before trying again (over HTTP also the `Retry-After` header). */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({ error: ErrorDetail });
export type ErrorBody = z.infer<typeof ErrorBody>;
