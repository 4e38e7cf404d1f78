import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normaliseCaseReference, normalisePostcode } from '@ward/protocol';

/**
 * How a value is written before it is blind-indexed (ADR 13), pure. Two spellings of the same
 * email address, phone number, postcode, name or case reference must give the same string, so
 * they give the same digest; a value that is not plausible gives null and is not indexed or
 * searched. Every function is idempotent: normalising a normalised value changes nothing.
 *
 * Phone numbers are parsed and validated with libphonenumber-js (default region GB) and written
 * in E.164, so a record's stored number and its index agree (ADR 14).
 */

export type BlindIndexKind = 'email' | 'phone' | 'postcode' | 'name' | 'case-reference';

export function normaliseEmail(typed: string): string | null {
  const email = typed.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/**
 * Ofcom reserves these ranges for drama and training (07700 900xxx, 01632 960xxx, …); libphonenumber
 * calls them unallocated, but councils use them in demos and training, so they are accepted.
 */
const ofcomDramaRanges = /^\+44(?:7700900|1632960|3069990|8081570|9098790)\d{3}$/;

/**
 * E.164 for a phone number libphonenumber-js finds valid (read as a UK number unless it starts
 * with + or 00), else null. Only digits, spaces, + ( ) . - are accepted: no letters, no extensions.
 */
export function normalisePhone(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed.length > 40 || !/^[+\d\s().-]+$/.test(trimmed)) return null;
  // "+44 (0)20 …": the "(0)" is the trunk prefix dialled only from inside the UK.
  const withoutTrunk = trimmed.replace(/^(\+|00)\s*44\s*\(\s*0\s*\)/, '+44');
  const international = withoutTrunk.replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(international, 'GB');
  if (!parsed || parsed.ext) return null;
  return parsed.isValid() || ofcomDramaRanges.test(parsed.number) ? parsed.number : null;
}

/** UK postcodes are normalised by the protocol's rule, which the widget's pre-chat questions use too (issue 13). */
export { normalisePostcode };

/**
 * Lower-case, accents folded (é → e, ß → ss), split on spaces, hyphens and apostrophes; tokens of 2 or more letters,
 * each once.
 */
export function nameTokens(typed: string): string[] {
  const folded = typed
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l');
  const tokens = folded
    .split(/[\s\-‐‑‒–—'’‘`]+/u)
    .map((token) => token.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((token) => token.length >= 2);
  return [...new Set(tokens)];
}

export const normaliseCaseReferenceForIndex = (typed: string): string | null => normaliseCaseReference(typed);

/** A value to index or search for, normalised. */
export type IndexTerm = { kind: BlindIndexKind; value: string };

/**
 * The terms a record is indexed under (or a search asks for): each present, plausible value
 * normalised, a name as its tokens. Unparseable values give no term. Duplicates are removed.
 */
export function indexTerms(fields: {
  email?: string | null;
  phone?: string | null;
  postcode?: string | null;
  name?: string | null;
  caseReference?: string | null;
}): IndexTerm[] {
  const terms: IndexTerm[] = [];
  const add = (kind: BlindIndexKind, value: string | null) => {
    if (value !== null && !terms.some((t) => t.kind === kind && t.value === value)) terms.push({ kind, value });
  };
  if (fields.email) add('email', normaliseEmail(fields.email));
  if (fields.phone) add('phone', normalisePhone(fields.phone));
  if (fields.postcode) add('postcode', normalisePostcode(fields.postcode));
  if (fields.name) for (const token of nameTokens(fields.name)) add('name', token);
  if (fields.caseReference) add('case-reference', normaliseCaseReferenceForIndex(fields.caseReference));
  return terms;
}
