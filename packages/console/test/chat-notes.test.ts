import type { ChatNote } from '@ward/protocol';
import { describe, expect, it } from 'vitest';
import { logEntries, noteHeading } from '../src/features/chats/chat-notes.ts';
import { validateNote, validateTransfer } from '../src/features/chats/validate-chat.ts';
import { validateCannedReply } from '../src/features/canned-replies/validate-canned-reply.ts';
import { message } from './helpers.ts';

const note = (over: Partial<ChatNote> = {}): ChatNote => ({
  id: 'n1',
  conversationId: 'c1',
  kind: 'note',
  body: 'Check the bill',
  authorName: 'Tara Tax',
  authorStaffId: 's1',
  toDepartment: null,
  toStaffName: null,
  createdAt: '2025-06-03T13:00:01.500Z',
  ...over,
});

describe('notes in the message log', () => {
  it('says on every note that the resident does not see it, and who wrote it', () => {
    expect(noteHeading(note())).toBe('Internal note from Tara Tax — not sent to the resident');
    expect(noteHeading(note({ kind: 'whisper', authorName: 'Sue Pervisor' }))).toBe(
      'Whisper from Sue Pervisor — not sent to the resident',
    );
    expect(noteHeading(note({ kind: 'transfer', toDepartment: 'Housing' }))).toBe(
      'Transferred to Housing by Tara Tax — not sent to the resident',
    );
    expect(noteHeading(note({ kind: 'transfer', toDepartment: 'Housing', toStaffName: 'Colin Tax' }))).toBe(
      'Transferred to Colin Tax by Tara Tax — not sent to the resident',
    );
  });

  it('places notes among the messages by time, after a message of the same moment', () => {
    // message(n) is sent at 13:00:0n.
    const entries = logEntries(
      [message(1), message(2), message(3)],
      [
        note({ id: 'late', createdAt: '2025-06-03T13:00:09.000Z' }),
        note(),
        note({ id: 'same', createdAt: message(3).sentAt }),
      ],
    );
    expect(entries.map((e) => (e.kind === 'note' ? e.note.id : e.message.seq))).toEqual([
      1,
      'n1',
      2,
      3,
      'same',
      'late',
    ]);
  });

  it('checks a note and a transfer before they are sent', () => {
    expect(validateNote('  ')).toBe('Enter a note');
    expect(validateNote('x'.repeat(2001))).toBe('The note must be 2000 characters or fewer');
    expect(validateTransfer('', '', '')).toEqual({ to: 'Select where to transfer the chat' });
    expect(validateTransfer('department', '', '')).toEqual({ choice: 'Select a department' });
    expect(validateTransfer('adviser', '', '')).toEqual({ choice: 'Select an adviser' });
    expect(validateTransfer('adviser', 'a1', '')).toEqual({});
  });

  it('checks a canned reply before it is saved', () => {
    expect(validateCannedReply(' ', '')).toEqual({ title: 'Enter a title', body: 'Enter the text of the reply' });
    expect(validateCannedReply('Greeting', 'Hello {resident first name}')).toEqual({});
  });
});
