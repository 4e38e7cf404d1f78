import { describe, expect, it } from 'vitest';
import {
  categoryNames,
  deletedCount,
  holdCovers,
  holdTarget,
  listInWords,
  summariseReason,
} from '../src/features/retention/retention-wording.ts';
import { checkEndDate, endOfLondonDay, validateHold } from '../src/features/retention/validate-hold.ts';

const now = new Date('2026-11-23T10:00:00Z');
const good = {
  covers: 'conversation',
  reason: 'Ombudsman complaint 24-001',
  endDay: '',
  endMonth: '',
  endYear: '',
} as const;

describe('placing a legal hold', () => {
  it('accepts a hold until it is lifted, trimming the reason', () => {
    expect(validateHold({ ...good, reason: '  Ombudsman complaint 24-001 \n' }, now)).toEqual({
      errors: {},
      endDateParts: [],
      body: { covers: 'conversation', reason: 'Ombudsman complaint 24-001' },
    });
  });
  it('needs what it covers and a reason', () => {
    const check = validateHold({ ...good, covers: '', reason: '   ' }, now);
    expect(check.errors).toEqual({ covers: 'Select what the hold covers', reason: 'Enter the reason for the hold' });
    expect(check.body).toBeNull();
  });
  it('limits the reason to 1000 characters', () => {
    expect(validateHold({ ...good, reason: 'x'.repeat(1001) }, now).errors.reason).toBe(
      'The reason must be 1000 characters or fewer',
    );
    expect(validateHold({ ...good, reason: 'x'.repeat(1000) }, now).errors).toEqual({});
  });
  it('sends an end date as the end of that day in the UK', () => {
    const check = validateHold({ ...good, covers: 'resident', endDay: '31', endMonth: '3', endYear: '2027' }, now);
    expect(check.body).toEqual({ covers: 'resident', reason: good.reason, endsAt: '2027-03-31T22:59:59.999Z' });
  });
});

describe('the end date (GOV.UK date input)', () => {
  it('is optional', () => expect(checkEndDate(' ', '', '', now)).toEqual({ endsAt: null }));
  it('says which parts are missing', () => {
    expect(checkEndDate('', '3', '2027', now)).toEqual({ error: 'The end date must include a day', parts: ['day'] });
    expect(checkEndDate('', '', '2027', now)).toEqual({
      error: 'The end date must include a day and month',
      parts: ['day', 'month'],
    });
    expect(checkEndDate('31', '', '', now)).toEqual({
      error: 'The end date must include a month and year',
      parts: ['month', 'year'],
    });
  });
  it('needs a real date with a 4-digit year', () => {
    expect(checkEndDate('31', '2', '2027', now)).toEqual({ error: 'The end date must be a real date', parts: ['day'] });
    expect(checkEndDate('1', '13', '2027', now)).toEqual({
      error: 'The end date must be a real date',
      parts: ['month'],
    });
    expect(checkEndDate('x', '3', '2027', now)).toEqual({ error: 'The end date must be a real date', parts: ['day'] });
    expect(checkEndDate('1', '3', '27', now)).toEqual({ error: 'Year must include 4 numbers', parts: ['year'] });
    expect(checkEndDate('29', '2', '2028', now)).toEqual({ endsAt: '2028-02-29T23:59:59.999Z' });
  });
  it('accepts month names', () =>
    expect(checkEndDate('1', 'Dec', '2026', now)).toEqual({ endsAt: '2026-12-01T23:59:59.999Z' }));
  it('may be today (UK) but not earlier', () => {
    expect(checkEndDate('23', '11', '2026', now)).toEqual({ endsAt: '2026-11-23T23:59:59.999Z' });
    expect(checkEndDate('22', '11', '2026', now)).toEqual({
      error: 'The end date must be today or in the future',
      parts: ['day', 'month', 'year'],
    });
    // 00:30 on 1 July in London is still 30 June in UTC: "today" is the UK's day.
    expect(checkEndDate('1', '7', '2026', new Date('2026-06-30T23:30:00Z'))).toEqual({
      endsAt: '2026-07-01T22:59:59.999Z',
    });
  });
  it('ends at midnight UK time, in GMT and BST', () => {
    expect(endOfLondonDay(2027, 1, 15)).toBe('2027-01-15T23:59:59.999Z');
    expect(endOfLondonDay(2027, 7, 15)).toBe('2027-07-15T22:59:59.999Z');
    expect(endOfLondonDay(2027, 3, 28)).toBe('2027-03-28T22:59:59.999Z'); // the day the clocks go forward
    expect(endOfLondonDay(2027, 10, 31)).toBe('2027-10-31T23:59:59.999Z'); // the day they go back
  });
});

describe('retention wording', () => {
  it('names every category in plain words', () => {
    expect(categoryNames['chat-transcripts']).toBe('Chat messages');
    expect(Object.values(categoryNames).every((name) => /^[A-Z]/.test(name))).toBe(true);
  });
  it('names what a hold covers, for buttons and banners', () => {
    expect(holdTarget({ covers: 'conversation', caseReferences: ['4K7M-9P2X'] })).toBe('4K7M-9P2X');
    expect(holdTarget({ covers: 'resident', caseReferences: ['4K7M-9P2X', '2K9P-7M4X', '7M4X-2K9P'] })).toBe(
      'everything about the resident of 4K7M-9P2X, 2K9P-7M4X and 7M4X-2K9P',
    );
    expect(holdTarget({ covers: 'resident', caseReferences: [] })).toBe('everything about this resident');
    expect(listInWords(['A', 'B'])).toBe('A and B');
    expect(holdCovers({ caseReferences: ['4K7M-9P2X'] }, '4K7M-9P2X')).toBe(true);
  });
  it('counts what was deleted', () => {
    expect(deletedCount({ count: 1, unit: 'messages' })).toBe('1 message');
    expect(deletedCount({ count: 1200, unit: 'conversations' })).toBe('1,200 conversations');
    expect(deletedCount({ count: 0, unit: 'messages' })).toBe('0 messages');
  });
  it('summarises a long reason', () => {
    expect(summariseReason('Ombudsman complaint 24-001')).toBe('Ombudsman complaint 24-001');
    expect(summariseReason('First line\nsecond line')).toBe('First line…');
    expect(summariseReason('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
