import * as z from 'zod';
import * as protocol from '@ward/protocol';
import { wardTextKey } from '@ward/protocol';

/** The string fields of Ward's requests, read from its schemas (free-text-redaction.test.ts). */

export type JsonSchema = {
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

export type StringField = { path: string; kind: 'free' | 'structured' | 'unclassified' };

/** Every string in a JSON schema, with where it is (`value.text`, `details[].name`, `answers.*`). */
export function stringFields(schema: JsonSchema, path: string): StringField[] {
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

export type OpenApi = {
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

/** Every string field of every request: `METHOD /path body.field`, `… query.field`, `realtime Payload.field`. */
export function requestStrings(document: OpenApi): Map<string, StringField> {
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

/**
 * Sets `value` at a field path (`body.value.text`, `body.details[].text`); false when the example
 * has no place for it. In a list, only items that already have the field get it (a note among names).
 */
export function setAt(target: unknown, path: string[], value: string, inList = false): boolean {
  const [head, ...rest] = path;
  if (!head || typeof target !== 'object' || target === null) return false;
  const record = target as Record<string, unknown>;
  if (head.endsWith('[]')) {
    const list = record[head.slice(0, -2)];
    if (!Array.isArray(list)) return false;
    return list.map((item) => setAt(item, rest, value, true)).filter(Boolean).length > 0;
  }
  if (rest.length === 0) {
    if (inList && !(head in record)) return false;
    record[head] = value;
    return true;
  }
  return setAt(record[head], rest, value, inList);
}
