import { describe, expect, it } from 'vitest';
import { OrganisationSettings, defaultOrganisation } from '../src/shared/organisation-settings.ts';
import {
  automaticInformation,
  buildRecordOfProcessing,
  distinctRecipients,
  renderRecordOfProcessingCsv,
  renderRecordOfProcessingMarkdown,
  type ProcessingFacts,
} from '../src/features/processing/record-of-processing.rules.ts';
import { londonToday } from '@ward/protocol';
import { disclosureDate, isDateRange } from '../src/features/cases/disclosure.rules.ts';

const facts = (changes: Partial<ProcessingFacts> = {}): ProcessingFacts => ({
  controller: 'Demo Borough Council',
  settings: defaultOrganisation.settings,
  disclosureRecipients: [],
  mfaRequired: 'admins-and-privacy-officers',
  today: '2026-12-04',
  ...changes,
});

const withSettings = (changes: Record<string, unknown>) =>
  OrganisationSettings.parse({
    topics: defaultOrganisation.settings.topics,
    ...changes,
  });

describe('the record of processing', () => {
  it('names the controller, the default purposes with their lawful bases, and the council’s own hosting', () => {
    const record = buildRecordOfProcessing(facts());
    expect(record.controller).toEqual({ name: 'Demo Borough Council', dataProtectionOfficer: null });
    expect(record.purposes).toContainEqual(
      expect.objectContaining({ lawfulBasis: 'public-task', lawfulBasisLabel: 'Public task' }),
    );
    expect(record.purposes.map((p) => p.lawfulBasis)).toEqual(
      expect.arrayContaining(['public-task', 'consent', 'legal-obligation']),
    );
    expect(record.recipients).toEqual([
      expect.objectContaining({ name: 'The council’s own hosting', kind: 'processor' }),
    ]);
    expect(record.internationalTransfers).toEqual([]);
    expect(record.security.join('\n')).toMatch(/AES-256-GCM/);
    expect(record.security).toContain('Two-step sign-in required for administrators and privacy officers');
  });

  it('shows a retention period changed in the organisation settings, in both formats', () => {
    const settings = withSettings({
      retention: { 'chat-transcripts': { days: 45 }, 'customer-records': { months: 36 } },
    });
    const record = buildRecordOfProcessing(facts({ settings }));
    const transcripts = record.categories.find((c) => c.category === 'Chat transcripts');
    expect(transcripts?.retention).toBe('45 days after the chat ended, then deleted');
    expect(record.categories.find((c) => c.category === 'Customer records')?.retention).toBe(
      '36 months after the last contact ended, then deleted',
    );
    expect(renderRecordOfProcessingMarkdown(record)).toContain(
      '| Chat transcripts | Messages between a resident and staff, and the name and email address the resident gives | 45 days after the chat ended, then deleted |',
    );
    expect(renderRecordOfProcessingCsv(record)).toContain(
      '"personal data","Chat transcripts","Messages between a resident and staff, and the name and email address the resident gives","45 days after the chat ended, then deleted"\r\n',
    );
  });

  it('lists what is captured automatically as configured, and says so when nothing is', () => {
    expect(
      automaticInformation({ ipAddress: 'truncated', browser: true, operatingSystem: false, location: 'off' }),
    ).toEqual(['IP address, shortened (the last part removed)', 'browser name and version']);
    expect(
      automaticInformation({ ipAddress: 'off', browser: false, operatingSystem: false, location: 'town' }),
    ).toEqual(['approximate location from the IP address (town, region and country, never more precise)']);
    expect(
      automaticInformation({ ipAddress: 'off', browser: false, operatingSystem: false, location: 'country' }),
    ).toEqual(['approximate location from the IP address (country, never more precise)']);
    const off = withSettings({
      capture: { ipAddress: 'off', browser: false, operatingSystem: false, location: 'off' },
    });
    const record = buildRecordOfProcessing(facts({ settings: off }));
    expect(record.categories.find((c) => c.category === 'Automatic information')?.data).toBe(
      'None: automatic capture is switched off',
    );
  });

  it('takes the council’s own purposes, processors, transfers and officer from the settings', () => {
    const settings = withSettings({
      recordOfProcessing: {
        purposes: [{ purpose: 'Collecting council tax', lawfulBasis: 'legal-obligation' }],
        processors: [{ name: 'Cloud Host Ltd', service: 'Hosting' }],
        internationalTransfers: [{ destination: 'Ireland', safeguard: 'Adequacy regulations' }],
        dataProtectionOfficer: 'dpo@example.gov.uk',
      },
    });
    const record = buildRecordOfProcessing(facts({ settings, mfaRequired: 'all' }));
    expect(record.purposes).toEqual([
      { purpose: 'Collecting council tax', lawfulBasis: 'legal-obligation', lawfulBasisLabel: 'Legal obligation' },
    ]);
    expect(record.recipients).toEqual([{ name: 'Cloud Host Ltd', kind: 'processor', detail: 'Hosting' }]);
    expect(record.controller.dataProtectionOfficer).toBe('dpo@example.gov.uk');
    const markdown = renderRecordOfProcessingMarkdown(record);
    expect(markdown).toContain('| Ireland | Adequacy regulations |');
    expect(markdown).toContain('- Two-step sign-in required for all staff');
    expect(renderRecordOfProcessingMarkdown(buildRecordOfProcessing(facts()))).toContain(
      'None: personal data is not transferred outside the UK.',
    );
  });

  it('adds each organisation of the disclosure log once, whatever its spelling, after the processors', () => {
    expect(
      distinctRecipients(['Police Scotland', 'police  scotland ', 'Age UK', 'Cloud host ltd', ' '], ['Cloud Host Ltd']),
    ).toEqual(['Age UK', 'Police Scotland']);
    const record = buildRecordOfProcessing(facts({ disclosureRecipients: ['Police Scotland', 'Age UK'] }));
    expect(record.recipients.map((r) => [r.name, r.kind])).toEqual([
      ['The council’s own hosting', 'processor'],
      ['Age UK', 'disclosure'],
      ['Police Scotland', 'disclosure'],
    ]);
  });

  it('keeps a recipient’s name from breaking a Markdown table or running as a spreadsheet formula', () => {
    const record = buildRecordOfProcessing(facts({ disclosureRecipients: ['=HYPERLINK("x")', 'A | B'] }));
    expect(renderRecordOfProcessingMarkdown(record)).toContain(
      '| A \\| B | Third party | Named in the disclosure log |',
    );
    expect(renderRecordOfProcessingCsv(record)).toContain(`"recipient","'=HYPERLINK(""x"")"`);
  });
});

describe('the date of a disclosure', () => {
  it('is today in London unless given, and never in the future', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    const now = new Date('2026-06-30T23:30:00Z');
    expect(londonToday(now)).toBe('2026-07-01');
    expect(disclosureDate(undefined, now)).toEqual({ ok: true, date: '2026-07-01' });
    expect(disclosureDate('2026-05-02', now)).toEqual({ ok: true, date: '2026-05-02' });
    expect(disclosureDate('2026-07-02', now)).toEqual({
      ok: false,
      message: 'The date of the disclosure must be today or in the past',
    });
  });

  it('asks for a range that runs forwards', () => {
    expect(isDateRange('2026-01-01', '2026-12-31')).toBe(true);
    expect(isDateRange(undefined, '2026-12-31')).toBe(true);
    expect(isDateRange('2026-12-31', '2026-01-01')).toBe(false);
  });
});
