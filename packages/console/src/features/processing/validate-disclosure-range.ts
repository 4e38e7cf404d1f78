import type { FieldErrors } from '../../ui/validation.ts';
import { isoDate, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import { checkDate } from '../rights/date-texts.ts';
import { dateTextsEn, type DateTexts } from '../rights/date-texts-en.ts';
import { processingEn, type ProcessingTexts } from './texts-en.ts';

export type RangeField = 'from' | 'to';

/** The disclosure log's dates: each optional, real, and the first not after the second. */
export function validateDisclosureRange(
  from: TypedDate,
  to: TypedDate,
  says: ProcessingTexts = processingEn,
  dates: DateTexts = dateTextsEn,
): {
  errors: FieldErrors<RangeField>;
  parts: Record<RangeField, DatePart[]>;
  range: { from?: string; to?: string } | null;
} {
  const errors: FieldErrors<RangeField> = {};
  const parts: Record<RangeField, DatePart[]> = { from: [], to: [] };
  const range: { from?: string; to?: string } = {};
  for (const [field, typed, label] of [
    ['from', from, says.dateFrom],
    ['to', to, says.dateTo],
  ] as const) {
    const checked = checkDate(label, typed, dates);
    if ('error' in checked) {
      errors[field] = checked.error;
      parts[field] = checked.parts;
    } else if (checked.date) {
      range[field] = isoDate(checked.date.year, checked.date.month, checked.date.day);
    }
  }
  if (!errors.from && !errors.to && range.from && range.to && range.from > range.to) errors.to = says.toNotBeforeFrom;
  return { errors, parts, range: Object.keys(errors).length > 0 ? null : range };
}
