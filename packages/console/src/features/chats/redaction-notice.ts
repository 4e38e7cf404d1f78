import { redactionCategories } from '@ward/protocol';
import type { RedactionCategory } from '@ward/protocol';
import { announcementsEn, type AnnouncementTexts } from '../../realtime/announcements-en.ts';

/**
 * What the agent is told when Ward removed card details, bank details or a National Insurance
 * number from their own message (ADR 9), in the console's language (ADR 51). Pure.
 */
export function agentRedactionNotice(
  categories: readonly RedactionCategory[],
  says: AnnouncementTexts = announcementsEn,
): { heading: string; advice: string } {
  const kinds = redactionCategories
    .filter((category) => categories.includes(category))
    .map((category) => says.redacted[category]);
  return { heading: says.redactedHeading(says.list(kinds)), advice: says.redactedAdvice };
}
