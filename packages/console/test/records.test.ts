import type { RecordDetailVersion } from '@ward/protocol';
import { caseReferenceFromRandom } from '@ward/protocol';
import { describe, expect, it } from 'vitest';
import { groupByKind, newestFirst, versionEvents } from '../src/features/records/record-history.ts';
import { casePath, formatDetail, matchedWording, preferenceLabel } from '../src/features/records/record-wording.ts';
import {
  checkReason,
  emptyDetail,
  validateDetail,
  validateNewRecord,
  validateRecordSearch,
} from '../src/features/records/validate-record.ts';

const reference = caseReferenceFromRandom([4, 19, 7, 20, 9, 22, 2]);
const mistyped = `${reference.slice(0, 8)}${reference.endsWith('0') ? '1' : '0'}`;
const noSearch = { name: '', email: '', phone: '', postcode: '', caseReference: '' };
const noRecord = {
  name: '',
  line1: '',
  line2: '',
  town: '',
  postcode: '',
  uprn: '',
  phone: '',
  email: '',
  preference: '',
  note: '',
};

describe('searching for a customer record', () => {
  it('needs at least one thing to search by', () => {
    expect(validateRecordSearch({ ...noSearch, name: '  ' })).toEqual({
      errors: { name: 'Enter a name, email address, phone number, postcode or case reference' },
    });
  });
  it('checks each field it is given, beside that field', () => {
    expect(
      validateRecordSearch({ name: 'A', email: 'ann@', phone: '12', postcode: 'SW1', caseReference: mistyped }),
    ).toEqual({
      errors: {
        name: 'Enter at least 2 letters of the name',
        email: 'Enter an email address in the correct format, like name@example.com',
        phone: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
        postcode: 'Enter a real postcode, like SW1A 1AA',
        caseReference: 'Enter a valid case reference, like 4K7M-9P2X',
      },
    });
  });
  it('sends only what was typed, trimmed, with the case reference normalised', () => {
    expect(
      validateRecordSearch({
        ...noSearch,
        postcode: ' sw1a 1aa ',
        caseReference: reference.toLowerCase().replace('-', ' '),
      }),
    ).toEqual({ query: { postcode: 'sw1a 1aa', caseReference: reference } });
    expect(validateRecordSearch({ ...noSearch, phone: '(01632) 960-001', email: 'Ann@Example.com' })).toEqual({
      query: { phone: '(01632) 960-001', email: 'Ann@Example.com' },
    });
  });
});

describe('creating a record', () => {
  it('needs a name', () => {
    expect(validateNewRecord(noRecord)).toEqual({ errors: { name: 'Enter the name' } });
  });
  it('takes only the details given', () => {
    expect(
      validateNewRecord({ ...noRecord, name: ' Ann Resident ', email: 'ann@example.com', preference: 'email' }),
    ).toEqual({
      details: [
        { kind: 'name', name: 'Ann Resident' },
        { kind: 'email', address: 'ann@example.com' },
        { kind: 'contact-preference', preference: 'email' },
      ],
    });
  });
  it('asks for the first line and postcode once any part of the address is typed', () => {
    expect(validateNewRecord({ ...noRecord, name: 'Ann', town: 'Leeds', uprn: 'x1' })).toEqual({
      errors: {
        line1: 'Enter the first line of the address',
        postcode: 'Enter the postcode',
        uprn: 'The UPRN must be a number of up to 12 digits',
      },
    });
  });
  it('keeps a whole address, its postcode in capitals', () => {
    const checked = validateNewRecord({
      ...noRecord,
      name: 'Ann',
      line1: '1 Mill Lane',
      postcode: 'ls1 4ap',
      uprn: '100023336956',
      phone: '07700 900 982',
    });
    expect(checked).toEqual({
      details: [
        { kind: 'name', name: 'Ann' },
        { kind: 'address', lines: ['1 Mill Lane'], town: null, postcode: 'LS1 4AP', uprn: '100023336956' },
        { kind: 'phone', number: '07700 900 982', label: null },
      ],
    });
  });
  it('puts a phone number error on the phone field', () => {
    expect(validateNewRecord({ ...noRecord, name: 'Ann', phone: 'call me' })).toEqual({
      errors: { phone: 'Enter a phone number, like 01632 960 001 or 07700 900 982' },
    });
  });
});

