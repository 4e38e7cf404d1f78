import { csvCell } from '../audit/audit-csv.rules.ts';
import { locationText } from './export-pack.rules.ts';
import type { ExportPackData } from './export-pack.types.ts';

/** The export pack's CSV files (ADR 34), pure: the same items as data.json, for a spreadsheet. */

const table = (header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>) =>
  [header, ...rows].map((row) => row.map((cell) => csvCell(cell)).join(',')).join('\r\n') + '\r\n';

/** One CSV per kind of item (RFC 4180, CRLF, a header row even when empty). */
export function exportCsvFiles(data: ExportPackData): Record<string, string> {
  return {
    'records.csv': table(
      ['record', 'kind', 'value', 'since', 'retention ends'],
      data.records.flatMap((r) => r.details.map((d) => [r.id, d.kind, d.value, d.since, r.retention.endsAt])),
    ),
    'contacts.csv': table(
      ['case reference', 'channel', 'topic', 'status', 'contacted at', 'closed at', 'summary', 'retention ends'],
      data.contacts.map((c) => [
        c.caseReference,
        c.channel,
        c.topic,
        c.status,
        c.contactedAt,
        c.closedAt,
        c.summary,
        c.retention.endsAt,
      ]),
    ),
    'chats.csv': table(
      [
        'case reference',
        'topic',
        'language',
        'started at',
        'ended at',
        'name',
        'email',
        'IP address',
        'browser',
        'operating system',
        'approximate location',
        'survey rating',
        'survey comment',
        'pre-chat answers',
        'retention ends',
      ],
      data.conversations.map((c) => [
        c.caseReference,
        c.topic,
        c.language,
        c.startedAt,
        c.endedAt,
        c.name,
        c.email,
        c.automaticInformation.ipAddress,
        c.automaticInformation.browser,
        c.automaticInformation.operatingSystem,
        locationText(c.automaticInformation.location),
        c.survey.rating,
        c.survey.comment,
        c.preChatAnswers.map((a) => `${a.question}: ${a.answer}`).join('\n'),
        c.retention.endsAt,
      ]),
    ),
    'messages.csv': table(
      ['case reference', 'number', 'at', 'from', 'text'],
      data.conversations.flatMap((c) => c.messages.map((m) => [c.caseReference, m.number, m.at, m.from, m.text])),
    ),
    'form-answers.csv': table(
      ['case reference', 'form', 'submitted at', 'question', 'answer', 'retention ends'],
      data.formSubmissions.flatMap((f) =>
        f.answers.map((a) => [f.caseReference, f.form, f.submittedAt, a.question, a.answer, f.retention.endsAt]),
      ),
    ),
    'emails.csv': table(
      ['case reference', 'direction', 'at', 'from', 'to', 'subject', 'body', 'attachments', 'retention ends'],
      data.emails.map((e) => [
        e.caseReference,
        e.direction,
        e.at,
        e.from,
        e.to,
        e.subject,
        e.body,
        e.attachments.join('; '),
        e.retention.endsAt,
      ]),
    ),
    'consents.csv': table(
      ['case reference', 'consent', 'at', 'how', 'wording shown', 'privacy notice version', 'withdrawn at'],
      data.consents.map((c) => [
        c.caseReference,
        c.given,
        c.at,
        c.how ?? '',
        c.wording ?? '',
        c.noticeVersion ?? '',
        c.withdrawnAt ?? '',
      ]),
    ),
    'disclosures.csv': table(
      ['case reference', 'recipient', 'recipient contact', 'lawful basis', 'what was shared', 'why', 'disclosed on'],
      data.disclosures.map((d) => [
        d.caseReference,
        d.recipient,
        d.recipientContact,
        d.lawfulBasis,
        d.whatShared,
        d.why,
        d.disclosedOn,
      ]),
    ),
  };
}
