import type { FieldErrors } from '../../ui/validation.ts';
import { checkTypedDate, isoDate, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';

export type RangeField = 'from' | 'to';

/** The disclosure log's dates: each optional, real, and the first not after the second. */
export function validateDisclosureRange(
  from: TypedDate,
  to: TypedDate,
): {
  errors: FieldErrors<RangeField>;
  parts: Record<RangeField, DatePart[]>;
  range: { from?: string; to?: string } | null;
} {
  const errors: FieldErrors<RangeField> = {};
  const parts: Record<RangeField, DatePart[]> = { from: [], to: [] };
  const range: { from?: string; to?: string } = {};
  for (const [field, typed, label] of [
    ['from', from, 'The date from'],
    ['to', to, 'The date to'],
  ] as const) {
    const checked = checkTypedDate(label, typed);
    if ('error' in checked) {
      errors[field] = checked.error;
      parts[field] = checked.parts;
    } else if (checked.date) {
      range[field] = isoDate(checked.date.year, checked.date.month, checked.date.day);
    }
  }
  if (!errors.from && !errors.to && range.from && range.to && range.from > range.to)
    errors.to = 'The date to must be the same as or after the date from';
  return { errors, parts, range: Object.keys(errors).length > 0 ? null : range };
}
