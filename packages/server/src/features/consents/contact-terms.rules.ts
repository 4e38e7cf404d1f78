import { consentCheckboxLabels, type LawfulBasis } from '@ward/protocol';

/** A purpose from the record of processing's configuration (ADR 30, 37). */
export type ConfiguredPurpose = { id?: string | undefined; purpose: string; lawfulBasis: LawfulBasis };

/**
 * The lawful basis of each named purpose, as a contact records it when it arrives (ADR 37): later
 * changes to the configuration do not rewrite what a contact was told.
 */
export function lawfulBasesOf(purposes: readonly ConfiguredPurpose[]): Record<string, LawfulBasis> {
  const bases: Record<string, LawfulBasis> = {};
  for (const p of purposes) if (p.id) bases[p.id] = p.lawfulBasis;
  return bases;
}

/** The notice in effect at `now`: the newest whose effective date has come. */
export function noticeInEffect<T extends { effectiveFrom: Date }>(notices: readonly T[], now: Date): T | null {
  let current: T | null = null;
  for (const notice of notices) {
    if (notice.effectiveFrom <= now && (!current || notice.effectiveFrom > current.effectiveFrom)) current = notice;
  }
  return current;
}

/** The checkbox labels the widget and the form pages show, word for word (the proof quotes them). */
export const preChatConsentLabel = consentCheckboxLabels.preChat;
export const onlineFormConsentLabel = consentCheckboxLabels.onlineForm;

/** The exact wording a resident agreed to with a checkbox: the summary shown and the box's label. */
export function checkboxWording(summary: string, label: string, noticeVersion: string | null): string {
  const notice = noticeVersion ? ` (privacy notice version ${noticeVersion})` : '';
  return `${summary}${notice} — “${label}”`;
}

/** A typed statement's wording names the message it is in: the message itself is the evidence. */
export const typedStatementWording = (seq: number) =>
  `The resident’s own words in message ${seq} of the chat, marked by the adviser as their consent`;
