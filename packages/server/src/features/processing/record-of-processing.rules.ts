import { lawfulBasisLabels, type RecordOfProcessing } from '@ward/protocol';
import type { OrganisationSettings } from '../../shared/organisation-settings.ts';
import { csvCell } from '../audit/audit-csv.rules.ts';
import { describePeriod } from '../retention/retention.rules.ts';

/**
 * The record of processing activities (UK GDPR Article 30, ADR 30), built from the live
 * configuration: what Ward stores as configured (capture, forms, retention periods), the purposes,
 * processors and transfers the council set, and the organisations named in the disclosure log.
 * Pure: the caller reads the settings and the recipients; renderers give Markdown and CSV.
 */
export type ProcessingFacts = {
  controller: string;
  settings: OrganisationSettings;
  /** Distinct recipient organisations from the disclosure log. */
  disclosureRecipients: readonly string[];
  /** WARD_MFA_REQUIRED: whose accounts need two-step sign-in. */
  mfaRequired: 'admins-and-privacy-officers' | 'all' | 'none';
  /** The date it is produced (YYYY-MM-DD, Europe/London). */
  today: string;
};

const afterContact = (
  period: OrganisationSettings['retention'][keyof OrganisationSettings['retention']],
  after: string,
) => `${describePeriod(period)} after ${after}, then deleted`;

/** What Ward captures automatically in a chat, as the `capture` settings say. */
export function automaticInformation(capture: OrganisationSettings['capture']): string[] {
  const items: string[] = [];
  if (capture.ipAddress === 'full') items.push('IP address');
  if (capture.ipAddress === 'truncated') items.push('IP address, shortened (the last part removed)');
  if (capture.browser) items.push('browser name and version');
  if (capture.operatingSystem) items.push('operating system');
  // Looked up on Ward's own server in a database shipped with it: no one else is sent the address (ADR 46).
  const location = { country: 'country', region: 'region and country', town: 'town, region and country' };
  if (capture.location !== 'off')
    items.push(`approximate location from the IP address (${location[capture.location]}, never more precise)`);
  return items;
}

const sentence = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One name per recipient organisation: the disclosure log's names trimmed and compared without
 * regard to case or inner spacing (the first spelling wins), sorted; configured processors are
 * listed once, as processors.
 */
