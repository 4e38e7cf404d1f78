/**
 * Text Ward can store and show: no NUL character (PostgreSQL refuses it in text) and no unpaired
 * UTF-16 surrogate (it cannot be written as UTF-8 and would turn into a replacement character).
 * Every request body, query, path parameter and realtime frame is checked with this one rule at
 * the boundary, before any schema or service sees it.
 */

/** Whether `text` holds a NUL or a surrogate half without its partner. */
export function hasUnsafeCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1); // NaN past the end
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

/**
 * Where unsafe text was found: the path of the field (empty for the value itself), whether a key
 * held it, or whether the value is nested deeper than any request of Ward's (`tooDeep`).
 */
export type UnsafeText = { path: ReadonlyArray<string | number>; inKey: boolean; tooDeep?: true };

/** No body or frame of Ward's nests deeper than this; deeper input is refused before it is walked. */
export const maxInputNesting = 32;

/**
 * The first string (or object key) anywhere in `value` that holds an unsafe character, depth first,
 * or null. Non-plain values (numbers, booleans, null) are safe; cycles cannot occur in parsed input
 * but are tolerated.
 */
export function findUnsafeText(value: unknown, path: ReadonlyArray<string | number> = []): UnsafeText | null {
  const seen = new Set<object>();
  const walk = (node: unknown, at: ReadonlyArray<string | number>): UnsafeText | null => {
    if (typeof node === 'string') return hasUnsafeCharacters(node) ? { path: at, inKey: false } : null;
    if (node === null || typeof node !== 'object' || seen.has(node)) return null;
    if (at.length - path.length >= maxInputNesting) return { path: at.slice(0, 3), inKey: false, tooDeep: true };
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const found = walk(node[i], [...at, i]);
        if (found) return found;
      }
      return null;
    }
    for (const [key, child] of Object.entries(node)) {
      if (hasUnsafeCharacters(key)) return { path: at, inKey: true };
      const found = walk(child, [...at, key]);
      if (found) return found;
    }
    return null;
  };
  return walk(value, path);
}

/** A person-facing message naming the field, never quoting what was sent. */
export function unsafeTextMessage(found: UnsafeText, where = 'The request'): string {
  // Keys come from the sender: each part is shortened so the message stays short.
  const field =
    found.path.length > 0
      ? found.path
          .map((part) => String(part).slice(0, 60))
          .join('.')
          .slice(0, 200)
      : null;
  if (found.tooDeep) return `${where} is nested too deeply`;
  if (found.inKey) return `${field ?? where} has a field name with a character that is not allowed`;
  return `${field ?? where} contains a character that is not allowed (a NUL or an unpaired surrogate)`;
}
