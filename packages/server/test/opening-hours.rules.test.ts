import { describe, expect, it } from 'vitest';
import { departmentHours } from '../src/features/organisations/opening-hours.rules.ts';
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
});
