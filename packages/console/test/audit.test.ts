import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  auditPath,
  beforeFromSearch,
  csvHref,
  endOfLondonDay,
  filtersFromSearch,
  hasFilters,
  residentPath,
  searchFromFilters,
  startOfLondonDay,
  withoutFilter,
} from '../src/features/audit/audit-query.ts';
import { parseIsoDate } from '../src/ui/uk-dates.ts';
import {
  actionName,
  fieldName,
  onlyResident,
  purposeName,
  residentName,
  resultCount,
  roleName,
  selectedFilters,
  sourceName,
  whoName,
} from '../src/features/audit/audit-wording.ts';
import { answersFromFilters, checkDate, validateAuditFilters } from '../src/features/audit/validate-audit-filters.ts';
import { auditTexts } from '../src/features/audit/texts.ts';

const staffId = '22222222-0000-4000-8000-000000000099';
const subjectId = '33333333-0000-4000-8000-0000000000aa';
const blank = { day: '', month: '', year: '' };
const noAnswers = { staffId: '', caseReference: '', from: blank, to: blank };

describe('audit filters in the address', () => {
  it('round-trips staff id, case reference and dates, and nothing else', () => {
    const filters = { staffId, caseReference: '4K7M-9P2Q', from: '2026-03-01', to: '2026-03-31' };
    const search = searchFromFilters(filters);
    expect(search).toBe(`?staffId=${staffId}&caseReference=4K7M-9P2Q&from=2026-03-01&to=2026-03-31`);
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(auditPath({ caseReference: '4K7M-9P2Q' })).toBe('/console/audit?caseReference=4K7M-9P2Q');
    expect(auditPath({})).toBe('/console/audit');
  });
  it('drops values that are not well formed, and normalises case references', () => {
    expect(filtersFromSearch('?staffId=bob&caseReference=nonsense&from=2026-02-30&to=yesterday&name=Ann')).toEqual({});
    expect(filtersFromSearch('?caseReference=4k7m9p2q')).toEqual({ caseReference: '4K7M-9P2Q' });
    expect(hasFilters({})).toBe(false);
    expect(withoutFilter({ caseReference: '4K7M-9P2Q', from: '2026-03-01' }, 'from')).toEqual({
      caseReference: '4K7M-9P2Q',
    });
  });
  it('asks the API for whole UK days, in GMT and in BST', () => {
    expect(startOfLondonDay('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(endOfLondonDay('2026-01-15')).toBe('2026-01-15T23:59:59.999Z');
    expect(startOfLondonDay('2026-06-01')).toBe('2026-05-31T23:00:00.000Z');
    expect(endOfLondonDay('2026-06-01')).toBe('2026-06-01T22:59:59.999Z');
    expect(startOfLondonDay('2026-13-01')).toBeNull();
    const query = new URLSearchParams(
      apiQuery({ staffId, caseReference: '4K7M-9P2Q', from: '2026-06-01', to: '2026-06-02' }, 200),
    );
    expect(Object.fromEntries(query)).toEqual({
      staffId,
      caseReference: '4K7M-9P2Q',
      from: '2026-05-31T23:00:00.000Z',
      to: '2026-06-02T22:59:59.999Z',
      limit: '200',
    });
  });
  it('keeps a resident (data subject) filter, and pages back with before', () => {
    const filters = { dataSubjectId: subjectId, from: '2026-03-01' };
    expect(searchFromFilters(filters)).toBe(`?dataSubjectId=${subjectId}&from=2026-03-01`);
    expect(filtersFromSearch(`?dataSubjectId=${subjectId.toUpperCase()}&before=42`)).toEqual({
      dataSubjectId: subjectId,
    });
    expect(filtersFromSearch('?dataSubjectId=not-an-id')).toEqual({});
    expect(residentPath(subjectId)).toBe(`/console/audit?dataSubjectId=${subjectId}`);
    expect(auditPath({ caseReference: '4K7M-9P2Q' }, 1234)).toBe('/console/audit?caseReference=4K7M-9P2Q&before=1234');
    expect(beforeFromSearch('?caseReference=4K7M-9P2Q&before=1234')).toBe(1234);
    for (const bad of ['', '?before=0', '?before=-3', '?before=1.5', '?before=abc', '?before=12345678901234567890'])
      expect(beforeFromSearch(bad)).toBeNull();
    expect(Object.fromEntries(new URLSearchParams(apiQuery({ dataSubjectId: subjectId }, 200, 1234)))).toEqual({
      dataSubjectId: subjectId,
      before: '1234',
      limit: '200',
    });
  });
  it('points the CSV download at the same filters', () => {
    expect(csvHref({ caseReference: '4K7M-9P2Q' })).toBe('/api/audit.csv?caseReference=4K7M-9P2Q&limit=1000');
    expect(csvHref({})).toBe('/api/audit.csv?limit=1000');
  });
  it('knows real dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2027-02-29')).toBeNull();
  });
});

