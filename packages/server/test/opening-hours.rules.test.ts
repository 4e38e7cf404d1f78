import { describe, expect, it } from 'vitest';
import { closedAt, departmentHours, type OpeningException } from '../src/features/organisations/opening-hours.rules.ts';
import { OpeningHoursSettings } from '../src/shared/organisation-settings.ts';

const hours = OpeningHoursSettings.parse({
  departments: { parking: { saturday: [['10:00', '14:00']] } },
  closures: [{ from: '2026-12-09', to: '2026-12-09', reason: 'Staff training', departments: ['housing'] }],
});
const at = (iso: string) => new Date(iso);
const england = (department: string, now: string) => departmentHours(hours, 'england-and-wales', department, at(now));

describe('whether a department is answering chats, and when it next will (Europe/London)', () => {
  it('is open on a weekday within its hours, and says when it opens again after them', () => {
    expect(england('council-tax', '2026-12-08T10:00:00Z')).toEqual({ open: true, opensAt: null });
    expect(england('council-tax', '2026-12-08T17:30:00Z')).toEqual({
      open: false,
      opensAt: at('2026-12-09T09:00:00Z'),
    });
    expect(england('council-tax', '2026-12-08T07:00:00Z')).toEqual({
      open: false,
      opensAt: at('2026-12-08T09:00:00Z'),
    });
  });

  it('is closed at the weekend unless the department has its own hours', () => {
    expect(england('council-tax', '2026-12-11T18:00:00Z').opensAt).toEqual(at('2026-12-14T09:00:00Z'));
    expect(england('parking', '2026-12-12T11:00:00Z')).toEqual({ open: true, opensAt: null });
  });

  it('answers round the clock when a day runs from 00:00 to 24:00, and refuses a day that ends before it starts', () => {
    const always = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [
      day,
      [['00:00', '24:00']],
    ]);
    const allHours = OpeningHoursSettings.parse({ weekly: Object.fromEntries(always) });
    for (const now of ['2026-12-12T23:59:30Z', '2026-12-13T00:00:00Z', '2026-12-08T12:00:00Z'])
      expect(departmentHours(allHours, 'england-and-wales', 'housing', at(now)).open).toBe(true);
    expect(OpeningHoursSettings.safeParse({ weekly: { monday: [['24:00', '24:00']] } }).success).toBe(false);
    expect(OpeningHoursSettings.safeParse({ weekly: { monday: [['09:00', '24:30']] } }).success).toBe(false);
  });

  it('keeps a closure to the departments it names', () => {
    expect(england('housing', '2026-12-09T10:00:00Z')).toEqual({ open: false, opensAt: at('2026-12-10T09:00:00Z') });
    expect(england('council-tax', '2026-12-09T10:00:00Z').open).toBe(true);
  });

  it('closes on the nation’s bank holidays: Christmas, and the Boxing Day substitute', () => {
    // Friday 25 and Monday 28 December 2026 (Boxing Day falls on a Saturday) are bank holidays.
    expect(england('council-tax', '2026-12-24T17:30:00Z').opensAt).toEqual(at('2026-12-29T09:00:00Z'));
  });

  it('follows each nation and British Summer Time: Easter Monday is a holiday in England and Wales, not in Scotland', () => {
    // Good Friday 26 March 2027; clocks go forward on Sunday 28 March; Easter Monday 29 March.
    expect(england('council-tax', '2027-03-25T18:00:00Z').opensAt).toEqual(at('2027-03-30T08:00:00Z'));
    expect(departmentHours(hours, 'scotland', 'council-tax', at('2027-03-25T18:00:00Z')).opensAt).toEqual(
      at('2027-03-29T08:00:00Z'),
    );
    // 09:30 BST is 08:30 UTC.
    expect(england('council-tax', '2027-03-30T08:30:00Z').open).toBe(true);
  });

  it('opens on bank holidays when the council says so', () => {
    const open = OpeningHoursSettings.parse({ bankHolidays: 'open' });
    expect(departmentHours(open, 'england-and-wales', 'council-tax', at('2026-12-28T10:00:00Z')).open).toBe(true);
  });

  it('refuses hours that end before they start, or are not HH:MM', () => {
    expect(OpeningHoursSettings.safeParse({ weekly: { monday: [['17:00', '09:00']] } }).success).toBe(false);
    expect(OpeningHoursSettings.safeParse({ weekly: { monday: [['9am', '5pm']] } }).success).toBe(false);
  });

  describe('with the closures and special hours administrators set in the console', () => {
    const withExceptions = (exceptions: OpeningException[], department: string, now: string) =>
      departmentHours(hours, 'england-and-wales', department, at(now), exceptions);
    const christmasEve: OpeningException = {
      from: '2026-12-24',
      to: '2026-12-24',
      departments: ['council-tax'],
      openings: [['09:00', '12:00']],
    };

    it('opens for a date’s special hours instead of the weekday’s, in the departments named', () => {
      expect(withExceptions([christmasEve], 'council-tax', '2026-12-24T11:00:00Z')).toEqual({
        open: true,
        opensAt: null,
      });
      expect(withExceptions([christmasEve], 'council-tax', '2026-12-24T13:00:00Z').opensAt).toEqual(
        at('2026-12-29T09:00:00Z'),
      );
      expect(withExceptions([christmasEve], 'council-tax', '2026-12-24T08:00:00Z').opensAt).toEqual(
        at('2026-12-24T09:00:00Z'),
      );
      // Another department keeps its weekday until 17:00.
      expect(withExceptions([christmasEve], 'housing', '2026-12-24T13:00:00Z').open).toBe(true);
    });

    it('closes every department named from the first date to the last, and a closure wins over special hours', () => {
      const storm: OpeningException = { from: '2026-12-08', to: '2026-12-09', departments: [], openings: null };
      expect(withExceptions([storm], 'council-tax', '2026-12-08T10:00:00Z')).toEqual({
        open: false,
        opensAt: at('2026-12-10T09:00:00Z'),
      });
      expect(withExceptions([storm], 'parking', '2026-12-09T10:00:00Z').open).toBe(false);
      const specialDuringStorm = { ...christmasEve, from: '2026-12-08', to: '2026-12-08' };
      expect(withExceptions([specialDuringStorm, storm], 'council-tax', '2026-12-08T10:00:00Z').open).toBe(false);
      // Closures from the settings file still apply.
      expect(withExceptions([], 'housing', '2026-12-09T10:00:00Z').open).toBe(false);
    });

    it('opens on a bank holiday or a Sunday with special hours', () => {
      const boxingDay: OpeningException = { ...christmasEve, from: '2026-12-28', to: '2026-12-28', departments: [] };
      expect(withExceptions([boxingDay], 'housing', '2026-12-28T10:00:00Z').open).toBe(true);
      expect(withExceptions([], 'housing', '2026-12-28T10:00:00Z').open).toBe(false);
    });

    it('keeps London wall-clock times on the day the clocks go forward', () => {
      // Sunday 28 March 2027: British Summer Time starts at 01:00 UTC, so 10:00 in London is 09:00 UTC.
      const sunday: OpeningException = {
        from: '2027-03-28',
        to: '2027-03-28',
        departments: [],
        openings: [['10:00', '14:00']],
      };
      expect(withExceptions([sunday], 'housing', '2027-03-28T08:30:00Z')).toEqual({
        open: false,
        opensAt: at('2027-03-28T09:00:00Z'),
      });
      expect(withExceptions([sunday], 'housing', '2027-03-28T12:59:00Z').open).toBe(true);
      expect(withExceptions([sunday], 'housing', '2027-03-28T13:00:00Z').open).toBe(false);
    });
  });
});

describe('out-of-hours messages (ADR 44)', () => {
  it('are those that come while their department is closed; a contact with no department never is', () => {
    const settings = { openingHours: hours, nation: 'england-and-wales' as const };
    expect(closedAt(settings, at('2026-12-08T10:00:00Z'))('council-tax')).toBe(false);
    expect(closedAt(settings, at('2026-12-08T19:00:00Z'))('council-tax')).toBe(true);
    expect(closedAt(settings, at('2026-12-09T10:00:00Z'))('housing')).toBe(true); // staff training
    expect(closedAt(settings, at('2026-12-08T19:00:00Z'))(null)).toBe(false);
  });
});
