import { describe, expect, it } from 'vitest';
import { countsText, matchedText, rootText } from '../src/features/rights/subject-finder-wording.ts';

describe('how the subject finder words its results', () => {
  it('names the fields that matched, never their values', () => {
    expect(matchedText(['name'])).toBe('Name');
    expect(matchedText(['name', 'phone'])).toBe('Name and phone number');
    expect(matchedText(['email', 'postcode', 'caseReference'])).toBe('Email address, postcode and case reference');
  });

  it('says what a confirmed item is and what the scope covers', () => {
    const record = { kind: 'customer-record' as const, id: 'r', names: ['Ann Lee'], cases: 1 };
    expect(rootText({ ...record, caseReference: null, channel: null, contactedAt: null })).toBe(
      'Customer record: Ann Lee (1 contact)',
    );
    expect(
      rootText({
        kind: 'case',
        id: 'c',
        names: [],
        cases: 1,
        caseReference: '4K7M-9P2Q',
        channel: 'chat',
        contactedAt: null,
      }),
    ).toBe('Web chat 4K7M-9P2Q');
    expect(countsText({ records: 1, cases: 2, chats: 1, forms: 0, emails: 0, disclosures: 0, dataKeys: 2 })).toBe(
      '1 customer record, 2 contacts, 1 chat, 0 forms, 0 emails, 0 disclosures, 2 data keys',
    );
  });
});
