import type { ChatNote, Message } from '@ward/protocol';

/** What heads a note in the message log: always saying the resident does not see it. */
export function noteHeading(note: ChatNote): string {
  const author = note.authorName ?? 'A colleague';
  if (note.kind === 'whisper') return `Whisper from ${author} — not sent to the resident`;
  if (note.kind === 'transfer') {
    const to = note.toStaffName ?? note.toDepartment ?? 'another adviser';
    return `Transferred to ${to} by ${author} — not sent to the resident`;
  }
  return `Internal note from ${author} — not sent to the resident`;
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
