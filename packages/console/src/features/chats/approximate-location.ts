import type { AgentConversation } from '@ward/protocol';

/**
 * What the agent reads of where the internet address placed the resident (ADR 46): null when not
 * collected; never more than the town, region and country Ward keeps.
 */
export function approximateLocationText(location: AgentConversation['location']): string | null {
  if (!location) return null;
  const names = [...new Set([location.town, location.region, location.country].filter(Boolean))];
  return names.length ? `${names.join(', ')} (from the internet address)` : 'Unknown (from the internet address)';
}
