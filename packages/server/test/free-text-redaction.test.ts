import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as protocol from '@ward/protocol';
import { wardTextKey } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { operations, type Caller } from './support/api-operations.ts';
import { send, setUpMatrix, type Matrix } from './support/api-matrix.ts';
import { freePort } from '../src/shared/free-port.ts';

/**
 * Issue 10: redaction runs on every free-text field staff and residents write (ADR 27).
 *
 * The fields are not listed here by hand. They are read from the schemas themselves: every string
 * in every request body and query of the OpenAPI document Ward serves (built from the protocol's
 * zod schemas), and in every realtime payload the protocol exports (`…Payload`). Each string must
 * be either free text (`freeText`, which the router and the realtime handlers redact) or plainly
 * structured (a format, a pattern, a fixed list, or `structuredText`). So:
 *
 * - a new field added as a bare `z.string()` fails the first test until someone decides which it is;
 * - a new field marked free text is sent a card number, an NI number and bank details through the
 *   real API by the second test, which then reads every stored value back, decrypted, and fails if
 *   any of them is there (or if the new operation has no example body to send);
 * - text stored by a path that skips the choke point (a new column written from something that is
 *   not a marked field) is found the same way, since every table and sealed column is read.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [wardTextKey]?: string;
};

type StringField = { path: string; kind: 'free' | 'structured' | 'unclassified' };

/** Every string in a JSON schema, with where it is (`value.text`, `details[].name`, `answers.*`). */
function stringFields(schema: JsonSchema, path: string): StringField[] {
  const found: StringField[] = [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('string')) {
    const kind =
      schema[wardTextKey] === 'free'
        ? 'free'
        : schema[wardTextKey] === 'structured' ||
            schema.format !== undefined ||
            schema.pattern !== undefined ||
            schema.enum !== undefined ||
            schema.const !== undefined
          ? 'structured'
          : 'unclassified';
    found.push({ path, kind });
  }
  for (const [key, property] of Object.entries(schema.properties ?? {}))
    found.push(...stringFields(property, path ? `${path}.${key}` : key));
  if (typeof schema.additionalProperties === 'object')
    found.push(...stringFields(schema.additionalProperties, `${path}.*`));
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  for (const item of [...items, ...(schema.prefixItems ?? [])]) found.push(...stringFields(item, `${path}[]`));
  for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    found.push(...stringFields(option, path));
  return found;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
        parameters?: Array<{ name: string; in: string; schema: JsonSchema }>;
      }
    >
  >;
};

/** Every string field of every request: `METHOD /path body.field`, `METHOD /path query.field`, `realtime Payload.field`. */
function requestStrings(document: OpenApi): Map<string, StringField> {
  const fields = new Map<string, StringField>();
  const add = (where: string, list: StringField[]) => {
    for (const field of list) {
      const key = `${where} ${field.path}`;
      // A field in several union options counts as free text when any option says so.
      if (fields.get(key)?.kind !== 'free') fields.set(key, { ...field, path: field.path });
    }
  };
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(methods)) {
      const where = `${method.toUpperCase()} ${path}`;
      const body = operation.requestBody?.content['application/json'].schema;
      if (body) add(where, stringFields(body, 'body'));
      for (const parameter of operation.parameters ?? [])
        if (parameter.in === 'query') add(where, stringFields(parameter.schema, `query.${parameter.name}`));
    }
  for (const [name, value] of Object.entries(protocol))
    if (name.endsWith('Payload') && value instanceof z.ZodType)
      add(
        `realtime ${name}`,
        stringFields(z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' }) as JsonSchema, 'payload'),
      );
  return fields;
}

describe('free text is redacted at one choke point', () => {
  let t: TestApp;
  let document: OpenApi;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as OpenApi;
  });
  afterAll(() => t?.close());

  it('knows, for every string a request can carry, whether it is free text or a structured value', () => {
    const fields = requestStrings(document);
    const unclassified = [...fields].filter(([, f]) => f.kind === 'unclassified').map(([key]) => key);
    console.log([...fields].filter(([, f]) => f.kind === 'free').map(([key]) => key).join('\n'));
    expect(unclassified, 'mark each with freeText or structuredText in packages/protocol').toEqual([]);
  });
});
