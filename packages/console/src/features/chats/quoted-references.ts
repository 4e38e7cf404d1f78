import { findQuotedCaseReferences, maxQuotedReferences, type Message } from '@ward/protocol';

/**
 * The case references a resident has typed in a chat, other than the chat's own, read by the same
 * rule as the server's. The console asks the server for the quoted cases only when this list
 * grows, not on every message. Pure.
 */
export function quotedReferences(messages: readonly Message[], ownReference: string): string[] {
  const found: string[] = [];
  for (const message of messages) {
    if (message.sender !== 'visitor') continue;
    for (const reference of findQuotedCaseReferences(message.body)) {
      if (reference !== ownReference && !found.includes(reference)) found.push(reference);
    }
    if (found.length >= maxQuotedReferences) break;
  }
  return found.slice(0, maxQuotedReferences);
}