export function distinctRecipients(names: readonly string[], processors: readonly string[]): string[] {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  const seen = new Set(processors.map(key));
  const out: string[] = [];
  for (const name of names) {
    const k = key(name);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(name.trim().replace(/\s+/g, ' '));
  }
  return out.sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export function buildRecordOfProcessing(facts: ProcessingFacts): RecordOfProcessing {
  const { settings } = facts;
  const retention = settings.retention;
  const processing = settings.recordOfProcessing;
  const automatic = automaticInformation(settings.capture);
  const forms = settings.forms.map((form) => form.title);
  const formRetention = [...new Set(settings.forms.map((form) => form.retention))]
    .map((category) => `${describePeriod(retention[category])} (${category})`)
    .join('; ');

  const categories: RecordOfProcessing['categories'] = [
    {
      category: 'Chat transcripts',
      data: 'Messages between a resident and staff, and the name and email address the resident gives',
      retention: afterContact(retention['chat-transcripts'], 'the chat ended'),
    },
    {
      category: 'Automatic information',
      data: automatic.length
        ? `${capitalised(sentence(automatic))} of a resident using web chat`
        : 'None: automatic capture is switched off',
      retention: automatic.length ? 'Kept with the chat transcript' : 'Not applicable',
    },
    {
      category: 'Consent evidence',
      data: settings.consent
        ? 'The privacy notice shown, what the resident agreed to and when, and their opt-ins'
        : 'The opt-ins a resident chose (no consent notice is configured)',
      retention: `${afterContact(retention['consent-evidence'], 'the chat ended')}, and never before its transcript`,
    },
    {
      category: 'Contact summaries and notes',
      data: 'Summaries of contacts on every channel, staff notes, requests and the details of disclosures to third parties',
      retention: afterContact(retention['contact-summaries'], 'the case was closed'),
    },
    {
      category: 'Form answers',
      data: forms.length
        ? `Answers to online forms (${sentence(forms)}), and the address a confirmation is sent to`
        : 'None: no online forms are configured',
      retention: forms.length ? `After the case was closed: ${formRetention}` : 'Not applicable',
    },
    {
      category: 'Emails',
      data: 'Emails residents send to the council and staff replies, with attachments',
      retention: afterContact(retention.emails, 'the case was closed'),
    },
    {
      category: 'Customer records',
      data: 'Names, addresses, phone numbers, email addresses, social media handles, contact preferences and notes',
      retention: afterContact(retention['customer-records'], 'the last contact ended'),
    },
    {
      category: 'Rights requests',
      data: 'The requester’s name and contact, how their identity was checked and the request’s history',
      retention: afterContact(retention['rights-requests'], 'the request was closed'),
    },
    {
      category: 'Staff accounts',
      data: 'Names, work email addresses, roles, departments, console language, two-step sign-in settings and sessions',
      retention: 'While the member of staff has an account',
    },
    {
      category: 'Audit trail',
      data: 'Who read, changed, exported or deleted personal data, when and why (identifiers, never the data itself)',
      retention: 'Kept as the council’s evidence of accountability; never changed',
    },
  ];

  const dataSubjects = [
    'Residents and others who contact the council by web chat, email, online forms, phone, social media or in person',
    'Residents with a customer record',
    'People who make a data protection rights request',
    'Council staff who use Ward',
  ];

  const recipients: RecordOfProcessing['recipients'] = [
    ...processing.processors.map((p) => ({ name: p.name, kind: 'processor' as const, detail: p.service })),
    ...distinctRecipients(
      facts.disclosureRecipients,
      processing.processors.map((p) => p.name),
    ).map((name) => ({ name, kind: 'disclosure' as const, detail: 'Named in the disclosure log' })),
  ];

  const twoStep =
    facts.mfaRequired === 'all'
      ? 'Two-step sign-in required for all staff'
      : facts.mfaRequired === 'admins-and-privacy-officers'
        ? 'Two-step sign-in required for administrators and privacy officers'
        : 'Two-step sign-in available to staff (not required)';

  return {
    controller: { name: facts.controller, dataProtectionOfficer: processing.dataProtectionOfficer },
    generatedOn: facts.today,
    dataSubjects,
    categories,
    purposes: processing.purposes.map((p) => ({
      purpose: p.purpose,
      lawfulBasis: p.lawfulBasis,
      lawfulBasisLabel: lawfulBasisLabels[p.lawfulBasis],
    })),
    recipients,
    internationalTransfers: processing.internationalTransfers.map((t) => ({ ...t })),
    security: [
      'Personal data encrypted at rest (AES-256-GCM), one key per resident, wrapped by keys kept outside the database',
      'Every read, change, export and deletion of personal data recorded in an audit trail',
      'The audit trail is a keyed hash chain with signed checkpoints, so a changed or missing entry is detected',
      twoStep,
      'Staff see only the cases of their departments; roles decide who may administer, and who may do privacy work',
      'Card numbers, bank details and National Insurance numbers removed from free text before it is stored',
      'Personal data deleted automatically when its retention period ends, unless under a legal hold',
    ],
  };
}

/** Markdown for a row of a table: pipes and line breaks escaped. */
const cell = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
const table = (head: readonly string[], rows: ReadonlyArray<readonly string[]>) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');

export function renderRecordOfProcessingMarkdown(record: RecordOfProcessing): string {
  const list = (items: readonly string[]) => items.map((item) => `- ${cell(item)}`).join('\n');
  return [
    `# Record of processing activities: ${cell(record.controller.name)}`,
    '',
    `UK GDPR Article 30. Produced by Ward on ${record.generatedOn} from its live configuration.`,
    '',
    '## Controller',
    '',
    `- Name: ${cell(record.controller.name)}`,
    `- Data protection officer: ${cell(record.controller.dataProtectionOfficer ?? 'Not recorded')}`,
    '',
    '## Categories of data subjects',
    '',
    list(record.dataSubjects),
    '',
    '## Categories of personal data and retention',
    '',
    table(
      ['Category', 'Personal data', 'Retention'],
      record.categories.map((c) => [c.category, c.data, c.retention]),
    ),
    '',
    '## Purposes and lawful bases',
    '',
    table(
      ['Purpose', 'Lawful basis'],
      record.purposes.map((p) => [p.purpose, p.lawfulBasisLabel]),
    ),
    '',
    '## Recipients',
    '',
    record.recipients.length
      ? table(
          ['Recipient', 'Kind', 'Detail'],
          record.recipients.map((r) => [r.name, r.kind === 'processor' ? 'Processor' : 'Third party', r.detail]),
        )
      : 'None.',
    '',
    '## International transfers',
    '',
    record.internationalTransfers.length
      ? table(
          ['Destination', 'Safeguard'],
          record.internationalTransfers.map((t) => [t.destination, t.safeguard]),
        )
      : 'None: personal data is not transferred outside the UK.',
    '',
    '## Security measures',
    '',
    list(record.security),
    '',
  ].join('\n');
}

export const recordOfProcessingCsvColumns = ['section', 'item', 'detail', 'basis or retention'] as const;

/** The record as CSV (RFC 4180, CRLF), one row per item: section, item, detail, basis or retention. */
export function renderRecordOfProcessingCsv(record: RecordOfProcessing): string {
  const rows: string[][] = [
    ['controller', record.controller.name, record.controller.dataProtectionOfficer ?? '', ''],
    ...record.dataSubjects.map((s) => ['data subjects', s, '', '']),
    ...record.categories.map((c) => ['personal data', c.category, c.data, c.retention]),
    ...record.purposes.map((p) => ['purpose', p.purpose, '', p.lawfulBasisLabel]),
    ...record.recipients.map((r) => ['recipient', r.name, r.detail, r.kind]),
    ...record.internationalTransfers.map((t) => ['international transfer', t.destination, t.safeguard, '']),
    ...record.security.map((m) => ['security', m, '', '']),
  ];
  return [[...recordOfProcessingCsvColumns], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
