import type { AgentStatus, RedactionCategory } from '@ward/protocol';
import { formatTime } from '../ui/format.ts';
import type { ChatAlert } from './chat-alerts.ts';

/**
 * What the chats workspace says of itself in words: its live-region announcements, statuses and
 * the words the pure realtime modules build (ADR 51). Welsh in announcements-cy.ts, same keys.
 */
export const announcementsEn = {
  time: (iso: string) => formatTime(iso, 'en'),
  residentSays: (name: string, body: string) => `${name}: ${body}`,
  newMessageIn: (reference: string) => `New message in chat ${reference}`,
  closedForInactivity: (reference: string) =>
    `Chat ${reference} closed because there was no activity. Write a summary to close it.`,
  residentEnded: (name: string, reference: string) => `${name} ended chat ${reference}. Write a summary to close it.`,
  chatsWaiting: (count: number) => `${count} new chats waiting`,
  chatWaiting: (topic: string, reference: string) => `New chat waiting: ${topic}, case reference ${reference}`,
  whisperFrom: (author: string | null, body: string) => `Whisper from ${author ?? 'a supervisor'}: ${body}`,
  takenOver: (reference: string) => `A colleague has taken over chat ${reference}. It has left your chats.`,
  chatOpened: (topic: string, reference: string) => `Chat opened: ${topic}, ${reference}`,
  transferred: (reference: string) => `Chat ${reference} has been transferred`,
  warningText: (time: string, name: string) =>
    `The chat closes at ${time} unless someone writes or ${name} chooses to stay.`,
  warned: (reference: string, name: string, warning: string) =>
    `Chat ${reference}: ${name} has been warned. ${warning}`,
  choseToStay: (name: string, reference: string) => `${name} chose to stay in chat ${reference}.`,
  statusLabels: { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' } satisfies Record<
    AgentStatus,
    string
  >,
  statusIdle: 'Your status is now Away, after a while without activity. Choose Available to be given chats.',
  statusNow: (label: string) => `Your status is now ${label}`,
  redacted: {
    'card-number': 'card details',
    'bank-details': 'bank details',
    'national-insurance-number': 'a National Insurance number',
  } satisfies Record<RedactionCategory, string>,
  /** "card details, bank details and a National Insurance number" */
  list: (items: readonly string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`,
  redactedHeading: (list: string) => `Ward removed ${list} from your message.`,
  redactedAdvice:
    'The resident sees a marker in its place. Do not ask for or repeat card details, bank details or National Insurance numbers in a chat.',
  sendFailed: 'Your message was not sent.',
  /** A desktop notification's words: no personal data, as anyone near the screen may see it. */
  alerts: { 'new-chat': 'New chat waiting', 'new-message': 'New message in a chat' } satisfies Record<
    ChatAlert,
    string
  >,
  unread: (count: number) => `${count} unread`,
};

export type AnnouncementTexts = typeof announcementsEn;
