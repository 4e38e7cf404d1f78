import { chatNoteMaxChars, limits } from '@ward/protocol';
import { chatsEn, type ChatsTexts } from './texts-en.ts';
import { chatWorkEn, type ChatWorkTexts } from './texts-work-en.ts';

/** The error for a reply the agent is about to send, or null when it can be sent; in `says`' language. */
export function validateReply(body: string, says: ChatsTexts = chatsEn): string | null {
  if (body.trim() === '') return says.enterMessage;
  if (body.length > limits.messageBodyMaxChars) return says.messageTooLong;
  return null;
}

export function validateSummary(summary: string, says: ChatsTexts = chatsEn): string | null {
  if (summary.trim() === '') return says.enterSummary;
  if (summary.trim().length > limits.summaryMaxChars) return says.summaryTooLong;
  return null;
}

export function validateNote(note: string, says: ChatWorkTexts = chatWorkEn): string | null {
  if (note.trim() === '') return says.enterNote;
  if (note.trim().length > chatNoteMaxChars) return says.noteTooLong;
  return null;
}

/** A transfer: a department or an adviser chosen, and a note of a length Ward keeps. */
export function validateTransfer(
  to: 'department' | 'adviser' | '',
  choice: string,
  note: string,
  says: ChatWorkTexts = chatWorkEn,
): Partial<Record<'to' | 'choice' | 'note', string>> {
  if (to === '') return { to: says.selectWhere };
  if (choice === '') return { choice: to === 'department' ? says.selectDepartment : says.selectAdviser };
  if (note.trim().length > chatNoteMaxChars) return { note: says.noteTooLong };
  return {};
}
