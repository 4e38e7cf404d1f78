import { describe, expect, it } from 'vitest';
import { exportLinkEmail, linkProblemPage } from '../src/features/rights/export-link.rules.ts';
import { messageKey, packCounts, shapeExportPack, withheldText } from '../src/features/rights/export-pack.rules.ts';
import type { ExportPackData, ScopeContents } from '../src/features/rights/export-pack.types.ts';
import { exportCsvFiles } from '../src/features/rights/export-csv.rules.ts';
import { renderReportHtml } from '../src/features/rights/export-report.rules.ts';
import { OrganisationSettings } from '../src/shared/organisation-settings.ts';

const settings = OrganisationSettings.parse({ topics: [{ id: 'bins', label: 'Bins' }] });
const at = (text: string) => new Date(text);
const contents: ScopeContents = {
  consents: [],
  records: [
    {
      id: 'r1',
      createdAt: at('2026-03-01T10:00:00Z'),
      details: [
        { value: { kind: 'name', name: 'Ada <b>Lovelace</b>' }, since: at('2026-03-01T10:00:00Z') },
        { value: null, since: at('2026-03-01T10:00:00Z') },
      ],
    },
  ],
  cases: [
    {
      id: 'k1',
      caseReference: 'AAAA-BBBB',
      recordId: 'r1',
      channel: 'chat',
      channelDetail: null,
      topic: 'Bins',
      status: 'closed',
      contactedAt: at('2026-03-02T10:00:00Z'),
      closedAt: at('2026-03-02T11:00:00Z'),
      summary: 'Bin reported',
      notes: [],
    },
    {
      id: 'k2',
      caseReference: 'CCCC-DDDD',
      recordId: 'r1',
      channel: 'phone',
      channelDetail: null,
      topic: 'Council Tax',
      status: 'open',
      contactedAt: at('2026-04-02T10:00:00Z'),
      closedAt: null,
      summary: null,
      notes: [],
    },
  ],
  conversations: [
    {
      id: 'c1',
      caseReference: 'AAAA-BBBB',
      topic: 'Bins',
      language: 'cy',
      startedAt: at('2026-03-02T10:00:00Z'),
      endedAt: at('2026-03-02T11:00:00Z'),
      name: 'Ada Lovelace',
      email: null,
      ipAddress: '192.0.2.0',
      browser: 'Firefox',
      operatingSystem: null,
      location: { country: 'United Kingdom', region: 'Wales', town: 'Cardiff' },
      consentGiven: true,
      surveyRating: null,
      surveyComment: null,
      optIns: [],
      transcriptEmail: null,
      preChatAnswers: [{ label: 'Are you a <landlord>?', value: 'Yes' }],
      personalDataDeleted: false,
      messages: [
        {
          seq: 1,
          at: at('2026-03-02T10:01:00Z'),
          sender: 'visitor',
          senderName: null,
          text: '=SUM(A1)',
          consentEvidence: false,
        },
        {
          seq: 2,
          at: at('2026-03-02T10:02:00Z'),
          sender: 'visitor',
          senderName: null,
          text: 'Ask Bob Neighbour',
          consentEvidence: false,
        },
        {
          seq: 3,
          at: at('2026-03-02T10:03:00Z'),
          sender: 'agent',
          senderName: 'Sam',
          text: 'Done',
          consentEvidence: false,
        },
      ],
      corrections: [],
      staffNotes: [],
    },
  ],
  formSubmissions: [],
  emails: [],
  disclosures: [],
};
const shaped = (withheld: string[] = [], from: ScopeContents = contents) =>
  shapeExportPack(from, {
    organisation: 'Northshire',
    request: { id: 'q1', type: 'access', receivedOn: '2026-05-01' },
    retention: settings.retention,
    forms: settings.forms,
    withheld: new Set(withheld),
    now: at('2026-05-02T09:00:00Z'),
  });

