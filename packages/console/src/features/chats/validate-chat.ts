import { chatNoteMaxChars, limits } from '@ward/protocol';

/** The error for a reply the agent is about to send, or null when it can be sent. */
export function validateReply(body: string): string | null {
  if (body.trim() === '') return 'Enter a message';
  if (body.length > limits.messageBodyMaxChars)
    return `Your message must be ${limits.messageBodyMaxChars} characters or fewer`;
  return null;
}

export function validateSummary(summary: string): string | null {
  if (summary.trim() === '') return 'Enter a summary of the contact';
  if (summary.trim().length > limits.summaryMaxChars)
    return `The summary must be ${limits.summaryMaxChars} characters or fewer`;
  return null;
}

export function validateNote(note: string): string | null {
  if (note.trim() === '') return 'Enter a note';
  if (note.trim().length > chatNoteMaxChars) return `The note must be ${chatNoteMaxChars} characters or fewer`;
  return null;
}

/** A transfer: a department or an adviser chosen, and a note of a length Ward keeps. */
export function validateTransfer(
  to: 'department' | 'adviser' | '',
  choice: string,
  note: string,
): Partial<Record<'to' | 'choice' | 'note', string>> {
  if (to === '') return { to: 'Select where to transfer the chat' };
  if (choice === '') return { choice: to === 'department' ? 'Select a department' : 'Select an adviser' };
  if (note.trim().length > chatNoteMaxChars)
    return { note: `The note must be ${chatNoteMaxChars} characters or fewer` };
  return {};
}
