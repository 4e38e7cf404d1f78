import type { CaseEmail, RefusedAttachmentReason } from '@ward/protocol';
import { wordsEn } from '../../i18n/words-en.ts';

/**
 * How the console names a case's channels, statuses and history (ADR 51), shared by the cases pages
 * and the chats workspace's quoted cases; Welsh in texts-words-cy.ts, with the same keys.
 */
export const caseWordsEn = {
  channels: wordsEn.channels,
  formerlyTwitter: 'X (formerly Twitter)',
  anotherPlatform: 'Another platform',
  statuses: wordsEn.caseStatuses,
  unknownStatus: 'unknown',
  // ---- the case's history ----
  noteAdded: 'Note added',
  requestReceived: 'Request received',
  statusSetTo: (to: string) => `Status set to ${to}`,
  reopenedAs: (to: string) => `Reopened: status changed from closed to ${to}`,
  statusChanged: (from: string, to: string) => `Status changed from ${from} to ${to}`,
  formerStaff: 'a former member of staff',
  noLongerOwner: (from: string) => `${from} is no longer the owner`,
  ownerRemoved: 'Owner removed',
  ownerChanged: (from: string, to: string) => `Owner changed from ${from} to ${to}`,
  givenTo: (to: string) => `Given to ${to}`,
  anotherDepartment: 'another department',
  transferred: (from: string, to: string) => `Transferred from ${from} to ${to}`,
  relatedCaseChanged: 'Related case changed',
  linkedTo: (reference: string) => `Linked to case ${reference}`,
  unlinkedFrom: (reference: string) => `Unlinked from case ${reference}`,
  recordChanged: 'Customer record changed',
  lawfulBases: wordsEn.lawfulBases,
  sharedWith: (organisation: string, date: string, basis: string) =>
    `Shared with ${organisation} on ${date} (${basis})`,
  // ---- emails ----
  bytes: (count: number) => `${count} ${count === 1 ? 'byte' : 'bytes'}`,
  refusedReasons: {
    'type-not-allowed': 'this type of file is not accepted',
    'content-does-not-match-name': 'its content does not match its name',
    'too-large': 'it is too large',
    'too-many': 'the email had too many attachments',
  } satisfies Record<RefusedAttachmentReason, string>,
  emailStatuses: { received: 'Received', queued: 'Sending', sent: 'Sent' } satisfies Record<
    CaseEmail['status'],
    string
  >,
  // ---- the cases a resident quoted in a chat ----
  quotedHeading: 'Cases the resident quoted',
  quotedNotFound: (problem: string) => `The cases the resident quoted could not be found: ${problem}`,
  quotedFound: (reference: string, topic: string, channel: string, status: string) =>
    `Case ${reference} found: ${topic}, ${channel}, ${status}`,
  quotedManyFound: (count: number) => `${count} cases the resident quoted were found`,
  onlyDepartmentSees: (department: string) => `Only ${department} staff can see its details.`,
};

export type CaseWords = typeof caseWordsEn;
