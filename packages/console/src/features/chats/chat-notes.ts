import type { ChatNote, Message } from '@ward/protocol';
import { chatWorkEn, type ChatWorkTexts } from './texts-work-en.ts';

/** What heads a note in the message log: always saying the resident does not see it. */
export function noteHeading(note: ChatNote, says: ChatWorkTexts = chatWorkEn): string {
  const author = note.authorName ?? says.aColleague;
  if (note.kind === 'whisper') return says.whisperFrom(author);
  if (note.kind === 'transfer')
    return says.transferredBy(note.toStaffName ?? note.toDepartment ?? says.anotherAdviser, author);
  return says.noteFrom(author);
}

export type LogEntry = { kind: 'message'; message: Message } | { kind: 'note'; note: ChatNote };

/** Messages and notes in one list by time; a note written at the same moment as a message follows it. */
export function logEntries(messages: readonly Message[], notes: readonly ChatNote[]): LogEntry[] {
  const entries: LogEntry[] = [];
  let next = 0;
  const sorted = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const message of messages) {
    while (next < sorted.length && sorted[next]!.createdAt < message.sentAt)
      entries.push({ kind: 'note', note: sorted[next++]! });
    entries.push({ kind: 'message', message });
  }
  for (; next < sorted.length; next++) entries.push({ kind: 'note', note: sorted[next]! });
  return entries;
}
