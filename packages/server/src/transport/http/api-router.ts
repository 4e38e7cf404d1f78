import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorBody, findUnsafeText, unsafeTextMessage, type ApiKeyScope, type RedactionCategory } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import { redactFreeText } from '../../features/redaction/free-text.rules.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/**
 * `intake`, `cases:read` and `reports`: a staff session, or an integration API key with that scope (ADR 15).
 * `admin` and `privacy`: staff with that duty (access.rules.ts, ADR 25).
 * `enrolment`: any staff session, also one that must still set up two-step sign-in (ADR 22).
 */
export type Access = 'public' | 'visitor' | 'staff' | 'admin' | 'privacy' | 'enrolment' | ApiKeyScope;

type RouteSpec<B extends z.ZodType | undefined, P extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  params?: P;
  query?: Q;
  /** Schema of the success body (documentation); omit for empty responses. */
  response?: z.ZodType;
  status?: number;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
export type Handler<B, P, Q> = (input: {
  body: B;
  params: P;
  query: Q;
  /** The kinds removed from the request's free text (ADR 27), to tell the person who wrote it. */
  redactions: RedactionCategory[];
  request: FastifyRequest;
  reply: FastifyReply;
}) => Promise<unknown>;

/** The kinds of personal data the organisation removes from free text (its settings, read for each request). */
export type RedactionSource = () => readonly RedactionCategory[];

/**
 * The one rule for every text field Ward receives (HTTP bodies, queries, parameters, realtime frames):
 * a NUL or an unpaired surrogate anywhere is a 400 that names the field, before anything else runs.
 */
export function refuseUnsafeText(value: unknown): void {
  const found = findUnsafeText(value);
  if (found) throw new AppError('bad_request', unsafeTextMessage(found));
}

/**
 * Validates a request (or a realtime frame) against its schema; the first problem is phrased for a
 * person (zod messages in the protocol are written that way). Then the one choke point of ADR 27:
 * every string the schema marks as free text is redacted with the organisation's settings, so
 * what the handler gets holds no card number, bank details or National Insurance number.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  redaction: readonly RedactionCategory[],
): { data: z.output<S>; redactions: RedactionCategory[] } {
  refuseUnsafeText(value);
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : null;
    const message =
      issue?.message && !issue.message.startsWith('Invalid') ? issue.message : `${field ?? 'The request'} is not valid`;
    throw new AppError('bad_request', message);
  }
  const redacted = redactFreeText(schema, result.data, redaction);
  return { data: redacted.value as z.output<S>, redactions: redacted.categories };
}

/**
 * Registers JSON routes whose bodies, parameters and queries are validated against the protocol's
 * zod schemas, and records each in the OpenAPI document served at /api/openapi.json.
 */
export class ApiRouter {
  readonly #app: FastifyInstance;
  readonly #authorise: (access: Access, request: FastifyRequest) => Promise<void>;
  readonly #redaction: RedactionSource;
  readonly #paths: Record<string, Record<string, unknown>> = {};

  constructor(
    app: FastifyInstance,
    authorise: (access: Access, request: FastifyRequest) => Promise<void>,
    redaction: RedactionSource,
  ) {
    this.#app = app;
    this.#authorise = authorise;
    this.#redaction = redaction;
  }

  route<
    B extends z.ZodType | undefined = undefined,
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
  >(spec: RouteSpec<B, P, Q>, handler: Handler<Parsed<B>, Parsed<P>, Parsed<Q>>): void {
    this.#document(spec);
    this.#app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        await this.#authorise(spec.access, request);
        const redaction = this.#redaction();
        const redactions = new Set<RedactionCategory>();
        const parse = (schema: z.ZodType | undefined, value: unknown): unknown => {
          if (!schema) return undefined;
          const parsed = parseOrThrow(schema, value, redaction);
          for (const category of parsed.redactions) redactions.add(category);
          return parsed.data;
        };
        const body = parse(spec.body, request.body ?? {}) as Parsed<B>;
        const params = parse(spec.params, request.params) as Parsed<P>;
        const query = parse(spec.query, request.query) as Parsed<Q>;
        const result = await handler({ body, params, query, redactions: [...redactions], request, reply });
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(spec.status ?? 204).send();
        return reply.code(spec.status ?? 200).send(result);
      },
    });
  }

  #document(spec: RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>): void {
    const path = spec.url.replace(/:(\w+)/g, '{$1}');
    const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const parameters = [...spec.url.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (spec.query) {
      const shape = jsonSchema(spec.query) as { properties?: Record<string, unknown> };
      for (const [name, schema] of Object.entries(shape.properties ?? {}))
        parameters.push({ name, in: 'query', required: false, schema: schema as { type: string } });
    }
    const security =
      spec.access === 'visitor'
        ? [{ visitorToken: [] }]
        : spec.access === 'public'
          ? []
          : spec.access === 'intake' || spec.access === 'cases:read' || spec.access === 'reports'
            ? [{ staffSession: [] }, { apiKey: [] }]
            : [{ staffSession: [] }];
    this.#paths[path] ??= {};
    this.#paths[path][spec.method.toLowerCase()] = {
      summary: spec.summary,
      tags: [spec.tag],
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } }
        : {}),
      responses: {
        [String(spec.status ?? (spec.response ? 200 : 204))]: spec.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: z.toJSONSchema(spec.response, { unrepresentable: 'any' }) } },
            }
          : { description: 'Success, no content' },
        '4XX': {
          description: 'The request was refused',
          content: { 'application/json': { schema: z.toJSONSchema(ErrorBody) } },
        },
      },
    };
  }

  openApiDocument(version: string): unknown {
    return {
      openapi: '3.1.0',
      info: { title: 'Ward API', version, description: 'Web chat and customer records for UK councils.' },
      components: {
        securitySchemes: {
          visitorToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The visitor token returned when a chat starts',
          },
          staffSession: { type: 'apiKey', in: 'cookie', name: 'ward_session' },
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An integration API key (ward_key_…) with the route’s scope, created by an administrator',
          },
        },
      },
      paths: this.#paths,
    };
  }
}
