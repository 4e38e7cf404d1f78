import { chatNoteMaxChars } from '@ward/protocol';

/**
 * The texts of working a chat (ADR 51): notes and whispers, transfer, canned replies, and where the
 * resident's internet address places them. Welsh in texts-work-cy.ts, with the same keys.
 */
export const chatWorkEn = {
  // ---- notes and whispers ----
  whisperToAdviser: 'Whisper to the adviser',
  addInternalNote: 'Add an internal note',
  whisper: 'Whisper',
  internalNote: 'Internal note',
  whisperHint: 'Only the adviser handling the chat sees it. It is not sent to the resident.',
  noteHint: 'For staff only. It is kept with the chat and is not sent to the resident.',
  sendWhisper: 'Send whisper',
  addNote: 'Add note',
  whisperSent: 'Whisper sent to the adviser.',
  noteAdded: 'Note added. The resident does not see it.',
  enterNote: 'Enter a note',
  noteTooLong: `The note must be ${chatNoteMaxChars} characters or fewer`,
  staffNotes: 'Staff notes',
  staffNotesExplained: 'Internal notes, transfer notes and whispers. The resident does not see them.',
  notesNotRead: (problem: string) => `The notes could not be read: ${problem}`,
  noStaffNotes: 'There are no staff notes.',
  aColleague: 'A colleague',
  anotherAdviser: 'another adviser',
  whisperFrom: (author: string) => `Whisper from ${author} — not sent to the resident`,
  transferredBy: (to: string, author: string) => `Transferred to ${to} by ${author} — not sent to the resident`,
  noteFrom: (author: string) => `Internal note from ${author} — not sent to the resident`,
  // ---- transfer ----
  cannotTransfer: (problem: string) => `The chat cannot be transferred now: ${problem}`,
  transferThisChat: 'Transfer this chat',
  transferTo: 'Transfer to',
  chatIsWith: (department: string) => `The chat is with ${department} now. The resident is told and stays in the chat.`,
  anotherDepartment: 'Another department’s queue',
  anAdviser: 'An adviser',
  department: 'Department',
  selectDepartment: 'Select a department',
  adviser: 'Adviser',
  selectAdviser: 'Select an adviser',
  noteForNext: 'Note for the next adviser (optional)',
  noteForNextHint: 'For staff only. It is not sent to the resident.',
  transferChat: 'Transfer chat',
  transferred: (reference: string, where: string) => `Chat ${reference} transferred to ${where}`,
  selectWhere: 'Select where to transfer the chat',
  // ---- canned replies ----
  loadingCanned: 'Loading canned replies…',
  cannedNotLoaded: (problem: string) => `Canned replies could not be loaded. ${problem}`,
  noCannedMatch: 'No canned replies match',
  cannedFound: (count: number) =>
    `${count} canned ${count === 1 ? 'reply' : 'replies'} found. Use the up and down arrows, then Enter to insert.`,
  searchCanned: 'Search canned replies',
  escapeBack: 'Press Escape to go back to your reply.',
  cannedReplies: 'Canned replies',
  // ---- where the internet address places the resident ----
  fromInternetAddress: (place: string) => `${place} (from the internet address)`,
  unknownPlace: 'Unknown',
  opensInNewTab: ' (opens in new tab)',
};

export type ChatWorkTexts = typeof chatWorkEn;
