import { redactionCategories, redactionMarkers } from '@ward/protocol/resident-rules';
import type { RedactionCategory } from '@ward/protocol';
import { m } from './i18n.ts';

/**
 * What the resident is told when Ward removed card details, bank details or a National Insurance
 * number from their message (ADR 9). Pure: the dialogue shows it, the live region says it.
 */
export interface RedactionNotice {
  /** The banner's title. */
  title: string;
  /** What was removed, e.g. "We removed your card details from that message to keep them safe." */
  heading: string;
  /** The one line left once the resident has read the notice, e.g. "We removed your card details." */
  summary: string;
  /** What to do instead. */
  advice: string[];
}

const named = (category: RedactionCategory) =>
  category === 'card-number' ? m.cardDetails : category === 'bank-details' ? m.bankDetails : m.nationalInsuranceNumber;

export function redactionNotice(categories: readonly RedactionCategory[]): RedactionNotice {
  const kinds = redactionCategories.filter((category) => categories.includes(category));
  const onlyOneThing = kinds.length === 1 && kinds[0] === 'national-insurance-number';
  const advice: string[] = [];
  if (kinds.includes('card-number') || kinds.includes('bank-details')) {
    advice.push(m.adviceCard);
  }
  if (kinds.includes('national-insurance-number')) {
    advice.push(m.adviceNationalInsurance);
  }
  const removed = m.list(kinds.map(named));
  return {
    title: m.important,
    heading: m.removedFrom(removed, onlyOneThing),
    summary: m.removed(removed),
    advice,
  };
}

/** The whole notice as one sentence for the polite live region. */
export function redactionAnnouncement(categories: readonly RedactionCategory[]): string {
  const notice = redactionNotice(categories);
  return [notice.heading, ...notice.advice].join(' ');
}

const markerCategories: Array<[string, RedactionCategory]> = [
  [redactionMarkers.cardNumber, 'card-number'],
  [redactionMarkers.cardDetails, 'card-number'],
  [redactionMarkers.bankDetails, 'bank-details'],
  [redactionMarkers.nationalInsuranceNumber, 'national-insurance-number'],
];

/**
 * What was removed from a message the resident sent, judged from the stored text: used when the
 * acknowledgement (which says so itself) was lost and the message came back another way. Only
 * when the stored text differs from what was typed, so typing a marker oneself tells nothing.
 */
export function redactionsBetween(typed: string, stored: string): RedactionCategory[] {
  if (typed === stored) return [];
  const found = new Set(
    markerCategories
      .filter(([marker]) => stored.includes(marker) && !typed.includes(marker))
      .map(([, category]) => category),
  );
  return redactionCategories.filter((category) => found.has(category));
}
