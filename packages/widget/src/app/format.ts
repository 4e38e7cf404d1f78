import type { Message } from '@ward/protocol';
import { inactivityWarningStarts } from '@ward/protocol/resident-rules';
import { m, number } from './i18n.ts';

/** Pure text helpers for the app's copy (GOV.UK style). */

/** "2:05pm" ("14:05" in Welsh), in the resident's own time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (m.locale !== 'en-GB') return date.toLocaleTimeString(m.locale, { hour: 'numeric', minute: '2-digit' });
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${minutes}${hours < 12 ? 'am' : 'pm'}`;
}

/** Who a message is from, as shown above it. */
export function senderLabel(message: Pick<Message, 'sender' | 'senderName'>): string {
  if (message.sender === 'visitor') return m.you;
  if (message.sender === 'agent') return message.senderName ?? m.adviser;
  return m.update;
}

/**
 * What the polite live region says when a message arrives from the council. Not the warning that the
 * chat will close, in either language: its notice, with the Stay button, says that at once (ADR 43).
 */
export function announcementFor(message: Pick<Message, 'sender' | 'senderName' | 'body'>): string | null {
  if (message.sender === 'agent') return m.says(message.senderName, message.body);
  if (message.sender === 'system' && !isInactivityWarning(message.body)) return message.body;
  return null;
}

/** Ward's warning that a silent chat will close, written in the chat's language (English or Welsh). */
export function isInactivityWarning(body: string): boolean {
  return Object.values(inactivityWarningStarts).some((start) => body.startsWith(start));
}

export function typingText(name: string | null): string {
  return m.typing(name);
}

/** What screen readers hear (worded apart from the visible text, which they do not read twice). */
export function typingAnnouncement(name: string | null): string {
  return m.typingSpoken(name);
}

export interface CharacterCount {
  /** e.g. "You have 120 characters remaining" or "You have 3 characters too many". */
  text: string;
  over: boolean;
  /** GOV.UK character count threshold: shown once 75% of the limit is used. */
  visible: boolean;
}

export function characterCount(length: number, max: number): CharacterCount {
  const remaining = max - length;
  const over = remaining < 0;
  const amount = Math.abs(remaining);
  const text = over ? m.charactersOver(number(amount)) : m.charactersLeft(number(amount));
  return { text, over, visible: over || length >= max * 0.75 };
}

/**
 * Said under a topic whose advisers are not answering now (issue 11): when they are back, in the
 * resident's own clock, or that nobody is available; open but nobody online, that they may still wait;
 * null while someone is answering.
 */
export function availabilityText(
  topic: { open: boolean; opensAt: string | null; staffed: boolean },
  now = new Date(),
): string | null {
  if (topic.open) return topic.staffed ? null : m.notFreeNow;
  const opens = topic.opensAt ? new Date(topic.opensAt) : null;
  if (!opens || Number.isNaN(opens.getTime())) return m.noneAvailable;
  const sameDay = opens.toDateString() === now.toDateString();
  const day = sameDay
    ? m.today
    : opens.toLocaleDateString(m.locale, { weekday: 'long', day: 'numeric', month: 'long' });
  return m.backAt(day, formatTime(opens.toISOString()));
}

/** "You are number 2 in the queue": what the resident sees and hears while they wait (issue 11). */
export function queuePlace(position: number): string {
  return m.queuePlace(number(position));
}

/** The usual wait, never more precise than the server's round figure; null when it cannot say. */
export function usualWaitText(minutes: number | null): string | null {
  return minutes === null ? null : m.usualWait(minutes);
}
