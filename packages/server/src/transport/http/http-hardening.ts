import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ErrorBody, ErrorCode } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import { refuseUnsafeText } from './api-router.ts';

const body = (code: ErrorCode, message: string): ErrorBody => ({ error: { code, message } });

const refusals = new Set<ErrorCode>(['unauthenticated', 'forbidden', 'not_found', 'mfa_enrolment_required']);

/** Bad input gets a clear 4xx and changes nothing; only Ward's own faults are 5xx, and they are logged. */
export function installErrorHandling(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      // Refused accesses are logged for the IT team by route pattern only: the URL itself may hold a case reference.
      if (refusals.has(error.code))
        logger.info({ refused: error.code, method: request.method, route: request.routeOptions.url }, 'access refused');
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.httpStatus).send({ error: error.toDetail() } satisfies ErrorBody);
    }
    const status = (error as FastifyError).statusCode;
    if (status === 413) return reply.code(413).send(body('payload_too_large', 'The request is too large'));
    if (status === 415)
      return reply.code(415).send(body('bad_request', 'Send the request as JSON (content-type: application/json)'));
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send(body('bad_request', 'The request could not be understood'));
    }
    logger.error({ err: error }, 'request failed');
    return reply.code(500).send(body('internal', 'Something went wrong. Try again later.'));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(body('not_found', 'There is nothing at this address')),
  );
}

/**
 * On every response: no sniffing, no referrer outside Ward, a CSP (routes may set their own), and on
 * every HTML page a `frame-ancestors` (none, unless the route allows its own, as the widget's iframe
 * does for the council's sites). With an https public address browsers are told to use only https.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000');
    const csp = reply.getHeader('content-security-policy');
    if (csp === undefined) {
      reply.header('content-security-policy', "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
    } else if (!String(csp).includes('frame-ancestors')) {
      reply.header('content-security-policy', `${String(csp)}; frame-ancestors 'none'`);
    }
    return payload;
  });
}

/**
 * Every route, JSON or not (form pages, static files), gets the same text check on its parsed body,
 * query and path parameters (a path's `%00` arrives decoded); routes built with ApiRouter check again
 * when they parse, at no real cost.
 */
export function installInputShield(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    refuseUnsafeText(request.params);
    refuseUnsafeText(request.query);
    refuseUnsafeText(request.body);
  });
}
