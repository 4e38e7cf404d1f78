/** An API call that failed; `message` is safe to show to the person using the console. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const genericErrorMessage = 'Sorry, there is a problem with the service. Try again later.';
export const networkErrorMessage = 'Ward could not be reached. Check your connection and try again.';

/** Reads `{ error: { code, message } }`; anything else becomes a generic message. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const detail = (body as { error: unknown }).error;
    if (typeof detail === 'object' && detail !== null) {
      const { code, message } = detail as { code?: unknown; message?: unknown };
      if (typeof message === 'string' && message.length > 0) {
        return new ApiError(status, typeof code === 'string' ? code : 'unknown', message);
      }
    }
  }
  return new ApiError(status, 'unknown', genericErrorMessage);
}

/** The message to show for anything thrown by an API call or a socket acknowledgement. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return genericErrorMessage;
}