describe('the export pack rules (ADR 34)', () => {
  it('replaces a withheld message and nothing else, and counts it', () => {
    const data = shaped([messageKey('c1', 2)]);
    expect(data.conversations[0]!.messages.map((m) => m.text)).toEqual(['=SUM(A1)', withheldText, 'Done']);
    expect(data.conversations[0]!.messages.map((m) => m.from)).toEqual(['you', 'you', 'Sam']);
    expect(packCounts(data)).toMatchObject({ chats: 1, messages: 3, 'withheld messages': 1, consents: 1 });
  });

  it('says when each item is deleted, and that an open contact is kept until it closes', () => {
    const data = shaped();
    // Chat transcripts: one month after the chat ended, to the end of that London day.
    expect(data.conversations[0]!.retention).toMatchObject({
      category: 'chat-transcripts',
      endsAt: '2026-04-02T22:59:59.999Z',
    });
    expect(data.contacts[1]!.retention).toMatchObject({ category: 'contact-summaries', endsAt: null });
    expect(data.records[0]!.details[1]).toMatchObject({ kind: 'erased', value: '[erased]' });
  });

  it('writes CSVs a spreadsheet cannot run, and an accessible page that escapes what it shows', () => {
    const csv = exportCsvFiles(shaped())['messages.csv']!;
    expect(csv.split('\r\n')[0]).toBe('"case reference","number","at","from","text"');
    expect(csv).toContain(`"'=SUM(A1)"`);
    const html = renderReportHtml(shaped());
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(html).toContain('<caption>Transcript of chat AAAA-BBBB</caption>');
    expect(html).toContain('<th scope="col">Message</th>');
    expect(html).not.toContain('<script');
  });

  it('says which language the resident chose for each chat (ADR 49)', () => {
    const data = shaped();
    expect(data.conversations[0]!.language).toBe('cy');
    expect(exportCsvFiles(data)['chats.csv']!.split('\r\n')[1]).toMatch(/^"AAAA-BBBB","Bins","cy",/);
    expect(renderReportHtml(data)).toContain('<dt>Language</dt><dd>Welsh</dd>');
  });

  it('includes the answers to the council’s own pre-chat questions', () => {
    const data = shaped();
    expect(data.conversations[0]!.preChatAnswers).toEqual([{ question: 'Are you a <landlord>?', answer: 'Yes' }]);
    expect(exportCsvFiles(data)['chats.csv']).toContain('"Are you a <landlord>?: Yes"');
    expect(renderReportHtml(data)).toContain('<dt>Are you a &lt;landlord&gt;?</dt><dd>Yes</dd>');
  });

  it('shows what staff wrote about a chat, notes and whispers alike, in report.html', () => {
    const withNotes: ScopeContents = {
      ...contents,
      conversations: contents.conversations.map((c) => ({
        ...c,
        staffNotes: [
          { at: at('2026-03-02T10:04:00Z'), kind: 'whisper', text: 'Check <her> account' },
          { at: at('2026-03-02T10:05:00Z'), kind: 'transfer', text: 'Passing to Housing' },
        ],
      })),
    };
    const html = renderReportHtml(shaped([], withNotes));
    expect(html).toContain('<caption>What staff wrote about chat AAAA-BBBB</caption>');
    expect(html).toContain('Message between staff');
    expect(html).toContain('Check &lt;her&gt; account');
    expect(html).toContain('Note when the chat was passed on');
    expect(renderReportHtml(shaped())).not.toContain('What staff wrote about');
  });

  it('includes the approximate location, and says when it was not known or not collected', () => {
    const data = shaped();
    expect(data.conversations[0]!.automaticInformation.location).toEqual({
      country: 'United Kingdom',
      region: 'Wales',
      town: 'Cardiff',
    });
    expect(exportCsvFiles(data)['chats.csv']).toContain('"Cardiff, Wales, United Kingdom"');
    expect(renderReportHtml(data)).toContain('<td>Cardiff, Wales, United Kingdom</td>');
    const location = (value: ExportPackData['conversations'][number]['automaticInformation']['location']) => {
      const changed = shaped();
      changed.conversations[0]!.automaticInformation.location = value;
      return renderReportHtml(changed);
    };
    expect(location({ country: null, region: null, town: null })).toContain('<td>Unknown</td>');
    expect(location(null)).toMatch(/<td>Not collected<\/td>\s*<\/tr>/);
  });

  it('tells the resident how long their link works, and why it stopped', () => {
    const email = exportLinkEmail({
      organisation: 'Northshire',
      link: 'https://ward.example/rights/packs/x',
      expiresAt: at('2026-05-09T09:00:00Z'),
      downloads: 3,
    });
    expect(email.text).toContain('https://ward.example/rights/packs/x');
    expect(email.text).toContain('9 May 2026');
    expect(email.text).toContain('for 3 downloads');
    expect(linkProblemPage('gone', 'Northshire')).toContain('<h1>This download link has expired</h1>');
  });
});
