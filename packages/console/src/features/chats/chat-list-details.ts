import type { Message } from '@ward/protocol';

/** What each chat in the agent's list tells them besides its name: pure, from the chat's messages. */

/** When the last message of the chat (anyone's, Ward's notices included) was sent; null before the first. */
export function lastMessageAt(messages: readonly Message[]): string | null {
  return messages.at(-1)?.sentAt ?? null;
}

/**
 * Since when the resident has been waiting for a reply: their first message after the agent's last
 * one (Ward's own notices do not count as a reply). Null when the agent has answered everything.
 */
export function residentWaitingSince(messages: readonly Message[]): string | null {
  let since: string | null = null;
  for (const message of messages) {
    if (message.sender === 'agent') since = null;
    else if (message.sender === 'visitor' && since === null) since = message.sentAt;
  }
  return since;
}
