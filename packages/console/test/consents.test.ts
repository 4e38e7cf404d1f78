import { describe, expect, it } from 'vitest';
import { PublishPrivacyNoticeBody } from '@ward/protocol';
import { validateConsentSearch, validateNotice } from '../src/features/consents/validate-consents.ts';
import { validateDisclosureRange } from '../src/features/processing/validate-disclosure-range.ts';

const noDate = { day: '', month: '', year: '' };

describe('publishing a privacy notice', () => {
  it('asks for a version and either an address or the text', () => {
    expect(validateNotice({ version: '', url: '', body: '', effective: noDate }).errors).toEqual({
      version: 'Enter a version, like 2026-12 or 4.1',
      url: 'Enter either the address of the notice or its text',
    });
    const both = validateNotice({ version: '1', url: 'https://a.example/', body: 'Text', effective: noDate });
    expect(both.errors.url).toMatch(/not both/);
    expect(validateNotice({ version: '1', url: 'http://a.example/', body: '', effective: noDate }).errors.url).toMatch(
      /https:\/\//,
    );
    expect(
      validateNotice({ version: '<1>', url: 'https://a.example/', body: '', effective: noDate }).errors.version,
    ).toMatch(/letters, numbers/);
  });

  it('sends what the server accepts, with the day it takes effect when one is given', () => {
    const now = validateNotice({ version: ' 2026-12 ', url: '', body: 'We use…', effective: noDate });
    expect(now.body).toEqual({ version: '2026-12', body: 'We use…' });
    expect(PublishPrivacyNoticeBody.safeParse(now.body).success).toBe(true);
    const later = validateNotice({
      version: '2027',
      url: 'https://council.example/privacy',
      body: '',
      effective: { day: '1', month: '1', year: '2027' },
    });
    expect(later.body?.effectiveFrom).toBe(new Date(2027, 0, 1).toISOString());
    expect(PublishPrivacyNoticeBody.safeParse(later.body).success).toBe(true);
    const badDay = validateNotice({
      version: '1',
      url: 'https://a.example/',
      body: '',
      effective: { day: '31', month: '2', year: '2027' },
    });
    expect(badDay.body).toBeNull();
    expect(badDay.errors.effective).toBeDefined();
  });
});

describe('finding the proof of consent', () => {
  it('takes one resident’s case reference or one purpose, not both and not neither', () => {
    expect(validateConsentSearch({ caseReference: '', purpose: '' }).errors.caseReference).toMatch(
      /Enter a case reference/,
    );
    expect(validateConsentSearch({ caseReference: 'x', purpose: 'y' }).errors.caseReference).toMatch(/not both/);
    expect(validateConsentSearch({ caseReference: 'nonsense', purpose: '' }).errors.caseReference).toMatch(
      /valid case reference/,
    );
    expect(validateConsentSearch({ caseReference: '', purpose: ' service-updates ' }).search).toEqual({
      purpose: 'service-updates',
    });
  });
});

describe('the disclosure log’s dates', () => {
  it('leaves either end open, and refuses an end before the start', () => {
    expect(validateDisclosureRange(noDate, noDate).range).toEqual({});
    const range = validateDisclosureRange(
      { day: '1', month: '9', year: '2026' },
      { day: '30', month: '11', year: '2026' },
    );
    expect(range.range).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    const backwards = validateDisclosureRange(
      { day: '2', month: '9', year: '2026' },
      { day: '1', month: '9', year: '2026' },
    );
    expect(backwards.range).toBeNull();
    expect(backwards.errors.to).toMatch(/same as or after/);
  });
});
