import type { RecordDetailValue, RetentionCategory } from '@ward/protocol';
import type { RetentionSettings } from '../../shared/organisation-settings.ts';
import {
  caseExpiresAt,
  describePeriod,
  expiresAt,
  formCategory,
  recordContactAt,
} from '../retention/retention.rules.ts';
import { describeLocation, type ApproximateLocation } from '../conversations/ip-location.rules.ts';
import {
  exportPackFormat,
  exportPackVersion,
  type ExportPackData,
  type OpenedMessage,
  type Retention,
  type ScopeContents,
} from './export-pack.types.ts';

/**
 * The export pack of a rights request (ADR 34): what the scope's items hold, shaped into the pack's
 * `data.json` (documented by docs/schemas/export-pack.schema.json) and one CSV per kind of item.
 * Pure: the repository opens the items, build-export-pack.ts zips.
 */

/** Shown in place of a message an officer withheld: other people's personal data. */
export const withheldText = '[withheld: third-party information]';

/** A withheld message's key: its chat and its number in it. */
export const messageKey = (conversationId: string, seq: number) => `${conversationId}/${seq}`;

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
