import PDFDocument from 'pdfkit';
import { locationText } from './export-pack.rules.ts';
import type { ExportPackData, Retention } from './export-pack.types.ts';
import { readableTime, staffNoteKind } from './export-report.rules.ts';

/**
 * `report.pdf` of an export pack (ADR 34, pdfkit): the same content as report.html, as flowing
 * text for a resident who wants a document to keep or print. Tagged with a title and language.
 */
export function renderReportPdf(data: ExportPackData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: `Your information held by ${data.organisation}`, Author: data.organisation },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string, size: number) => doc.moveDown(0.5).font('Helvetica-Bold').fontSize(size).text(text);
  const line = (label: string, value: string | number | null) =>
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(value === null || value === '' ? '-' : String(value));
  const kept = (r: Retention) =>
    line(
      'Kept',
      r.endsAt
        ? `${r.period} (${r.category}), until ${readableTime(r.endsAt)}`
        : `${r.period} (${r.category}), ${r.note}`,
    );
  const none = (what: string) => doc.font('Helvetica').fontSize(10).text(`${what}: none.`);

  heading(`Your information held by ${data.organisation}`, 20);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      `Made on ${readableTime(data.generatedAt)} in answer to your request (reference ${data.request.id}). ` +
        'The same information is in data.json and the CSV files of this pack.',
    );

  heading('Your contacts with us', 14);
  if (data.contacts.length === 0) none('Contacts');
  for (const c of data.contacts) {
    heading(`${c.caseReference}: ${c.topic}`, 11);
    line('How', c.channel);
    line('When', readableTime(c.contactedAt));
    line('Status', c.status);
    line('Summary', c.summary);
    kept(c.retention);
  }

  heading('Your customer record', 14);
  if (data.records.length === 0) none('Customer records');
  for (const r of data.records) {
    for (const d of r.details) line(d.kind, d.value);
    kept(r.retention);
  }

  heading('Your chats', 14);
  if (data.conversations.length === 0) none('Chats');
  for (const c of data.conversations) {
    heading(`Chat ${c.caseReference}: ${c.topic}`, 11);
    line('Started', readableTime(c.startedAt));
    line('Name given', c.name);
    line('Email given', c.email);
    for (const a of c.preChatAnswers) line(a.question, a.answer);
    line('IP address collected', c.automaticInformation.ipAddress);
    line('Browser collected', c.automaticInformation.browser);
    line('Operating system collected', c.automaticInformation.operatingSystem);
    line('Approximate location collected', locationText(c.automaticInformation.location));
    kept(c.retention);
    if (c.personalDataDeleted) doc.text('The transcript was deleted when its retention period ended.');
    for (const m of c.messages) line(`${readableTime(m.at)}, ${m.from}`, m.text);
    for (const n of c.staffNotes) line(`${readableTime(n.at)}, ${staffNoteKind(n.kind)} by staff`, n.text);
  }

  heading('Your form answers', 14);
  if (data.formSubmissions.length === 0) none('Forms');
  for (const f of data.formSubmissions) {
    heading(`${f.caseReference}: ${f.form}`, 11);
    for (const a of f.answers) line(a.question, a.answer);
    kept(f.retention);
  }

  heading('Your emails', 14);
  if (data.emails.length === 0) none('Emails');
  for (const e of data.emails) {
    heading(`${e.caseReference}: ${e.subject}`, 11);
    line('Direction', e.direction);
    line('When', readableTime(e.at));
    line('From', e.from);
    line('To', e.to);
    line('Message', e.body);
    kept(e.retention);
  }

  heading('Consents you gave', 14);
  if (data.consents.length === 0) none('Consents');
  for (const c of data.consents)
    line(
      `${c.caseReference}, ${readableTime(c.at)}${c.withdrawnAt ? ` (withdrawn ${readableTime(c.withdrawnAt)})` : ''}`,
      [c.given, c.how, c.wording].filter(Boolean).join(': '),
    );

  heading('Who we shared your information with', 14);
  if (data.disclosures.length === 0) none('Disclosures');
  for (const d of data.disclosures) {
    heading(`${d.caseReference}: ${d.recipient} on ${d.disclosedOn}`, 11);
    line('Lawful basis', d.lawfulBasis);
    line('What was shared', d.whatShared);
    line('Why', d.why);
  }
  doc.end();
  return done;
}
