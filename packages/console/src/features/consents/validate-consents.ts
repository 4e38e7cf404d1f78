import type { PublishPrivacyNoticeBody } from '@ward/protocol';
import type { ConsentSearch } from '../../api/consents.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { checkCaseReference } from '../conversations/validate-case-reference.ts';
import { checkTypedDate, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';

export type NoticeField = 'version' | 'url' | 'body' | 'effective';
export type NoticeAnswers = { version: string; url: string; body: string; effective: TypedDate };

/** The publish form's check: a version, and either the notice's address or its text. */
export function validateNotice(answers: NoticeAnswers): {
  errors: FieldErrors<NoticeField>;
  body: PublishPrivacyNoticeBody | null;
  dateParts: DatePart[];
} {
  const errors: FieldErrors<NoticeField> = {};
  let dateParts: DatePart[] = [];
  const version = answers.version.trim();
  const url = answers.url.trim();
  const text = answers.body.trim();
  if (version === '') errors.version = 'Enter a version, like 2026-12 or 4.1';
  else if (version.length > 40) errors.version = 'The version must be 40 characters or fewer';
  else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(version))
    errors.version = 'The version can use letters, numbers, dots, hyphens and underscores';
  if (url === '' && text === '') errors.url = 'Enter either the address of the notice or its text';
  else if (url !== '' && text !== '') errors.url = 'Enter either the address of the notice or its text, not both';
  else if (url !== '' && !/^https:\/\/\S+$/i.test(url)) errors.url = 'Enter an address starting with https://';
  else if (url.length > 2000) errors.url = 'The address must be 2000 characters or fewer';
  if (text.length > 50_000) errors.body = 'The notice must be 50,000 characters or fewer';
  const effective = checkTypedDate('The date it takes effect', answers.effective);
  if ('error' in effective) {
    errors.effective = effective.error;
    dateParts = effective.parts;
  }
  if (Object.keys(errors).length > 0 || 'error' in effective) return { errors, body: null, dateParts };
  // Midnight where the member of staff is (the council's own time) on the day chosen; now when blank.
  const from = effective.date
    ? new Date(effective.date.year, effective.date.month - 1, effective.date.day).toISOString()
    : undefined;
  return {
    errors,
    body: { version, ...(url ? { url } : { body: text }), ...(from ? { effectiveFrom: from } : {}) },
    dateParts,
  };
}

export type ConsentSearchField = 'caseReference' | 'purpose';

/** The proof search: a case reference (one resident) or a purpose, not both. */
export function validateConsentSearch(answers: { caseReference: string; purpose: string }): {
  errors: FieldErrors<ConsentSearchField>;
  search: ConsentSearch | null;
} {
  const typed = answers.caseReference.trim();
  const purpose = answers.purpose.trim();
  if (typed === '' && purpose === '')
    return { errors: { caseReference: 'Enter a case reference, or choose a purpose' }, search: null };
  if (typed !== '' && purpose !== '')
    return { errors: { caseReference: 'Search by a case reference or by a purpose, not both' }, search: null };
  if (purpose !== '') return { errors: {}, search: { purpose } };
  const checked = checkCaseReference(typed);
  return 'error' in checked
    ? { errors: { caseReference: checked.error }, search: null }
    : { errors: {}, search: { caseReference: checked.caseReference } };
}
