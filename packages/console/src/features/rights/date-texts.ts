import type { Catalogue } from '../../i18n/catalogue.ts';
import { checkTypedDate, type CalendarDate, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import { dateTextsCy } from './date-texts-cy.ts';
import { dateTextsEn, type DateTexts } from './date-texts-en.ts';

/** The date checks' words, shared by the privacy pages (rights, retention, consents, disclosures). */
export const dateTexts: Catalogue<DateTexts> = { en: dateTextsEn, cy: dateTextsCy };

/**
 * ui/uk-dates.ts's GOV.UK date checks, said in the page's language: the same date, parts and kind
 * of problem, worded by `says` with the date's name (`label`) in that language.
 */
export function checkDate(
  label: string,
  typed: TypedDate,
  says: DateTexts = dateTextsEn,
): { error: string; parts: DatePart[] } | { date: CalendarDate | null } {
  const checked = checkTypedDate(label, typed);
  if (!('error' in checked)) return checked;
  const order: DatePart[] = ['day', 'month', 'year'];
  const missing = order.filter((part) => typed[part].trim() === '');
  if (missing.length > 0)
    return {
      error: says.mustInclude(label, missing.map((part) => says.parts[part]).join(says.and)),
      parts: checked.parts,
    };
  const fourNumbers = checked.parts.length === 1 && checked.parts[0] === 'year' && /^\d+$/.test(typed.year.trim());
  return { error: fourNumbers ? says.yearFourNumbers : says.realDate(label), parts: checked.parts };
}
