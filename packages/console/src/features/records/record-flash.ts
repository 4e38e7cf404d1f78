import { pathTo, paths } from '../../route-match.ts';
import { navigate } from '../../router.tsx';

/**
 * A message for the next record page to show in a success banner ("Record created", "Name
 * changed"), handed over across an in-app navigation. Held in memory only: it never goes in the
 * URL (it can name personal data) and a reload drops it.
 */
let flash: { recordId: string; text: string } | null = null;

export function setRecordFlash(recordId: string, text: string): void {
  flash = { recordId, text };
}

/**
 * The message for this record, if any. Read without clearing (React may render twice); `clearRecordFlash` after showing
 * it.
 */
export function peekRecordFlash(recordId: string): string | null {
  return flash?.recordId === recordId ? flash.text : null;
}

export function clearRecordFlash(): void {
  flash = null;
}

/** Opens the record's page, which shows `text` in its success banner. */
export function goToRecord(recordId: string, text: string): void {
  setRecordFlash(recordId, text);
  navigate(pathTo(paths.record, { recordId }));
}
