import type { Message } from '@ward/protocol';

/** Pure text helpers for the app's copy (GOV.UK style). */

/** "2:05pm", in the resident's own time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${minutes}${hours < 12 ? 'am' : 'pm'}`;
}

/** Who a message is from, as shown above it. */
export function senderLabel(message: Pick<Message, 'sender' | 'senderName'>): string {
  if (message.sender === 'visitor') return 'You';
  if (message.sender === 'agent') return message.senderName ?? 'Adviser';
  return 'Update';
}

/** What the polite live region says when a message arrives from the council. */
export function announcementFor(message: Pick<Message, 'sender' | 'senderName' | 'body'>): string | null {
  if (message.sender === 'agent') return `${message.senderName ?? 'The adviser'} says: ${message.body}`;
  if (message.sender === 'system') return message.body;
  return null;
}

export function typingText(name: string | null): string {
  return `${name ?? 'The adviser'} is typing…`;
}

/** What screen readers hear (worded apart from the visible text, which they do not read twice). */
export function typingAnnouncement(name: string | null): string {
  return `${name ?? 'The adviser'} is typing a message`;
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
  const noun = amount === 1 ? 'character' : 'characters';
  const text = over
    ? `You have ${amount.toLocaleString('en-GB')} ${noun} too many`
    : `You have ${amount.toLocaleString('en-GB')} ${noun} remaining`;
  return { text, over, visible: over || length >= max * 0.75 };
}

/**
 * Said under a topic whose advisers are not answering now (issue 11): when they are back, in the
 * resident's own clock, or that nobody is available; null while they are answering.
 */
export function availabilityText(topic: { open: boolean; opensAt: string | null }, now = new Date()): string | null {
  if (topic.open) return null;
  const opens = topic.opensAt ? new Date(topic.opensAt) : null;
  if (!opens || Number.isNaN(opens.getTime())) return 'No advisers are available for this at the moment';
  const sameDay = opens.toDateString() === now.toDateString();
  const day = sameDay ? 'today' : opens.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
  return `Advisers are not available now. They are back ${day} at ${formatTime(opens.toISOString())}`;
}
