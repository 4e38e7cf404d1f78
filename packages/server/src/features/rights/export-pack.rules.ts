import type { Language, RecordDetailValue, RetentionCategory } from '@ward/protocol';
import type { RetentionSettings } from '../../shared/organisation-settings.ts';
import {
  caseExpiresAt,
  describePeriod,
  expiresAt,
  formCategory,
  recordContactAt,
} from '../retention/retention.rules.ts';
import { describeLocation, type ApproximateLocation } from '../conversations/ip-location.rules.ts';

/**
 * The export pack of a rights request (ADR 34): what the scope's items hold, shaped into the pack's
 * `data.json` (documented by docs/schemas/export-pack.schema.json) and one CSV per kind of item.
 * Pure: the repository opens the items, build-export-pack.ts zips.
 */

/** Shown in place of a message an officer withheld: other people's personal data. */
export const withheldText = '[withheld: third-party information]';
export const exportPackFormat = 'ward-export-pack';
export const exportPackVersion = 1;

/** A withheld message's key: its chat and its number in it. */
export const messageKey = (conversationId: string, seq: number) => `${conversationId}/${seq}`;

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

export type ShapeOptions = {
  organisation: string;
  request: { id: string; type: string; receivedOn: string };
  retention: RetentionSettings;
  forms: ReadonlyArray<{ id: string; retention: RetentionCategory }>;
  /** `messageKey`s of the messages withheld as third-party information. */
  withheld: ReadonlySet<string>;
  now: Date;
};

const iso = (date: Date) => date.toISOString();
const openNote = 'kept while the contact is open; the period starts when it closes';

function retentionOf(category: RetentionCategory, settings: RetentionSettings, endsAt: Date | null): Retention {
  return {
    category,
    period: describePeriod(settings[category]),
    endsAt: endsAt ? iso(endsAt) : null,
    note: endsAt ? `deleted after ${iso(endsAt).slice(0, 10)}` : openNote,
  };
}

/** One stored record value as a person reads it. */
export function describeDetail(value: RecordDetailValue | null): { kind: string; value: string } {
  if (!value) return { kind: 'erased', value: '[erased]' };
  switch (value.kind) {
    case 'name':
      return { kind: 'name', value: value.name };
    case 'address':
      return { kind: 'address', value: [...value.lines, value.town, value.postcode].filter(Boolean).join(', ') };
    case 'phone':
      return { kind: 'phone', value: value.label ? `${value.number} (${value.label})` : value.number };
    case 'email':
      return { kind: 'email', value: value.address };
    case 'social-handle':
      return { kind: 'social-handle', value: `${value.platform}: ${value.handle}` };
    case 'contact-preference':
      return { kind: 'contact-preference', value: value.preference };
    case 'note':
      return { kind: 'note', value: value.text };
  }
}

const senderLabel = (message: OpenedMessage) =>
  message.sender === 'visitor' ? 'you' : message.sender === 'agent' ? (message.senderName ?? 'council') : 'Ward';

