import { indexTerms, normaliseEmail, normalisePhone, normalisePostcode, type IndexTerm } from '../crypto/blind-index.rules.ts';
import type { RecordDetailKind } from '@ward/protocol';

/**
 * The values a customer record holds (ADR 14), one shape per kind, and what each is blind-indexed
 * under. Pure: callers validate and normalise before storing (postcodes, E.164 phone numbers).
 */
export type RecordDetailValue =
  | { kind: 'name'; name: string }
  | { kind: 'address'; lines: string[]; town: string | null; postcode: string; uprn: string | null }
  | { kind: 'phone'; number: string; label: string | null }
  | { kind: 'email'; address: string }
  | { kind: 'social-handle'; platform: string; handle: string }
  | { kind: 'contact-preference'; preference: string }
  | { kind: 'note'; text: string };

export type RecordDetailOf<K extends RecordDetailKind> = Extract<RecordDetailValue, { kind: K }>;

/** The blind-index terms of one value: names by token, addresses by postcode. */
export function recordDetailIndexTerms(value: RecordDetailValue): IndexTerm[] {
  switch (value.kind) {
    case 'name':
      return indexTerms({ name: value.name });
    case 'address':
      return indexTerms({ postcode: value.postcode });
    case 'phone':
      return indexTerms({ phone: value.number });
    case 'email':
      return indexTerms({ email: value.address });
    default:
      return [];
  }
}

/** The normalised form a value is stored in, or null when it is not plausible. */
export function normaliseRecordDetail(value: RecordDetailValue): RecordDetailValue | null {
  switch (value.kind) {
    case 'email': {
      const address = normaliseEmail(value.address);
      return address ? { ...value, address } : null;
    }
    case 'phone': {
      const number = normalisePhone(value.number);
      return number ? { ...value, number } : null;
    }
    case 'address': {
      const postcode = normalisePostcode(value.postcode);
      return postcode ? { ...value, postcode } : null;
    }
    default:
      return value;
  }
}
