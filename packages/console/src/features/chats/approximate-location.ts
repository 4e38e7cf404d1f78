import type { AgentConversation } from '@ward/protocol';
import { chatWorkEn, type ChatWorkTexts } from './texts-work-en.ts';

/**
 * What the agent reads of where the internet address placed the resident (ADR 46): null when not
 * collected; never more than the town, region and country Ward keeps.
 */
export function approximateLocationText(
  location: AgentConversation['location'],
  says: ChatWorkTexts = chatWorkEn,
): string | null {
  if (!location) return null;
  const names = [...new Set([location.town, location.region, location.country].filter(Boolean))];
  return says.fromInternetAddress(names.length ? names.join(', ') : says.unknownPlace);
}
