import type { PublishPrivacyNoticeBody } from '@ward/protocol';
import type { ConsentSearch } from '../../api/consents.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { checkCaseReference } from '../conversations/validate-case-reference.ts';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import { checkDate } from '../rights/date-texts.ts';
import { dateTextsEn, type DateTexts } from '../rights/date-texts-en.ts';
import { consentsEn, type ConsentsTexts } from './texts-en.ts';

export type NoticeField = 'version' | 'url' | 'body' | 'effective';
export type NoticeAnswers = { version: string; url: string; body: string; effective: TypedDate };

/** The publish form's check: a version, and either the notice's address or its text. */
export function validateNotice(
  answers: NoticeAnswers,
  says: ConsentsTexts = consentsEn,
  dates: DateTexts = dateTextsEn,
): {
  errors: FieldErrors<NoticeField>;
  body: PublishPrivacyNoticeBody | null;
  dateParts: DatePart[];
} {
  const errors: FieldErrors<NoticeField> = {};
  let dateParts: DatePart[] = [];
  const version = answers.version.trim();
  const url = answers.url.trim();
  const text = answers.body.trim();
  const no = says.noticeErrors;
  if (version === '') errors.version = no.enterVersion;
  else if (version.length > 40) errors.version = no.versionTooLong;
  else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(version)) errors.version = no.versionCharacters;
  if (url === '' && text === '') errors.url = no.addressOrText;
  else if (url !== '' && text !== '') errors.url = no.notBoth;
  else if (url !== '' && !/^https:\/\/\S+$/i.test(url)) errors.url = no.https;
  else if (url.length > 2000) errors.url = no.addressTooLong;
  if (text.length > 50_000) errors.body = no.textTooLong;
  const effective = checkDate(says.effectiveLabel, answers.effective, dates);
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
export function validateConsentSearch(
  answers: { caseReference: string; purpose: string },
  says: ConsentsTexts = consentsEn,
): {
  errors: FieldErrors<ConsentSearchField>;
  search: ConsentSearch | null;
} {
  const typed = answers.caseReference.trim();
  const purpose = answers.purpose.trim();
  if (typed === '' && purpose === '') return { errors: { caseReference: says.errors.caseOrPurpose }, search: null };
  if (typed !== '' && purpose !== '') return { errors: { caseReference: says.errors.notBoth }, search: null };
  if (purpose !== '') return { errors: {}, search: { purpose } };
  const checked = checkCaseReference(typed);
  // Typed, so a problem is a reference that is not valid: said in the page's language.
  return 'error' in checked
    ? { errors: { caseReference: says.errors.invalidCaseReference }, search: null }
    : { errors: {}, search: { caseReference: checked.caseReference } };
}