describe('adding or changing one detail', () => {
  it('checks the fields of that kind only', () => {
    expect(validateDetail('email', { ...emptyDetail, name: '', email: 'nope' })).toEqual({
      errors: { email: 'Enter an email address in the correct format, like name@example.com' },
    });
    expect(validateDetail('contact-preference', emptyDetail)).toEqual({
      errors: { preference: 'Select how the resident prefers to be contacted' },
    });
    expect(validateDetail('note', { ...emptyDetail, note: 'x'.repeat(2001) })).toEqual({
      errors: { note: 'The note must be 2000 characters or fewer' },
    });
  });
  it('answers the value the server expects', () => {
    expect(validateDetail('social-handle', { ...emptyDetail, platform: 'Facebook', handle: '@ann' })).toEqual({
      value: { kind: 'social-handle', platform: 'Facebook', handle: '@ann' },
    });
  });
  it('needs a reason to change or remove a value', () => {
    expect(checkReason('  ')).toBe('Enter the reason for the change');
    expect(checkReason('x'.repeat(501))).toBe('The reason must be 500 characters or fewer');
    expect(checkReason('Resident moved')).toBeNull();
  });
});

const staff = { staffId: '22222222-0000-4000-8000-000000000001', name: 'Sam Okafor' };
function version(n: number, overrides: Partial<RecordDetailVersion>): RecordDetailVersion {
  return {
    id: `11111111-0000-4000-8000-${String(n).padStart(12, '0')}`,
    recordId: '33333333-0000-4000-8000-000000000001',
    kind: 'name',
    value: { kind: 'name', name: `Name ${n}` },
    status: 'current',
    replacesId: null,
    createdAt: `2025-06-0${n}T10:00:00.000Z`,
    createdBy: staff,
    supersededAt: null,
    supersededBy: null,
    changeReason: null,
    ...overrides,
  };
}

describe('a record’s history', () => {
  const old = version(1, {
    status: 'amended',
    supersededAt: '2025-06-02T10:00:00.000Z',
    supersededBy: staff,
    changeReason: 'Spelling',
  });
  const renamed = version(2, { replacesId: old.id });
  const email = version(3, {
    kind: 'email',
    value: { kind: 'email', address: 'ann@example.com' },
    status: 'removed',
    supersededAt: '2025-06-04T09:00:00.000Z',
    supersededBy: { staffId: null, name: 'Ward (form)' },
    changeReason: 'Bounced',
  });

  it('groups values by field, names first', () => {
    expect(groupByKind([email, old, renamed]).map((g) => [g.plural, g.versions.length])).toEqual([
      ['Names', 2],
      ['Email addresses', 1],
    ]);
  });
  it('says who added, changed or removed each version, when, and why', () => {
    expect(versionEvents(old)).toEqual([
      { what: 'Added', by: 'Sam Okafor', at: old.createdAt, reason: null },
      { what: 'Replaced', by: 'Sam Okafor', at: '2025-06-02T10:00:00.000Z', reason: 'Spelling' },
    ]);
    expect(versionEvents(renamed)[0]?.what).toBe('Changed to this');
    expect(versionEvents(email)[1]).toEqual({
      what: 'Removed',
      by: 'Ward (form)',
      at: '2025-06-04T09:00:00.000Z',
      reason: 'Bounced',
    });
  });
  it('lists the latest change first', () => {
    expect(newestFirst([old, renamed]).map((v) => v.id)).toEqual([renamed.id, old.id]);
  });
});

describe('wording', () => {
  it('writes each kind of value on one line', () => {
    expect(
      formatDetail({
        kind: 'address',
        lines: ['1 Mill Lane', 'Flat 2'],
        town: 'Leeds',
        postcode: 'LS1 4AP',
        uprn: '42',
      }),
    ).toBe('1 Mill Lane, Flat 2, Leeds, LS1 4AP (UPRN 42)');
    expect(formatDetail({ kind: 'phone', number: '+447700900982', label: 'mobile' })).toBe('+447700900982 (mobile)');
    expect(formatDetail({ kind: 'contact-preference', preference: 'text-message' })).toBe('Text message');
  });
  it('shows a preference an intake channel stored as it is', () => {
    expect(preferenceLabel('carrier pigeon')).toBe('carrier pigeon');
  });
  it('lists which identifiers matched', () => {
    expect(matchedWording(['email'])).toBe('email address');
    expect(matchedWording(['email', 'name', 'postcode'])).toBe('email address, name and postcode');
  });
  it('links a case by its reference', () => {
    expect(casePath('4K7M-9P2X')).toBe('/console/cases/4K7M-9P2X');
  });
});
