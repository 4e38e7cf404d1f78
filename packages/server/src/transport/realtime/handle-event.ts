import type { z } from 'zod';
import type { ErrorDetail, RedactionCategory } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import { parseOrThrow, type RedactionSource } from '../http/api-router.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { enabledRedactions } from '../../features/redaction/redaction.rules.ts';

type Emitter = { emit: (event: 'ward:error', error: ErrorDetail) => unknown };
export type Reporter = (error: unknown) => void;
/** What every event handler of a namespace shares: where unexpected errors go, and the organisation's redaction. */
export type EventOptions = { report: Reporter; redaction: RedactionSource };

export const eventOptions = (ctx: ServiceContext, report: Reporter): EventOptions => ({
  report,
  redaction: () => enabledRedactions(ctx.organisation.settings.redaction),
});

/**
 * Wraps a Socket.IO handler: the payload is validated against its schema and its free text
 * redacted (ADR 27; `redactions` says what was removed), the result or the
 * error goes back in the acknowledgement, and a malformed frame changes nothing. Without an
 * ack callback, errors are sent as a `ward:error` event.
 */
export function handleEvent<S extends z.ZodType, R extends object | void>(
  socket: Emitter,
  schema: S,
  handler: (payload: z.output<S>, redactions: RedactionCategory[]) => Promise<R>,
  { report, redaction }: EventOptions,
) {
  return async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (result: unknown) => void) : null;
    try {
      const { data, redactions } = parseOrThrow(schema, payload, redaction());
      const result = await handler(data, redactions);
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
