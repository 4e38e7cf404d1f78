import type { Language, RecordDetailValue } from '@ward/protocol';
import type { ApproximateLocation } from '../conversations/ip-location.rules.ts';

/**
 * The shapes of an export pack (ADR 34): what the repository opens for the scope's items, and the
 * pack's `data.json` (documented by docs/schemas/export-pack.schema.json) that export-pack.rules.ts
 * shapes from them.
 */

export const exportPackFormat = 'ward-export-pack';
export const exportPackVersion = 1;

// ---- What the repository reads (opened; `[erased]` where a key was destroyed) ----

export type OpenedRecord = {
  id: string;
  createdAt: Date;
  details: Array<{ value: RecordDetailValue | null; since: Date }>;
};
export type OpenedCase = {
  id: string;
  caseReference: string;
  recordId: string | null;
  channel: string;
  channelDetail: string | null;
  topic: string;
  status: string;
  contactedAt: Date;
  closedAt: Date | null;
  summary: string | null;
  notes: Array<{ at: Date; text: string | null }>;
};
export type OpenedMessage = {
  seq: number;
  at: Date;
  sender: 'visitor' | 'agent' | 'system';
  senderName: string | null;
  text: string;
  consentEvidence: boolean;
};
export type OpenedConversation = {
  id: string;
  caseReference: string;
  topic: string;
  /** The language the resident chose for the chat (ADR 49). */
  language: 'en' | 'cy';
  startedAt: Date;
  endedAt: Date | null;
  name: string | null;
  email: string | null;
  ipAddress: string | null;
  browser: string | null;
  operatingSystem: string | null;
  /** Country, region and town from the IP address (ADR 46); null when not collected. */
  location: ApproximateLocation | null;
  consentGiven: boolean;
  surveyRating: number | null;
  surveyComment: string | null;
  optIns: string[];
  transcriptEmail: string | null;
  /** The answers to the council's own pre-chat questions (ADR 38). */
  preChatAnswers: Array<{ label: string; value: string }>;
  personalDataDeleted: boolean;
  messages: OpenedMessage[];
  corrections: Array<{ at: Date; fields: string[]; previousName: string | null; previousEmail: string | null }>;
  /** Staff's notes, transfer notes and whispers about the chat (ADR 41): what staff wrote about the resident. */
  staffNotes: Array<{ at: Date; kind: string; text: string | null }>;
};
export type OpenedFormSubmission = {
  caseReference: string;
  formId: string;
  formTitle: string;
  submittedAt: Date;
  consentGiven: boolean;
  /** The language the resident used the form in (ADR 50); English when not known. */
  language?: Language;
  answers: Array<{ label: string; value: string }>;
  /** Rectifications of the answers: the question, the answer replaced, when and why. */
  corrections: Array<{ at: Date; question: string; previous: string; reason: string }>;
  personalDataDeleted: boolean;
};
export type OpenedEmail = {
  caseReference: string;
  direction: 'in' | 'out';
  at: Date;
  from: string;
  to: string;
  subject: string;
  body: string;
  attachments: string[];
  personalDataDeleted: boolean;
};
export type OpenedDisclosure = {
  caseReference: string;
  recipientOrganisation: string;
  recipientContact: string | null;
  lawfulBasis: string;
  whatShared: string | null;
  why: string | null;
  disclosedOn: string;
};
/** A consent as recorded (ADR 37): what was agreed, how, in which words, and any withdrawal. */
export type OpenedConsent = {
  conversationId: string | null;
  caseReference: string | null;
  purpose: string;
  how: string;
  wording: string;
  noticeVersion: string | null;
  givenAt: Date;
  withdrawnAt: Date | null;
};
export type ScopeContents = {
  consents: OpenedConsent[];
  records: OpenedRecord[];
  cases: OpenedCase[];
  conversations: OpenedConversation[];
  formSubmissions: OpenedFormSubmission[];
  emails: OpenedEmail[];
  disclosures: OpenedDisclosure[];
};

// ---- What the pack says ----

export type Retention = { category: string; period: string; endsAt: string | null; note: string };
export type ExportPackData = {
  format: typeof exportPackFormat;
  version: typeof exportPackVersion;
  generatedAt: string;
  organisation: string;
  request: { id: string; type: string; receivedOn: string };
  records: Array<{
    id: string;
    createdAt: string;
    details: Array<{ kind: string; value: string; since: string }>;
    retention: Retention;
  }>;
  contacts: Array<{
    caseReference: string;
    channel: string;
    topic: string;
    status: string;
    contactedAt: string;
    closedAt: string | null;
    summary: string | null;
    notes: Array<{ at: string; text: string | null }>;
    retention: Retention;
  }>;
  conversations: Array<{
    caseReference: string;
    topic: string;
    language: 'en' | 'cy';
    startedAt: string;
    endedAt: string | null;
    name: string | null;
    email: string | null;
    automaticInformation: {
      ipAddress: string | null;
      browser: string | null;
      operatingSystem: string | null;
      location: ApproximateLocation | null;
    };
    survey: { rating: number | null; comment: string | null };
    optIns: string[];
    transcriptEmail: string | null;
    preChatAnswers: Array<{ question: string; answer: string }>;
    personalDataDeleted: boolean;
    messages: Array<{ number: number; at: string; from: string; text: string }>;
    corrections: Array<{ at: string; fields: string[]; previousName: string | null; previousEmail: string | null }>;
    staffNotes: Array<{ at: string; kind: string; text: string | null }>;
    retention: Retention;
  }>;
  formSubmissions: Array<{
    caseReference: string;
    form: string;
    submittedAt: string;
    /** The language the resident used the form in (ADR 50): 'en' or 'cy'. */
    language: Language;
    answers: Array<{ question: string; answer: string }>;
    corrections: Array<{ at: string; question: string; previous: string; reason: string }>;
    personalDataDeleted: boolean;
    retention: Retention;
  }>;
  emails: Array<{
    caseReference: string;
    direction: 'to the council' | 'from the council';
    at: string;
    from: string;
    to: string;
    subject: string;
    body: string;
    attachments: string[];
    personalDataDeleted: boolean;
    retention: Retention;
  }>;
  consents: Array<{
    caseReference: string;
    given: string;
    at: string;
    /** Recorded consents (ADR 37) only: how, the exact words, the notice version, any withdrawal. */
    how?: string;
    wording?: string;
    noticeVersion?: string | null;
    withdrawnAt?: string | null;
  }>;
  disclosures: Array<{
    caseReference: string;
    recipient: string;
    recipientContact: string | null;
    lawfulBasis: string;
    whatShared: string | null;
    why: string | null;
    disclosedOn: string;
    retention: Retention;
  }>;
};
