import type { DisclosureBody, LawfulBasis } from '@ward/protocol';
import { disclosureTextMaxChars, recipientMaxChars } from '@ward/protocol';
import { checkTypedDate, isoDate, londonToday, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { casesEn, type CasesTexts } from './texts-en.ts';

export type DisclosureField = 'recipient' | 'contact' | 'basis' | 'what' | 'why' | 'date';
export type DisclosureAnswers = {
  recipient: string;
  contact: string;
  basis: LawfulBasis | '';
  what: string;
  why: string;
  date: TypedDate;
};

const asNumber = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;

function checkText(value: string, empty: string, tooLong: string, max: number, required: boolean): string | undefined {
  const text = value.trim();
  if (required && text === '') return empty;
  if (text.length > max) return tooLong;
  return undefined;
}

/** Checks the "Record a disclosure" form; the body is ready to send when there are no errors. */
export function validateDisclosure(
  answers: DisclosureAnswers,
  now: Date,
  t: CasesTexts = casesEn,
): { errors: FieldErrors<DisclosureField>; dateParts: DatePart[]; body: DisclosureBody | null } {
  const errors: FieldErrors<DisclosureField> = {};
  const say = t.errors;
  const recipient = checkText(
    answers.recipient,
    say.enterOrganisation,
    say.organisationTooLong,
    recipientMaxChars,
    true,
  );
  if (recipient) errors.recipient = recipient;
  const contact = checkText(answers.contact, '', say.contactTooLong, recipientMaxChars, false);
  if (contact) errors.contact = contact;
  if (answers.basis === '') errors.basis = say.selectBasis;
  const what = checkText(answers.what, say.enterWhat, say.whatTooLong, disclosureTextMaxChars, true);
  if (what) errors.what = what;
  const why = checkText(answers.why, say.enterWhy, say.whyTooLong, disclosureTextMaxChars, true);
  if (why) errors.why = why;

  let dateParts: DatePart[] = [];
  let disclosedOn: string | undefined;
  const date = checkTypedDate('The date it was shared', answers.date);
  if ('error' in date) {
    // The shared date check speaks English, saying which part is missing; other languages say it whole.
    errors.date = t === casesEn ? date.error : say.dateNotReal;
    dateParts = date.parts;
  } else if (date.date) {
    if (asNumber(date.date) > asNumber(londonToday(now))) {
      errors.date = say.dateInFuture;
      dateParts = ['day', 'month', 'year'];
    } else disclosedOn = isoDate(date.date.year, date.date.month, date.date.day);
  }

  if (Object.keys(errors).length > 0 || answers.basis === '') return { errors, dateParts, body: null };
  return {
    errors,
    dateParts,
    body: {
      recipientOrganisation: answers.recipient.trim(),
      ...(answers.contact.trim() ? { recipientContact: answers.contact.trim() } : {}),
      lawfulBasis: answers.basis,
      whatShared: answers.what.trim(),
      why: answers.why.trim(),
      ...(disclosedOn ? { disclosedOn } : {}),
    },
  };
}
