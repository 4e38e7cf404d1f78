import { describe, expect, it } from 'vitest';
import type { Message } from '@ward/protocol';
import { renderTranscript, transcriptTime } from '../src/features/transcripts/transcript.rules.ts';
import { renderFormConfirmation } from '../src/features/forms/confirmation-email.rules.ts';
import { exportLinkEmail, linkProblemPage } from '../src/features/rights/export-link.rules.ts';
import { validateField } from '../src/features/forms/field-validation.rules.ts';
import { OrganisationSettings, defaultOrganisation } from '../src/shared/organisation-settings.ts';

const message = (seq: number, sentAt: string, sender: Message['sender'], body: string): Message =>
  ({ seq, sentAt, sender, senderName: sender === 'agent' ? 'Sam' : null, body }) as Message;

describe('emails to residents in Welsh', () => {
  it('give the transcript in Welsh, with Welsh days and times', () => {
    expect(transcriptTime(new Date('2026-12-04T14:05:00Z'), 'cy')).toBe('2:05yp');
    expect(transcriptTime(new Date('2026-12-04T09:00:00Z'), 'cy')).toBe('9:00yb');
    const { subject, text } = renderTranscript({
      organisationName: 'Cyngor Demo',
      caseReference: '4K7M-9P2X',
      topicLabel: 'Biniau',
      visitorName: 'Eira',
      startedAt: new Date('2026-12-04T14:00:00Z'),
      messages: [
        message(1, '2026-12-04T14:00:00Z', 'visitor', 'Helo'),
        message(2, '2026-12-04T14:05:00Z', 'agent', 'Sut alla i helpu?'),
        message(3, '2026-12-04T14:06:00Z', 'system', 'Mae’r sgwrs wedi dod i ben'),
      ],
      language: 'cy',
    });
    expect(subject).toBe('Eich sgwrs gyda Cyngor Demo – cyfeirnod achos 4K7M-9P2X');
    expect(text).toContain('Helo Eira,');
    expect(text).toContain('a ddechreuodd ar Dydd Gwener 4 Rhagfyr 2026 am 2:00yp.');
    expect(text).toContain(
      'Dydd Gwener 4 Rhagfyr 2026\n2:00yp Chi: Helo\n2:05yp Sam: Sut alla i helpu?\n2:06yp Diweddariad:',
    );
    expect(text).not.toMatch(/Hello|You:|December/);
  });

  it('give the form confirmation in Welsh', () => {
    const { subject, text } = renderFormConfirmation({
      organisationName: 'Cyngor Demo',
      formTitle: 'Gadael neges',
      caseReference: '4K7M-9P2X',
      whatHappensNext: 'Bydd cynghorydd yn ateb.',
      language: 'cy',
    });
    expect(subject).toBe('Gadael neges – cyfeirnod achos 4K7M-9P2X');
    expect(text.split('\n')[0]).toBe('Helo,');
    expect(text).toContain('Beth sy’n digwydd nesaf\nBydd cynghorydd yn ateb.');
  });
});

describe('the export pack’s link in Welsh', () => {
  it('emails the link with the date in Welsh, and says in Welsh when it no longer works', () => {
    const { subject, text } = exportLinkEmail({
      organisation: 'Cyngor Demo',
      link: 'https://ward.example/rights/packs/abc',
      expiresAt: new Date('2026-12-19T17:00:00Z'),
      downloads: 3,
      language: 'cy',
    });
    expect(subject).toBe('Eich gwybodaeth gan Cyngor Demo');
    expect(text).toContain('Mae’r ddolen yn gweithio tan 19 Rhagfyr 2026');
    expect(text).toContain('ac ar gyfer 3 lawrlwythiad.');
    const english = exportLinkEmail({ organisation: 'Demo', link: 'x', expiresAt: new Date(), downloads: 1 });
    expect(english.text).toContain('and for 1 download.');
    const gone = linkProblemPage('gone', 'Cyngor Demo', 'cy');
    expect(gone).toContain('<html lang="cy">');
    expect(gone).toContain('<h1>Mae’r ddolen lawrlwytho hon wedi dod i ben</h1>');
  });
});

describe('a council’s form in Welsh', () => {
  const base = { topics: defaultOrganisation.settings.topics };
  const form = (title: unknown) => ({
    id: 'pothole',
    title,
    department: 'customer-services',
    fields: [{ id: 'where', type: 'text', label: { en: 'Where is it?', cy: 'Ble mae e?' } }],
  });

  it('is refused at start when its Welsh text breaks a rule, naming where', () => {
    const parsed = OrganisationSettings.safeParse({ ...base, forms: [form({ en: 'Pothole', cy: 'x'.repeat(121) })] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['forms', 0, 'title']);
    expect(parsed.error?.issues[0]?.message).toContain('(in its Welsh text)');
    const unknown = OrganisationSettings.safeParse({ ...base, forms: [form({ en: 'Pothole', fr: 'Nid-de-poule' })] });
    expect(unknown.success).toBe(false);
  });

  it('checks answers with Welsh messages, and accepts Welsh month names', () => {
    const date = {
      id: 'seen',
      type: 'date',
      label: 'Dyddiad',
      errorName: 'y dyddiad',
      required: true,
      when: 'any',
    } as const;
    expect(validateField(date, { day: '3', month: 'Mawrth', year: '2026' }, '2026-12-05', 'cy')).toEqual({
      ok: true,
      value: '2026-03-03',
    });
    const missing = validateField(date, { day: '3', month: '', year: '' }, '2026-12-05', 'cy');
    expect(missing.ok ? null : missing.error.message).toBe('Rhaid i “Dyddiad” gynnwys mis a blwyddyn');
    const email = { id: 'email', type: 'email', label: 'E-bost', required: true } as const;
    const wrong = validateField(email, 'nid-e-bost', '2026-12-05', 'cy');
    expect(wrong.ok ? null : wrong.error.message).toBe(
      'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
    );
  });
});
