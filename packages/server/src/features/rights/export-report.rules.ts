import { locationText } from './export-pack.rules.ts';
import type { ExportPackData, Retention } from './export-pack.types.ts';

/**
 * `report.html` of an export pack (ADR 34): one standalone, accessible page for the resident: a
 * language, one heading outline, tables with captions and column headers, no script and no
 * outside resources (it is opened from a ZIP, offline).
 */

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const esc = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : escapeHtml(String(value));
/** A timestamp as people read it, in UK time. */
export function readableTime(isoText: string | null): string {
  if (!isoText) return '';
  return new Date(isoText).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    dateStyle: 'long',
    timeStyle: 'short',
  });
}
const retentionText = (r: Retention) =>
  r.endsAt
    ? `${r.period} (${r.category}): kept until ${readableTime(r.endsAt)}`
    : `${r.period} (${r.category}): ${r.note}`;

function table(caption: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  if (rows.length === 0) return `<p>${esc(caption)}: none.</p>`;
  return [
    '<table>',
    `<caption>${esc(caption)}</caption>`,
    `<thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

const styles = `body{font-family:Arial,sans-serif;line-height:1.5;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#0b0c0c}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid #505a5f;padding:.4rem;text-align:left;vertical-align:top}th{background:#f3f2f1}
td{white-space:pre-wrap;overflow-wrap:anywhere}section{margin-bottom:2rem}`;

/** Notes, transfer notes and whispers (ADR 41) as a resident would name them. */
export function staffNoteKind(kind: string): string {
  if (kind === 'transfer') return 'Note when the chat was passed on';
  if (kind === 'whisper') return 'Message between staff';
  return 'Note';
}

export function renderReportHtml(data: ExportPackData): string {
  const contacts = table(
    'Every contact with its case reference',
    ['Case reference', 'How', 'Topic', 'Status', 'When', 'Summary', 'Kept'],
    data.contacts.map((c) => [
      esc(c.caseReference),
      esc(c.channel),
      esc(c.topic),
      esc(c.status),
      esc(readableTime(c.contactedAt)),
      esc(c.summary),
      esc(retentionText(c.retention)),
    ]),
  );
  const records = data.records.map((r, i) =>
    table(
      `Customer record ${i + 1} (created ${readableTime(r.createdAt)}; ${retentionText(r.retention)})`,
      ['What', 'Value', 'Since'],
      r.details.map((d) => [esc(d.kind), esc(d.value), esc(readableTime(d.since))]),
    ),
  );
  const chats = data.conversations.map((c) =>
    [
      `<section aria-labelledby="chat-${esc(c.caseReference)}">`,
      `<h3 id="chat-${esc(c.caseReference)}">Chat ${esc(c.caseReference)}: ${esc(c.topic)}</h3>`,
      '<dl>',
      `<dt>Language</dt><dd>${c.language === 'cy' ? 'Welsh' : 'English'}</dd>`,
      `<dt>Started</dt><dd>${esc(readableTime(c.startedAt))}</dd>`,
      `<dt>Ended</dt><dd>${esc(readableTime(c.endedAt)) || 'Not ended'}</dd>`,
      `<dt>Name given</dt><dd>${esc(c.name)}</dd>`,
      `<dt>Email given</dt><dd>${esc(c.email) || 'None'}</dd>`,
      ...c.preChatAnswers.map((a) => `<dt>${esc(a.question)}</dt><dd>${esc(a.answer)}</dd>`),
      `<dt>Survey</dt><dd>${c.survey.rating === null ? 'Not answered' : `${esc(c.survey.rating)} out of 5 ${esc(c.survey.comment)}`}</dd>`,
      `<dt>Kept</dt><dd>${esc(retentionText(c.retention))}</dd>`,
      '</dl>',
      table(
        `Information collected automatically in chat ${c.caseReference}`,
        ['IP address', 'Browser', 'Operating system', 'Approximate location'],
        [
          [
            esc(c.automaticInformation.ipAddress) || 'Not collected',
            esc(c.automaticInformation.browser) || 'Not collected',
            esc(c.automaticInformation.operatingSystem) || 'Not collected',
            esc(locationText(c.automaticInformation.location)) || 'Not collected',
          ],
        ],
      ),
      c.personalDataDeleted
        ? '<p>The transcript was deleted when its retention period ended.</p>'
        : table(
            `Transcript of chat ${c.caseReference}`,
            ['Number', 'When', 'From', 'Message'],
            c.messages.map((m) => [esc(m.number), esc(readableTime(m.at)), esc(m.from), esc(m.text)]),
          ),
      c.staffNotes.length === 0
        ? ''
        : table(
            `What staff wrote about chat ${c.caseReference}`,
            ['When', 'Kind', 'Note'],
            c.staffNotes.map((n) => [esc(readableTime(n.at)), esc(staffNoteKind(n.kind)), esc(n.text)]),
          ),
      '</section>',
    ].join('\n'),
  );
  const forms = table(
    'Form answers',
    ['Case reference', 'Form', 'Submitted', 'Question', 'Answer', 'Kept'],
    data.formSubmissions.flatMap((f) =>
      f.answers.map((a) => [
        esc(f.caseReference),
        esc(f.form),
        esc(readableTime(f.submittedAt)),
        esc(a.question),
        esc(a.answer),
        esc(retentionText(f.retention)),
      ]),
    ),
  );
  const formCorrections = table(
    'Corrections of your form answers',
    ['Case reference', 'Form', 'When', 'Question', 'The answer before', 'Why it was corrected'],
    data.formSubmissions.flatMap((f) =>
      f.corrections.map((c) => [
        esc(f.caseReference),
        esc(f.form),
        esc(readableTime(c.at)),
        esc(c.question),
        esc(c.previous),
        esc(c.reason),
      ]),
    ),
  );
  const emails = table(
    'Emails',
    ['Case reference', 'Direction', 'When', 'From', 'To', 'Subject', 'Message', 'Kept'],
    data.emails.map((e) => [
      esc(e.caseReference),
      esc(e.direction),
      esc(readableTime(e.at)),
      esc(e.from),
      esc(e.to),
      esc(e.subject),
      esc(e.body),
      esc(retentionText(e.retention)),
    ]),
  );
  const consents = table(
    'Consents you gave',
    ['Case reference', 'Consent', 'When', 'How, and the words you were shown'],
    data.consents.map((c) => [
      esc(c.caseReference),
      esc(c.given),
      esc(readableTime(c.at) + (c.withdrawnAt ? ` (withdrawn ${readableTime(c.withdrawnAt)})` : '')),
      esc(
        [c.how, c.wording, c.noticeVersion ? `privacy notice version ${c.noticeVersion}` : null]
          .filter(Boolean)
          .join(': '),
      ),
    ]),
  );
  const disclosures = table(
    'Who your information was shared with',
    ['Case reference', 'Shared with', 'Lawful basis', 'What was shared', 'Why', 'When'],
    data.disclosures.map((d) => [
      esc(d.caseReference),
      esc(d.recipient),
      esc(d.lawfulBasis),
      esc(d.whatShared),
      esc(d.why),
      esc(d.disclosedOn),
    ]),
  );
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your information held by ${esc(data.organisation)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>Your information held by ${esc(data.organisation)}</h1>
<p>This report was made on ${esc(readableTime(data.generatedAt))} in answer to your request (reference ${esc(data.request.id)}). The same information is in <code>data.json</code> and the CSV files beside this page, for use in other software. Where a message named someone else, it shows “[withheld: third-party information]”; “[erased]” marks information that has been erased.</p>
<section aria-labelledby="contacts"><h2 id="contacts">Your contacts with us</h2>
${contacts}
</section>
<section aria-labelledby="records"><h2 id="records">Your customer record</h2>
${records.join('\n') || '<p>You have no customer record.</p>'}
</section>
<section aria-labelledby="chats"><h2 id="chats">Your chats</h2>
${chats.join('\n') || '<p>You have no chats.</p>'}
</section>
<section aria-labelledby="forms"><h2 id="forms">Your form answers</h2>
${forms}
${data.formSubmissions.some((f) => f.corrections.length > 0) ? formCorrections : ''}
</section>
<section aria-labelledby="emails"><h2 id="emails">Your emails</h2>
${emails}
</section>
<section aria-labelledby="consents"><h2 id="consents">Consents you gave</h2>
${consents}
</section>
<section aria-labelledby="disclosures"><h2 id="disclosures">Who we shared your information with</h2>
${disclosures}
</section>
</main>
</body>
</html>
`;
}
