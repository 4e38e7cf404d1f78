import type { z } from 'zod';
import { redactionCategories, wardTextKind, type RedactionCategory } from '@ward/protocol';
import { redact } from './redaction.rules.ts';

/**
 * The one place free text is redacted on its way in (ADR 27): walks a request schema next to the
 * value it parsed and redacts every string whose schema the protocol marked with `freeText`. Used
 * by the HTTP router and the realtime handlers for every body, query, parameter and frame, so a
 * handler, a service and a repository only ever see redacted free text.
 *
 * Only the marked strings are touched: structured values (an email address, a phone number, a
 * postcode, a case reference) are kept as typed.
 */
export type FreeTextRedaction = { value: unknown; categories: RedactionCategory[] };

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The options of a union the value belongs to (by the discriminator when there is one). */
function matchingOptions(def: Def, value: unknown): z.ZodType[] {
  const options = def.options ?? [];
  if (def.discriminator && isRecord(value)) {
    const key = def.discriminator;
    return options.filter((option) => {
      const field = defOf(option).shape?.[key];
      return field ? field.safeParse(value[key]).success : true;
    });
  }
  return options;
}

export function redactFreeText(
  schema: z.ZodType,
  value: unknown,
  enabled: Iterable<RedactionCategory>,
): FreeTextRedaction {
  const categories = new Set<RedactionCategory>();
  const on = [...enabled];
  const walk = (node: z.ZodType, current: unknown): unknown => {
    if (current === undefined || current === null) return current;
    if (typeof current === 'string' && wardTextKind(node) === 'free') {
      const result = redact(current, on);
      for (const category of result.categories) categories.add(category);
      return result.text;
    }
    const def = defOf(node);
    switch (def.type) {
      case 'object': {
        if (!isRecord(current) || !def.shape) return current;
        const copy: Record<string, unknown> = { ...current };
        for (const [key, field] of Object.entries(def.shape))
          if (Object.hasOwn(copy, key)) copy[key] = walk(field, copy[key]);
        return copy;
      }
      case 'array':
        return Array.isArray(current) && def.element ? current.map((item) => walk(def.element!, item)) : current;
      case 'tuple':
        return Array.isArray(current)
          ? current.map((item, i) => {
              const itemSchema = def.items?.[i] ?? def.rest;
              return itemSchema ? walk(itemSchema, item) : item;
            })
          : current;
      case 'record':
        if (!isRecord(current) || !def.valueType) return current;
        return Object.fromEntries(Object.entries(current).map(([key, item]) => [key, walk(def.valueType!, item)]));
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return def.innerType ? walk(def.innerType, current) : current;
      case 'pipe':
        // The parsed value is the output of `out`; a transform's input schema may still hold the marker.
        return def.in && def.out ? walk(def.in, walk(def.out, current)) : current;
      case 'lazy':
        return def.getter ? walk(def.getter(), current) : current;
      case 'union': {
        let result: unknown = current;
        for (const option of matchingOptions(def, current)) result = walk(option, result);
        return result;
      }
      case 'intersection':
        return def.left && def.right ? walk(def.right, walk(def.left, current)) : current;
      default:
        return current;
    }
  };
  const redacted = walk(schema, value);
  return { value: redacted, categories: redactionCategories.filter((category) => categories.has(category)) };
}
