import { durationUnitsEn } from '../reports/texts-en.ts';

/** The live view and a watched chat's texts (issue 11, ADR 51); Welsh in texts-cy.ts, with the same keys. */
export const supervisionEn = {
  units: durationUnitsEn,
  title: 'Live view',
  intro:
    'Your departments now: who is waiting, each member of staff’s status and chats, and the chats in progress. Open a chat to follow it without taking part, or to take it over.',
  loading: 'Loading the live view…',
  queuesHeading: 'Queues',
  queuesCaption: 'Residents waiting in each department',
  department: 'Department',
  waiting: 'Waiting',
  longestWait: 'Longest wait',
  staffHeading: 'Staff',
  nobodyAnswers: 'Nobody answers chats in your departments.',
  staffCaption: 'Staff who answer chats in your departments: status, chats now and departments',
  name: 'Name',
  status: 'Status',
  chatsNow: 'Chats now',
  chatsOf: (active: string, capacity: string) => `${active} of ${capacity}`,
  console: 'Console',
  connected: 'Connected',
  notConnected: 'Not connected',
  departments: 'Departments',
  allDepartments: 'All departments',
  statusFor: (duration: string) => ` for ${duration}`,
  chatsHeading: 'Chats in progress',
  noChats: 'No chats are in progress.',
  chatsCaption: 'Chats in progress in your departments',
  caseReference: 'Case reference',
  topic: 'Topic',
  handledBy: 'Handled by',
  answered: 'Answered',
  action: 'Action',
  open: 'Open',
  openChat: (reference: string) => ` chat ${reference}`,
  updatedAt: (time: string) => `Updated at ${time}.`,
  // ---- a watched chat ----
  backToLiveView: 'Back to the live view',
  chat: 'Chat',
  chatTitle: (reference: string) => `Chat ${reference}`,
  opening: 'Opening the chat…',
  following:
    'You are following this chat without taking part: you cannot write in it, and the resident does not see you.',
  resident: 'Resident',
  started: 'Started',
  takeOverHeading: 'Take over this chat',
  takeOverExplained:
    'The chat and its case become yours. The adviser can no longer reply, and the resident is told a colleague has joined.',
  takeOver: 'Take over chat',
  takenOver: 'You have taken over the chat. The resident has been told a colleague has joined.',
  chatEnded: 'This chat has ended.',
};

export type SupervisionTexts = typeof supervisionEn;
