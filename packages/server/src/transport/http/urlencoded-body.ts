import type { FastifyInstance } from 'fastify';
import { limits } from '@ward/protocol';
import { parseUrlEncoded } from '../../features/forms/form-input.rules.ts';

/** The pages that work without JavaScript post forms: their bodies, bounded, with too many fields a 400. */
export function acceptUrlEncodedForms(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: limits.httpBodyMaxBytes },
    (_request, text, done) => {
      const body = parseUrlEncoded(text as string);
      if (body) done(null, body);
      else done(Object.assign(new Error('too many fields'), { statusCode: 400 }), undefined);
    },
  );
}
