import type { EraseSubjectBody, ErasurePreviewBody } from '@ward/protocol';
import { rightsTextMaxChars } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { itemKey, itemNames, type PlannedItem } from './erasure-wording.ts';
import { rightsDataEn, type RightsDataTexts } from './texts-data-en.ts';

export type ErasureMode = 'all' | 'chosen';
export type KeepAnswer = { exemption: 'legal-obligation' | 'legal-claims' | ''; reason: string };

/** What the officer chose: everything or these items, which items to keep (by item key) and the erasure's reason. */
export type ErasureAnswers = {
  mode: ErasureMode;
  chosen: ReadonlySet<string>;
  keep: ReadonlyMap<string, KeepAnswer>;
  reason: string;
};

/** 'items', 'reason', and per item (by its place in the list) `exemption-N` and `why-N`. */
export type ErasureField = 'items' | 'reason' | `exemption-${number}` | `why-${number}`;

/** Where each field's error links to. */
export function erasureFieldId(field: ErasureField): string {
  if (field === 'items') return 'erase-item-0';
  if (field === 'reason') return 'erase-reason';
  const [what, index] = field.split('-') as ['exemption' | 'why', string];
  return what === 'exemption' ? `keep-${index}-exemption` : `keep-${index}-reason`;
}

/** The fields in the order they appear on the page. */
export function erasureFieldOrder(items: readonly PlannedItem[]): ErasureField[] {
  return ['items', ...items.flatMap((_, i) => [`exemption-${i}`, `why-${i}`] as const), 'reason'];
}

/**
 * Checks the officer's choices against the items that could be erased (`items`, in page order).
 * `withReason`: the erasure itself, which needs its reason; without it, only a new preview.
 */
export function validateErasure(
  items: readonly PlannedItem[],
  answers: ErasureAnswers,
  withReason: boolean,
  says: RightsDataTexts = rightsDataEn,
): { errors: FieldErrors<ErasureField>; preview: ErasurePreviewBody | null; erase: EraseSubjectBody | null } {
  const errors: FieldErrors<ErasureField> = {};
  const names = itemNames(items, says);
  const chosen = items.filter((item) => answers.chosen.has(itemKey(item)));
  if (answers.mode === 'chosen' && chosen.length === 0) errors.items = says.selectItems;
  const keep: NonNullable<ErasurePreviewBody['keep']> = [];
  items.forEach((item, i) => {
    const answer = answers.keep.get(itemKey(item));
    if (!answer) return;
    const name = says.the((names.get(itemKey(item)) ?? '').replace(/^./, (c) => c.toLowerCase()));
    const reason = answer.reason.trim();
    if (answer.exemption === '') errors[`exemption-${i}`] = says.selectWhyKept(name);
    if (reason === '') errors[`why-${i}`] = says.enterWhyKept(name);
    else if (reason.length > rightsTextMaxChars) errors[`why-${i}`] = says.whyKeptTooLong(name, rightsTextMaxChars);
    if (answer.exemption !== '' && reason !== '')
      keep.push({ kind: item.kind, id: item.id, exemption: answer.exemption, reason });
  });
  const reason = answers.reason.trim();
  if (withReason) {
    if (reason === '') errors.reason = says.enterErasureReason;
    else if (reason.length > rightsTextMaxChars) errors.reason = says.reasonTooLong(rightsTextMaxChars);
  }
  if (Object.keys(errors).length > 0) return { errors, preview: null, erase: null };
  const preview: ErasurePreviewBody = {
    keep,
    items: answers.mode === 'all' ? 'all' : chosen.map((item) => ({ kind: item.kind, id: item.id })),
  };
  return { errors, preview, erase: withReason ? { ...preview, reason } : null };
}
