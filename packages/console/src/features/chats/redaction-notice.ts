import { redactionCategories } from '@ward/protocol';
import type { RedactionCategory } from '@ward/protocol';

const named: Record<RedactionCategory, string> = {
  'card-number': 'card details',
  'bank-details': 'bank details',
  'national-insurance-number': 'a National Insurance number',
};

/**
 * What the agent is told when Ward removed card details, bank details or a National Insurance
 * number from their own message (ADR 9). Pure.
 */
export function agentRedactionNotice(categories: readonly RedactionCategory[]): { heading: string; advice: string } {
  const kinds = redactionCategories
    .filter((category) => categories.includes(category))
    .map((category) => named[category]);
  const list = kinds.length <= 1 ? (kinds[0] ?? '') : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
  return {
    heading: `Ward removed ${list} from your message.`,
    advice:
      'The resident sees a marker in its place. Do not ask for or repeat card details, bank details or National Insurance numbers in a chat.',
  };
}
