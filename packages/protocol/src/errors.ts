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

/** `message` is safe to show to the person who made the request; it never holds personal data. */
export const ErrorDetail = z.object({
  code: ErrorCode,
  message: z.string(),
  /** With `rate_limited`: seconds to wait before trying again (over HTTP also the `Retry-After` header). */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({ error: ErrorDetail });
export type ErrorBody = z.infer<typeof ErrorBody>;