describe('validating the filter form', () => {
  it('accepts no filters at all', () => {
    expect(validateAuditFilters(noAnswers)).toEqual({ errors: {}, dateParts: { from: [], to: [] }, filters: {} });
  });
  it('normalises the case reference and reads the dates', () => {
    const check = validateAuditFilters({
      staffId,
      caseReference: ' 4k7m 9p2q ',
      from: { day: '1', month: 'Mar', year: '2026' },
      to: { day: '31', month: '3', year: '2026' },
    });
    expect(check.filters).toEqual({ staffId, caseReference: '4K7M-9P2Q', from: '2026-03-01', to: '2026-03-31' });
  });
  it('says what is wrong with each field', () => {
    const check = validateAuditFilters({
      staffId: 'x',
      caseReference: '4K7M-9P2X',
      from: { day: '1', month: '', year: '' },
      to: blank,
    });
    expect(check.filters).toBeNull();
    expect(check.errors).toEqual({
      staffId: 'Select a member of staff from the list',
      caseReference: 'Enter a valid case reference, like 4K7M-9P2X — check you have typed it correctly',
      from: 'Date from must include a month and year',
    });
    expect(check.dateParts.from).toEqual(['month', 'year']);
  });
  it('needs the to date on or after the from date', () => {
    const check = validateAuditFilters({
      ...noAnswers,
      from: { day: '2', month: '3', year: '2026' },
      to: { day: '1', month: '3', year: '2026' },
    });
    expect(check.errors).toEqual({ to: 'Date to must be the same as or after date from' });
    const same = validateAuditFilters({
      ...noAnswers,
      from: { day: '2', month: '3', year: '2026' },
      to: { day: '2', month: '3', year: '2026' },
    });
    expect(same.filters).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });
  it('checks dates as the GOV.UK date input pattern does', () => {
    expect(checkDate('Date to', blank)).toEqual({ date: null });
    expect(checkDate('Date to', { day: '31', month: '2', year: '2026' })).toEqual({
      error: 'Date to must be a real date',
      parts: ['day'],
    });
    expect(checkDate('Date to', { day: '1', month: '13', year: '2026' })).toEqual({
      error: 'Date to must be a real date',
      parts: ['month'],
    });
    expect(checkDate('Date to', { day: 'x', month: '1', year: '2026' })).toEqual({
      error: 'Date to must be a real date',
      parts: ['day'],
    });
    expect(checkDate('Date to', { day: '1', month: '1', year: '26' })).toEqual({
      error: 'Year must include 4 numbers',
      parts: ['year'],
    });
  });
  it('fills the form from the address', () => {
    expect(answersFromFilters({ caseReference: '4K7M-9P2Q', from: '2026-03-01' })).toEqual({
      staffId: '',
      caseReference: '4K7M-9P2Q',
      from: { day: '1', month: '3', year: '2026' },
      to: blank,
    });
  });
});

