import { describe, expect, it } from 'vitest';
import { caseReferenceFromRandom } from '@ward/protocol';
import {
  channelInWords,
  describeDisclosure,
  describeEntry,
  fileSize,
  statusNames,
} from '../src/features/cases/case-wording.ts';
import { caseWordsTexts } from '../src/features/cases/texts-words.ts';
import { checkLinkReference, checkNote, checkReply, checkSummary } from '../src/features/cases/validate-case.ts';

const own = caseReferenceFromRandom([1, 2, 3, 4, 5, 6, 7]);
const other = caseReferenceFromRandom([7, 6, 5, 4, 3, 2, 1]);
const change = (
  from: string | null,
  to: string | null,
  fromLabel: string | null = null,
  toLabel: string | null = null,
) => ({ from, to, fromLabel, toLabel });

describe('the case page’s forms', () => {
  it('needs a note, trimmed, of at most 4000 characters', () => {
    expect(checkNote('  Rang back, no answer \n')).toEqual({ value: 'Rang back, no answer' });
    expect(checkNote('   ')).toEqual({ error: 'Enter a note' });
    expect(checkNote('x'.repeat(4001))).toEqual({ error: 'The note must be 4000 characters or fewer' });
    expect(checkNote('x'.repeat(4000))).toEqual({ value: 'x'.repeat(4000) });
  });
  it('needs a summary and a reply, each within its limit', () => {
    expect(checkSummary('')).toEqual({ error: 'Enter a summary' });
    expect(checkSummary('x'.repeat(2001))).toEqual({ error: 'The summary must be 2000 characters or fewer' });
    expect(checkReply(' \n ')).toEqual({ error: 'Write your reply' });
    expect(checkReply('x'.repeat(20_001))).toEqual({ error: 'Your reply must be 20,000 characters or fewer' });
    expect(checkReply('Thank you, we have booked the repair.')).toEqual({
      value: 'Thank you, we have booked the repair.',
    });
  });
  it('links another case by a reference typed any way, but not the case itself or one already linked', () => {
    expect(checkLinkReference(other.toLowerCase().replace('-', ' '), own, [])).toEqual({ value: other });
    expect(checkLinkReference('', own, [])).toEqual({ error: 'Enter a case reference' });
    expect(checkLinkReference('4K7M-9P2Y', own, [])).toEqual({
      error: expect.stringMatching(/^Enter a valid case reference/),
    });
    expect(checkLinkReference(own, own, [])).toEqual({ error: 'Enter the reference of another case, not this one' });
    expect(checkLinkReference(other, own, [other])).toEqual({ error: `${other} is already linked to this case` });
  });
});

describe('case wording', () => {
  it('names channels with their platform or form', () => {
    expect(channelInWords('social-media', 'facebook')).toBe('Social media (Facebook)');
    expect(channelInWords('form', 'report-a-fault')).toBe('Online form (report-a-fault)');
    expect(channelInWords('phone', null)).toBe('Telephone');
    expect(statusNames['awaiting-resident']).toBe('Awaiting resident');
  });
  it('says what each history entry did', () => {
    const entry = (
      kind: Parameters<typeof describeEntry>[0]['kind'],
      more: Partial<Parameters<typeof describeEntry>[0]> = {},
    ) => describeEntry({ kind, change: null, link: null, ...more });
    expect(entry('note')).toBe('Note added');
    expect(entry('request')).toBe('Request received');
    expect(entry('status', { change: change(null, 'open') })).toBe('Status set to open');
    expect(entry('status', { change: change('open', 'awaiting-council') })).toBe(
      'Status changed from open to awaiting council',
    );
    expect(entry('status', { change: change('closed', 'open') })).toBe('Reopened: status changed from closed to open');
    expect(entry('owner', { change: change(null, 'a', null, 'Sam Okafor') })).toBe('Given to Sam Okafor');
    expect(entry('owner', { change: change('a', 'b', 'Sam Okafor', 'Priya Shah') })).toBe(
      'Owner changed from Sam Okafor to Priya Shah',
    );
    expect(entry('owner', { change: change('a', null, 'Sam Okafor', null) })).toBe('Sam Okafor is no longer the owner');
    expect(entry('department', { change: change('waste', 'housing', 'Waste and recycling', 'Housing') })).toBe(
      'Transferred from Waste and recycling to Housing',
    );
    const link = { caseId: '00000000-0000-4000-8000-000000000001', caseReference: other };
    expect(entry('link', { link: { action: 'linked', ...link } })).toBe(`Linked to case ${other}`);
    expect(entry('link', { link: { action: 'unlinked', ...link } })).toBe(`Unlinked from case ${other}`);
  });
  it('gives file sizes as people read them', () => {
    expect(fileSize(1)).toBe('1 byte');
    expect(fileSize(820)).toBe('820 bytes');
    expect(fileSize(14 * 1024 + 100)).toBe('14 KB');
    expect(fileSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3 MB');
    expect(fileSize(25 * 1024 * 1024)).toBe('25 MB');
  });
  it('tells the history and sizes in Welsh when given the Welsh words (ADR 51)', () => {
    const cy = caseWordsTexts.cy;
    const change = (from: string | null, to: string | null) => ({ from, to, fromLabel: null, toLabel: null });
    expect(describeEntry({ kind: 'status', change: change('open', 'awaiting-council'), link: null }, cy)).toBe(
      'Statws wedi newid o ‘ar agor’ i ‘yn aros am y cyngor’',
    );
    expect(describeEntry({ kind: 'owner', change: change(null, 'a'), link: null }, cy)).toBe(
      'Wedi’i roi i aelod blaenorol o staff',
    );
    expect(fileSize(820, cy)).toBe('820 beit');
    expect(channelInWords('social-media', 'x', cy)).toBe('Cyfryngau cymdeithasol (X (Twitter gynt))');
    expect(
      describeDisclosure(
        { recipientOrganisation: 'Age UK', disclosedOn: '2026-03-02', lawfulBasis: 'consent' },
        cy,
        'cy',
      ),
    ).toBe('Wedi’i rannu gyda Age UK ar 2 Mawrth 2026 (Caniatâd)');
  });
});
