import type { z } from 'zod';
import type { ErrorDetail } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import { parseOrThrow } from '../http/api-router.ts';

type Emitter = { emit: (event: 'ward:error', error: ErrorDetail) => unknown };
export type Reporter = (error: unknown) => void;

/**
 * Wraps a Socket.IO handler: the payload is validated against its schema, the result or the
 * error goes back in the acknowledgement, and a malformed frame changes nothing. Without an
 * ack callback, errors are sent as a `ward:error` event.
 */
export function handleEvent<S extends z.ZodType, R extends object | void>(
  socket: Emitter,
  schema: S,
  handler: (payload: z.output<S>) => Promise<R>,
  report: Reporter,
) {
  return async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (result: unknown) => void) : null;
    try {
      const result = await handler(parseOrThrow(schema, payload));
      reply?.({ ok: true, ...(result ?? {}) });
    } catch (error) {
      const detail =
        error instanceof AppError
          ? error.toDetail()
          : { code: 'internal' as const, message: 'Something went wrong. Try again.' };
      if (!(error instanceof AppError)) report(error);
      if (reply) reply({ ok: false, error: detail });
      else socket.emit('ward:error', detail);
    }
  };
}
