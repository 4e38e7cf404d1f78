import type { Message } from '@ward/protocol';
import { announcementsEn, type AnnouncementTexts } from './announcements-en.ts';

/** Messages from the resident after the last one the agent has seen. */
export function unreadCount(messages: readonly Message[], lastReadSeq: number): number {
  let count = 0;
  for (const message of messages) if (message.sender === 'visitor' && message.seq > lastReadSeq) count++;
  return count;
}

/** "1 unread", "2 unread": the text screen readers hear with a chat's count badge. */
export function unreadText(count: number, says: AnnouncementTexts = announcementsEn): string {
  return says.unread(count);
}
