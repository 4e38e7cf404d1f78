import {
  indexTerms,
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
  type IndexTerm,
} from '../crypto/blind-index.rules.ts';
import type { RecordDetailInput, RecordDetailKind } from '@ward/protocol';

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

export type CheckedDetail = { ok: true; value: RecordDetailValue } | { ok: false; message: string };

/**
 * What staff typed (already shape-checked by the protocol schema) as the value to store, or the
 * person-facing reason it cannot be: postcode and phone number must be real, the email plausible.
 * Messages never repeat the value.
 */
export function checkRecordDetail(input: RecordDetailInput): CheckedDetail {
  switch (input.kind) {
    case 'address': {
      const postcode = normalisePostcode(input.postcode);
      if (!postcode) return { ok: false, message: 'Enter a real UK postcode, like SW1A 1AA' };
      return {
        ok: true,
        value: {
          kind: 'address',
          lines: input.lines,
          town: input.town || null,
          postcode,
          uprn: input.uprn ? input.uprn.replace(/^0+(?=\d)/, '') : null,
        },
      };
    }
    case 'phone': {
      const number = normalisePhone(input.number);
      if (!number) return { ok: false, message: 'Enter a real phone number, like 01632 960 001 or +44 7700 900 123' };
      return { ok: true, value: { kind: 'phone', number, label: input.label || null } };
    }
    case 'email': {
      const address = normaliseEmail(input.address);
      if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address))
        return { ok: false, message: 'Enter an email address in the correct format, like name@example.com' };
      return { ok: true, value: { kind: 'email', address } };
    }
    case 'name':
      if (!/\p{L}/u.test(input.name)) return { ok: false, message: 'Enter a name with at least one letter' };
      return { ok: true, value: { kind: 'name', name: input.name.replace(/\s+/g, ' ') } };
    case 'social-handle':
      return { ok: true, value: { kind: 'social-handle', platform: input.platform, handle: input.handle } };
    case 'contact-preference':
      return { ok: true, value: { kind: 'contact-preference', preference: input.preference } };
    case 'note':
      return { ok: true, value: { kind: 'note', text: input.text } };
  }
}
