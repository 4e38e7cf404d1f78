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
  // ---- the resident's customer record ----
  none: 'None',
  unnamedResident: 'Unnamed resident',
  matchesOn: 'Matches on',
  emailAddress: 'Email address',
  phoneNumber: 'Phone number',
  postcode: 'Postcode',
  contacts: 'Contacts',
  lastOn: (date: string) => `, last on ${date}`,
  matched: { email: 'email address', name: 'name', postcode: 'postcode', phone: 'phone number' } as Record<
    string,
    string
  >,
  and: 'and',
  linkToRecord: 'Link chat to this record',
  enterPostcodeOrPhone: 'Enter a postcode or a phone number',
  postcodeError: 'Enter a real postcode, like SW1A 1AA',
  phoneError: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
  recordsFound: (count: number) => `${count} possible ${count === 1 ? 'record' : 'records'} found`,
  recordCreated: 'A new record was created and the chat linked to it',
  chatLinked: 'The chat is linked to the record',
  customerRecord: 'Customer record',
  linkedToRecord: 'This chat is linked to a customer record.',
  openRecord: 'Open the customer record',
  lookingForRecord: 'Looking for the resident’s record…',
  notLinked: 'The chat was not linked',
  noRecordsMatch: 'No records match the details given before the chat.',
  askColleague:
    'Ask a colleague in that department, or an administrator, to link the chat, or create a record if you are sure it is someone else.',
  mayBeResidents: 'These records may be the resident’s. Check with them before you link the chat.',
  lookByPostcodeOrPhone: 'Look for the record by postcode or phone number',
  findRecords: 'Find records',
  noneIsResident: 'If none of these is the resident, create a record from the details they gave before the chat.',
  createRecord: 'Create a new record from this chat',
  inOtherDepartments: (count: number) =>
    count === 1
      ? 'A record that may be the resident’s exists in another department.'
      : `${count} records that may be the resident’s exist in other departments.`,
  // ---- where the internet address places the resident ----
  fromInternetAddress: (place: string) => `${place} (from the internet address)`,
  unknownPlace: 'Unknown',
  opensInNewTab: ' (opens in new tab)',
};

export type ChatWorkTexts = typeof chatWorkEn;