/** Shapes what the scope holds into the pack's data, with each item's retention and withheld messages replaced. */
export function shapeExportPack(contents: ScopeContents, options: ShapeOptions): ExportPackData {
  const settings = options.retention;
  const closedByCase = new Map(contents.cases.map((c) => [c.caseReference, c]));
  const caseRetention = (reference: string) => {
    const kase = closedByCase.get(reference);
    return retentionOf('contact-summaries', settings, kase ? caseExpiresAt(kase, settings) : null);
  };
  const lastContactEnded = (recordId: string): Date | null => {
    const ends = contents.cases.filter((c) => c.recordId === recordId && c.closedAt).map((c) => c.closedAt!.getTime());
    return ends.length ? new Date(Math.max(...ends)) : null;
  };
  const consents: ExportPackData['consents'] = contents.consents.map((c) => ({
    caseReference: c.caseReference ?? '',
    given: c.purpose,
    at: iso(c.givenAt),
    how: c.how,
    wording: c.wording,
    noticeVersion: c.noticeVersion,
    withdrawnAt: c.withdrawnAt ? iso(c.withdrawnAt) : null,
  }));
  // Contacts from before consents were recorded one by one keep the flag they had.
  const recorded = new Set(contents.consents.map((c) => c.caseReference));
  const conversations = contents.conversations.map((chat) => {
    if (chat.consentGiven && !recorded.has(chat.caseReference))
      consents.push({ caseReference: chat.caseReference, given: 'Consent in the chat form', at: iso(chat.startedAt) });
    for (const message of chat.messages)
      if (message.consentEvidence && !recorded.has(chat.caseReference))
        consents.push({ caseReference: chat.caseReference, given: 'Consent typed in the chat', at: iso(message.at) });
    return {
      caseReference: chat.caseReference,
      topic: chat.topic,
      language: chat.language,
      startedAt: iso(chat.startedAt),
      endedAt: chat.endedAt ? iso(chat.endedAt) : null,
      name: chat.name,
      email: chat.email,
      automaticInformation: {
        ipAddress: chat.ipAddress,
        browser: chat.browser,
        operatingSystem: chat.operatingSystem,
        location: chat.location,
      },
      survey: { rating: chat.surveyRating, comment: chat.surveyComment },
      optIns: chat.optIns,
      transcriptEmail: chat.transcriptEmail,
      preChatAnswers: chat.preChatAnswers.map((a) => ({ question: a.label, answer: a.value })),
      personalDataDeleted: chat.personalDataDeleted,
      messages: chat.messages.map((m) => ({
        number: m.seq,
        at: iso(m.at),
        from: senderLabel(m),
        text: options.withheld.has(messageKey(chat.id, m.seq)) ? withheldText : m.text,
      })),
      corrections: chat.corrections.map((c) => ({ ...c, at: iso(c.at) })),
      staffNotes: chat.staffNotes.map((n) => ({ ...n, at: iso(n.at) })),
      retention: retentionOf(
        'chat-transcripts',
        settings,
        chat.endedAt ? expiresAt(chat.endedAt, settings['chat-transcripts']) : null,
      ),
    };
  });
  const formSubmissions = contents.formSubmissions.map((form) => {
    if (form.consentGiven && !recorded.has(form.caseReference))
      consents.push({
        caseReference: form.caseReference,
        given: `Consent on ${form.formTitle}`,
        at: iso(form.submittedAt),
      });
    const kase = closedByCase.get(form.caseReference);
    const category = formCategory(options.forms, form.formId);
    return {
      caseReference: form.caseReference,
      form: form.formTitle,
      submittedAt: iso(form.submittedAt),
      language: form.language ?? 'en',
      answers: form.answers.map((a) => ({ question: a.label, answer: a.value })),
      corrections: form.corrections.map((c) => ({ ...c, at: iso(c.at) })),
      personalDataDeleted: form.personalDataDeleted,
      retention: retentionOf(
        category,
        settings,
        kase && kase.status === 'closed' && kase.closedAt ? expiresAt(kase.closedAt, settings[category]) : null,
      ),
    };
  });
  return {
    format: exportPackFormat,
    version: exportPackVersion,
    generatedAt: iso(options.now),
    organisation: options.organisation,
    request: options.request,
    records: contents.records.map((record) => ({
      id: record.id,
      createdAt: iso(record.createdAt),
      details: record.details.map((d) => ({ ...describeDetail(d.value), since: iso(d.since) })),
      retention: retentionOf(
        'customer-records',
        settings,
        expiresAt(
          recordContactAt({ createdAt: record.createdAt, lastContactEndedAt: lastContactEnded(record.id) }),
          settings['customer-records'],
        ),
      ),
    })),
    contacts: contents.cases.map((kase) => ({
      caseReference: kase.caseReference,
      channel: kase.channelDetail ? `${kase.channel} (${kase.channelDetail})` : kase.channel,
      topic: kase.topic,
      status: kase.status,
      contactedAt: iso(kase.contactedAt),
      closedAt: kase.closedAt ? iso(kase.closedAt) : null,
      summary: kase.summary,
      notes: kase.notes.map((n) => ({ at: iso(n.at), text: n.text })),
      retention: caseRetention(kase.caseReference),
    })),
    conversations,
    formSubmissions,
    emails: contents.emails.map((email) => ({
      caseReference: email.caseReference,
      direction: email.direction === 'in' ? ('to the council' as const) : ('from the council' as const),
      at: iso(email.at),
      from: email.from,
      to: email.to,
      subject: email.subject,
      body: email.body,
      attachments: email.attachments,
      personalDataDeleted: email.personalDataDeleted,
      retention: retentionOf('emails', settings, expiresAt(email.at, settings.emails)),
    })),
    consents: consents.sort((a, b) => a.at.localeCompare(b.at)),
    disclosures: contents.disclosures.map((d) => ({
      caseReference: d.caseReference,
      recipient: d.recipientOrganisation,
      recipientContact: d.recipientContact,
      lawfulBasis: d.lawfulBasis,
      whatShared: d.whatShared,
      why: d.why,
      disclosedOn: d.disclosedOn,
      retention: caseRetention(d.caseReference),
    })),
  };
}

/** How many items of each kind a pack holds: what the console and the command print. */
export function packCounts(data: ExportPackData): Record<string, number> {
  return {
    'customer records': data.records.length,
    contacts: data.contacts.length,
    chats: data.conversations.length,
    messages: data.conversations.reduce((n, c) => n + c.messages.length, 0),
    'withheld messages': data.conversations.reduce(
      (n, c) => n + c.messages.filter((m) => m.text === withheldText).length,
      0,
    ),
    'form submissions': data.formSubmissions.length,
    emails: data.emails.length,
    consents: data.consents.length,
    disclosures: data.disclosures.length,
  };
}

/** `manifest.json`: every other file of the pack with its size and SHA-256 (hex). */
export function exportManifest(
  data: Pick<ExportPackData, 'generatedAt' | 'format' | 'version'>,
  files: ReadonlyArray<{ name: string; bytes: number; sha256: string }>,
): string {
  return (
    JSON.stringify(
      { format: data.format, version: data.version, generatedAt: data.generatedAt, algorithm: 'SHA-256', files },
      null,
      2,
    ) + '\n'
  );
}

/** "Cardiff, Wales, United Kingdom", "Unknown" when looked up and not found, null when not collected. */
export const locationText = (location: ApproximateLocation | null): string | null =>
  location && (describeLocation(location) ?? 'Unknown');
