import { normaliseCaseReference } from '@ward/protocol';

/**
 * How a value is written before it is blind-indexed (ADR 13), pure. Two spellings of the same
 * email address, phone number, postcode, name or case reference must give the same string, so
 * they give the same digest; a value that is not plausible gives null and is not indexed or
 * searched. Every function is idempotent: normalising a normalised value changes nothing.
 *
 * Phone numbers are normalised by a small UK-focused rule set (not libphonenumber): UK numbers
 * (07…, 01…, 02…, 03…, 08…, 09…; +44 or 0044, with or without the "(0)") become E.164
 * `+44…`; other numbers already in international form (+ or 00) are kept as `+digits` when
 * they have 8 to 15 digits.
 */

export type BlindIndexKind = 'email' | 'phone' | 'postcode' | 'name' | 'case-reference';

export function normaliseEmail(typed: string): string | null {
  const email = typed.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** UK national significant numbers: 10 digits starting 1, 2, 3, 5, 7, 8 or 9 (9 digits for a few 01 and 0800 numbers). */
const ukNational = /^(?:[1235789]\d{9}|1\d{8}|800\d{6})$/;

export function normalisePhone(typed: string): string | null {
  const trimmed = typed.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  // "+44 (0)20 …": the "(0)" is the trunk prefix dialled only from inside the UK.
  const withoutTrunk = trimmed.replace(/\(\s*0\s*\)/, '');
  const international = withoutTrunk.startsWith('+') || /^\s*00/.test(withoutTrunk);
  let digits = withoutTrunk.replace(/\D/g, '');
  if (international) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    if (digits.startsWith('44')) {
      let national = digits.slice(2);
      if (national.startsWith('0')) national = national.slice(1); // +44 020 … written without the brackets
      return ukNational.test(national) ? `+44${national}` : null;
    }
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  if (!digits.startsWith('0')) return null;
  const national = digits.slice(1);
  return ukNational.test(national) ? `+44${national}` : null;
}

/**
 * UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A), one space, inward code (9AA).
 * The inward code never uses C, I, K, M, O or V.
 */
const postcodeShape = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})$/;

export function normalisePostcode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/\s+/g, '');
  const match = postcodeShape.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** Lower-case, accents folded (é → e, ß → ss), split on spaces, hyphens and apostrophes; tokens of 2 or more letters, each once. */
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
export function indexTerms(fields: { email?: string | null; phone?: string | null; postcode?: string | null; name?: string | null; caseReference?: string | null }): IndexTerm[] {
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
