import type { ErrorCode, ErrorDetail, ResidentErrorReason } from '@ward/protocol';

const httpStatusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  conversation_ended: 409,
  unavailable: 503,
  internal: 500,
  mfa_enrolment_required: 403,
};

/**
 * The one error type services throw. `message` is written for the person who made the request
 * and must never contain personal data; transports present it as-is.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  /** For `rate_limited`: when to try again (HTTP `Retry-After`, and in the realtime acknowledgement). */
  readonly retryAfterSeconds: number | undefined;
  /** A resident's refusal, named so the widget can say it in Welsh (ADR 50). */
  readonly reason: ResidentErrorReason | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    options: { retryAfterSeconds?: number; reason?: ResidentErrorReason } = {},
  ) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.reason = options.reason;
  }
  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }
  toDetail(): ErrorDetail {
    return {
      code: this.code,
      message: this.message,
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.reason === undefined ? {} : { reason: this.reason }),
    };
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
