import type { CandidateField } from '@ward/protocol';
import {
  indexTerms,
  nameTokens,
  normaliseCaseReferenceForIndex,
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
  type IndexTerm,
} from '../crypto/blind-index.rules.ts';

/**
 * The subject finder's decisions, pure (issue 9, ADR 33): what each searched field looks for, and
 * how candidates are ordered. Each field is looked for on its own, so a candidate can say which of
 * them found it; the officer, not Ward, decides whether it is the resident.
 */

export type FinderQuery = Partial<Record<CandidateField, string | undefined>>;

/** Each field searched, as the blind-index terms it looks for; the case reference normalised. */
export type FinderTerms = {
  byField: { field: Exclude<CandidateField, 'caseReference'>; terms: IndexTerm[] }[];
  caseReference: string | null;
};

const problems: Record<CandidateField, string> = {
  name: 'Enter a name of at least 2 letters',
  email: 'Enter an email address in the correct format, like name@example.com',
  phone: 'Enter a real phone number, like 01632 960 001',
  postcode: 'Enter a real UK postcode, like SW1A 1AA',
  caseReference: 'Enter a valid case reference, like 4K7M-9P2X',
};

/** The first field that cannot be searched for, with what to fix; null when all can. */
export function finderQueryProblem(query: FinderQuery): { field: CandidateField; message: string } | null {
  const valid: Record<CandidateField, (typed: string) => boolean> = {
    name: (typed) => nameTokens(typed).length > 0,
    email: (typed) => normaliseEmail(typed) !== null,
    phone: (typed) => normalisePhone(typed) !== null,
    postcode: (typed) => normalisePostcode(typed) !== null,
    caseReference: (typed) => normaliseCaseReferenceForIndex(typed) !== null,
  };
  for (const field of Object.keys(problems) as CandidateField[]) {
    const typed = query[field];
    if (typed && !valid[field](typed)) return { field, message: problems[field] };
  }
  return null;
}

/** The terms of each field given (call after finderQueryProblem found nothing wrong). */
export function finderTerms(query: FinderQuery): FinderTerms {
  const byField: FinderTerms['byField'] = [];
  for (const field of ['name', 'email', 'phone', 'postcode'] as const) {
    const typed = query[field];
    if (!typed) continue;
    const terms = indexTerms({ [field]: typed });
    if (terms.length > 0) byField.push({ field, terms });
  }
  return {
    byField,
    caseReference: query.caseReference ? normaliseCaseReferenceForIndex(query.caseReference) : null,
  };
}

/** The fields in the order the console lists them. */
export const fieldOrder: readonly CandidateField[] = ['name', 'email', 'phone', 'postcode', 'caseReference'];

/** Adds `fields` to what found `id`. */
export function addMatches(found: Map<string, Set<CandidateField>>, id: string, fields: Iterable<CandidateField>) {
  const set = found.get(id) ?? new Set<CandidateField>();
  for (const field of fields) set.add(field);
  found.set(id, set);
}

export function matchedList(fields: ReadonlySet<CandidateField> | undefined): CandidateField[] {
  return fieldOrder.filter((field) => fields?.has(field));
}

/** Most fields matched first, then the most recent contact (ISO dates; null last). */
export function byStrength<T extends { matched: readonly unknown[]; at: string | null }>(a: T, b: T): number {
  return b.matched.length - a.matched.length || (b.at ?? '').localeCompare(a.at ?? '');
}
