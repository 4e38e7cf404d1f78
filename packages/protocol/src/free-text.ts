import * as z from 'zod';

/**
 * Which strings of a request are free text: what staff or residents write in their own words (a
 * message, a note, a summary, a reason). Ward removes card numbers, bank details and National
 * Insurance numbers from every field marked here before the request's handler sees it (ADR 27):
 * the marker is the one switch, read where requests are parsed.
 *
 * Every other string a request carries is a structured value (an email address, a phone number, a
 * name, a reference, a password) and is kept as typed; `structuredText` says so where the shape
 * does not (no format, pattern or fixed list of values). A test walks every request schema and
 * fails on a string that is neither, so a new field must be put on one side or the other.
 */
export const wardTextKey = 'x-ward-text';
export type WardTextKind = 'free' | 'structured';

/** Marks a string schema as free text (apply it to the string itself, before `.optional()` and the like). */
export function freeText<S extends z.ZodType>(schema: S): S {
  return schema.meta({ [wardTextKey]: 'free' }) as S;
}

/** Marks a string schema as a structured value that is never redacted. */
export function structuredText<S extends z.ZodType>(schema: S): S {
  return schema.meta({ [wardTextKey]: 'structured' }) as S;
}

export function wardTextKind(schema: z.ZodType): WardTextKind | undefined {
  const kind = z.globalRegistry.get(schema)?.[wardTextKey];
  return kind === 'free' || kind === 'structured' ? kind : undefined;
}
