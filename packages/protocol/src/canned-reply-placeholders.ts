/**
 * Canned replies' placeholders (issue 11), pure and zod-free so the console can use them: a reply
 * says `{resident first name}`, `{case reference}` or `{agent first name}` and the composer fills
 * them in for the agent to check before sending. Case and spacing inside the braces do not matter.
 */
export const cannedReplyPlaceholders = ['resident first name', 'case reference', 'agent first name'] as const;
export type CannedReplyPlaceholder = (typeof cannedReplyPlaceholders)[number];

export type PlaceholderValues = Record<CannedReplyPlaceholder, string | null>;

/** The first word of a name as the resident typed it ("Ann" of "Ann Marie Resident"); null for none. */
export function firstNameOf(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

/**
 * The reply with each known placeholder replaced by its value. A placeholder without a value (a
 * resident who gave no name) is left as it is, so the agent sees what is missing; unknown braces stay.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{\s*([a-z ]+?)\s*\}/gi, (whole, inner: string) => {
    const key = inner.toLowerCase().replace(/\s+/g, ' ') as CannedReplyPlaceholder;
    const value = cannedReplyPlaceholders.includes(key) ? values[key] : null;
    return value ?? whole;
  });
}
