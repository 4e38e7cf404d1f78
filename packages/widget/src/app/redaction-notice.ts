import { redactionCategories, redactionMarkers } from '@ward/protocol/resident-rules';
import type { RedactionCategory } from '@ward/protocol';

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

const named: Record<RedactionCategory, string> = {
  'card-number': 'your card details',
  'bank-details': 'your bank details',
  'national-insurance-number': 'your National Insurance number',
};

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function redactionNotice(categories: readonly RedactionCategory[]): RedactionNotice {
  const kinds = redactionCategories.filter((category) => categories.includes(category));
  const onlyOneThing = kinds.length === 1 && kinds[0] === 'national-insurance-number';
  const advice: string[] = [];
  if (kinds.includes('card-number') || kinds.includes('bank-details')) {
    advice.push(
      'Never share card or bank details in a chat. To make a payment, use the council’s online payments page or phone the payments line.',
    );
  }
  if (kinds.includes('national-insurance-number')) {
    advice.push(
      'Do not share your National Insurance number in a chat. If the adviser needs it, they will tell you a safe way to give it.',
    );
  }
  const removed = list(kinds.map((kind) => named[kind]));
  return {
    title: 'Important',
    heading: `We removed ${removed} from that message to keep ${onlyOneThing ? 'it' : 'them'} safe.`,
    summary: `We removed ${removed}.`,
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