describe('audit wording', () => {
  const staff = new Map([[staffId, { firstName: 'Priya', lastName: 'Officer' }]]);
  it('names who did it', () => {
    expect(whoName({ actorKind: 'system', actorId: 'system' }, staff)).toBe('Ward (automatic)');
    expect(whoName({ actorKind: 'staff', actorId: staffId }, staff)).toBe('Priya Officer');
    expect(whoName({ actorKind: 'staff', actorId: '33333333-0000-4000-8000-000000000001' }, staff)).toBe(
      'A member of staff no longer listed',
    );
    expect(whoName({ actorKind: 'staff', actorId: '33333333-0000-4000-8000-000000000001' }, new Map(), false)).toBe(
      'A member of staff',
    );
    expect(roleName({ actorKind: 'staff', actorRole: 'admin' })).toBe('Admin');
    expect(roleName({ actorKind: 'system', actorRole: 'system' })).toBe('Ward');
  });
  it('words actions, purposes, fields and sources, showing unknown codes as they are', () => {
    expect(actionName('read')).toBe('Viewed');
    expect(actionName('export')).toBe('Exported');
    expect(purposeName('audit-review')).toBe('Reviewing the audit trail');
    expect(purposeName('something-new')).toBe('something-new');
    expect(fieldName('visitor_email')).toBe('Email address');
    expect(fieldName('new_field')).toBe('new_field');
    expect(sourceName('system')).toBe('Ward (automatic)');
    expect(sourceName('unknown')).toBe('Not known');
    expect(sourceName('203.0.113.0/24')).toBe('203.0.113.0/24');
  });
  it('counts results, page by page', () => {
    expect(resultCount(0, { older: false, paged: false })).toBe('No entries match these filters');
    expect(resultCount(1, { older: false, paged: false })).toBe('1 entry found');
    expect(resultCount(200, { older: true, paged: false })).toBe(
      'Showing the newest 200 entries. Older entries are on the next page',
    );
    expect(resultCount(200, { older: true, paged: true })).toBe('Showing 200 entries, older than the page before');
    expect(resultCount(3, { older: false, paged: true })).toBe('Showing the oldest 3 entries that match');
    expect(resultCount(0, { older: false, paged: true })).toBe('No older entries match these filters');
  });
  it('names a resident by a case reference of theirs, never by personal data', () => {
    const events = [
      { dataSubjectId: null, caseReference: null },
      { dataSubjectId: subjectId, caseReference: null },
      { dataSubjectId: subjectId, caseReference: '4K7M-9P2Q' },
    ];
    expect(residentName(subjectId, events)).toBe('The resident of case 4K7M-9P2Q');
    expect(residentName(subjectId, [])).toBe('Resident 33333333');
    expect(onlyResident(events)).toBe(subjectId);
    expect(onlyResident([{ dataSubjectId: null }])).toBeNull();
    expect(onlyResident([{ dataSubjectId: subjectId }, { dataSubjectId: staffId }])).toBeNull();
    expect(selectedFilters({ dataSubjectId: subjectId }, new Map(), { events })).toEqual([
      { name: 'dataSubjectId', label: 'Resident', value: 'The resident of case 4K7M-9P2Q' },
    ]);
    // The API's list of their cases wins: the page shown may hold none of them.
    expect(
      selectedFilters({ dataSubjectId: subjectId }, new Map(), { events: [], residentCaseReferences: ['9ZZZ-ZZZZ'] })[0]
        ?.value,
    ).toBe('The resident of case 9ZZZ-ZZZZ');
  });
  it('lists the selected filters with dates in words', () => {
    expect(selectedFilters({ staffId, caseReference: '4K7M-9P2Q', from: '2026-03-01' }, staff)).toEqual([
      { name: 'staffId', label: 'Member of staff', value: 'Priya Officer' },
      { name: 'caseReference', label: 'Case reference', value: '4K7M-9P2Q' },
      { name: 'from', label: 'Date from', value: '1 March 2026' },
    ]);
  });
});

describe('the audit trail in Welsh', () => {
  const says = auditTexts.cy;
  it('says what is wrong with the filters in Welsh', () => {
    const check = validateAuditFilters(
      { staffId: '', caseReference: 'nope', from: { day: '1', month: '', year: '' }, to: blank },
      says.errors,
    );
    expect(check.errors).toEqual({
      caseReference: says.errors.invalidCaseReference,
      from: 'Rhaid i’r dyddiad o gynnwys mis a blwyddyn',
    });
    expect(checkDate(says.errors.dateTo, { day: '31', month: '2', year: '2026' }, says.errors)).toEqual({
      error: 'Rhaid i’r dyddiad hyd at fod yn ddyddiad go iawn',
      parts: ['day'],
    });
    expect(checkDate(says.errors.dateTo, { day: '1', month: '1', year: '26' }, says.errors)).toEqual({
      error: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
      parts: ['year'],
    });
  });
  it('words entries, counts and filter dates in Welsh', () => {
    expect(actionName('read', says.wording)).toBe('Gwelwyd');
    expect(resultCount(3, { older: false, paged: false }, says.wording)).toBe('3 cofnod wedi’u canfod');
    expect(selectedFilters({ from: '2026-06-03' }, new Map(), { events: [] }, says.wording, 'cy')).toEqual([
      { name: 'from', label: 'Dyddiad o', value: '3 Mehefin 2026' },
    ]);
  });
});
