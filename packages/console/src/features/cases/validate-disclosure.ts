import type { DisclosureBody, LawfulBasis } from '@ward/protocol';
import { disclosureTextMaxChars, recipientMaxChars } from '@ward/protocol';
import { checkTypedDate, isoDate, londonToday, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';

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

function checkText(value: string, empty: string, label: string, max: number, required: boolean): string | undefined {
  const text = value.trim();
  if (required && text === '') return empty;
  if (text.length > max) return `${label} must be ${max} characters or fewer`;
  return undefined;
}

/** Checks the "Record a disclosure" form; the body is ready to send when there are no errors. */
export function validateDisclosure(
  answers: DisclosureAnswers,
  now: Date,
): { errors: FieldErrors<DisclosureField>; dateParts: DatePart[]; body: DisclosureBody | null } {
  const errors: FieldErrors<DisclosureField> = {};
  const recipient = checkText(
    answers.recipient,
    'Enter the organisation it was shared with',
    'The organisation',
    recipientMaxChars,
    true,
  );
  if (recipient) errors.recipient = recipient;
  const contact = checkText(answers.contact, '', 'The contact', recipientMaxChars, false);
  if (contact) errors.contact = contact;
  if (answers.basis === '') errors.basis = 'Select the lawful basis for sharing';
  const what = checkText(answers.what, 'Enter what was shared', 'What was shared', disclosureTextMaxChars, true);
  if (what) errors.what = what;
  const why = checkText(answers.why, 'Enter why it was shared', 'Why it was shared', disclosureTextMaxChars, true);
  if (why) errors.why = why;

  let dateParts: DatePart[] = [];
  let disclosedOn: string | undefined;
  const date = checkTypedDate('The date it was shared', answers.date);
  if ('error' in date) {
    errors.date = date.error;
    dateParts = date.parts;
  } else if (date.date) {
    if (asNumber(date.date) > asNumber(londonToday(now))) {
      errors.date = 'The date it was shared must be today or in the past';
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
