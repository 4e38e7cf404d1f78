import type { ErrorItem } from './ErrorSummary.tsx';

/** Errors keyed by field; a form shows each beside its field and all of them in the error summary. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The error summary's items, in the order the fields appear on the page. */
export function errorItems<K extends string>(
  errors: FieldErrors<K>,
  fieldIds: Record<K, string>,
  order: K[],
): ErrorItem[] {
  return order.flatMap((field) => {
    const text = errors[field];
    return text ? [{ fieldId: fieldIds[field], text }] : [];
  });
}

export function hasErrors<K extends string>(errors: FieldErrors<K>): boolean {
  return Object.values(errors).some(Boolean);
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return emailPattern.test(value.trim());
}
