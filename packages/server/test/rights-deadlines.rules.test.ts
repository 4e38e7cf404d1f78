import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Holidays from 'date-holidays';
import { OrganisationSettings } from '../src/shared/organisation-settings.ts';
import {
  dueFlag,
  parseIsoDate,
  rightsDeadline,
  isoDate,
  type Nation,
  type Pause,
} from '../src/features/rights/rights-deadlines.rules.ts';

const nations: Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const d = parseIsoDate;

function due(received: string, nation: Nation, options: { pauses?: [string, string | null][]; months?: number } = {}) {
  const pauses: Pause[] = (options.pauses ?? []).map(([from, to]) => ({ from: d(from), to: to ? d(to) : null }));
  const deadline = rightsDeadline({ received: d(received), nation, pauses, extensionMonths: options.months });
  return deadline.state === 'running' ? isoDate(deadline.due) : deadline;
}

describe('the due date of a rights request, checked by hand', () => {
  it('is the same date next month, or the last day of a shorter month', () => {
    expect(due('2026-03-10', 'england-and-wales')).toBe('2026-04-10');
    // 28 February 2026 is a Saturday: the next working day.
    expect(due('2026-01-31', 'england-and-wales')).toBe('2026-03-02');
    expect(due('2028-01-31', 'england-and-wales')).toBe('2028-02-29');
    expect(due('2028-02-29', 'england-and-wales')).toBe('2028-03-29');
  });

  it('moves past Christmas, Boxing Day and its substitute day', () => {
    for (const nation of nations) expect(due('2026-11-25', nation)).toBe('2026-12-29');
  });

  it("knows Easter Monday in England and Wales but not in Scotland, and Scotland's 2 January", () => {
    expect(due('2026-03-06', 'england-and-wales')).toBe('2026-04-07');
    expect(due('2026-03-06', 'scotland')).toBe('2026-04-06');
    expect(due('2028-12-02', 'scotland')).toBe('2029-01-03');
    expect(due('2028-12-02', 'england-and-wales')).toBe('2029-01-02');
  });

  it("moves past St Andrew's Day's substitute Monday in Scotland only", () => {
    // 30 November 2030 is a Saturday; Scotland's bank holiday is Monday 2 December.
    expect(due('2030-11-02', 'scotland')).toBe('2030-12-03');
    expect(due('2030-11-02', 'england-and-wales')).toBe('2030-12-02');
  });

  it("knows Northern Ireland's St Patrick's Day and 12 July", () => {
    expect(due('2026-02-17', 'northern-ireland')).toBe('2026-03-18');
    expect(due('2026-02-17', 'england-and-wales')).toBe('2026-03-17');
    expect(due('2027-06-12', 'northern-ireland')).toBe('2027-07-13');
    expect(due('2027-06-12', 'england-and-wales')).toBe('2027-07-12');
  });

  it('counts the days left at a pause from the day it resumes', () => {
    // Due 1 April; paused 10 March for 10 days: 11 April, a Saturday, so Monday 13 April.
    expect(due('2026-03-01', 'england-and-wales', { pauses: [['2026-03-10', '2026-03-20']] })).toBe('2026-04-13');
    expect(due('2026-03-01', 'england-and-wales', { pauses: [['2026-03-10', null]] })).toEqual({
      state: 'paused',
      since: d('2026-03-10'),
      daysLeft: 22,
    });
    // Paused once already overdue: the due date stays.
    expect(due('2026-03-01', 'england-and-wales', { pauses: [['2026-04-02', '2026-04-20']] })).toBe('2026-04-01');
  });

  it('extends by whole months from the original due date', () => {
    expect(due('2026-01-31', 'england-and-wales', { months: 2 })).toBe('2026-04-28');
    expect(due('2026-03-10', 'england-and-wales', { months: 1 })).toBe('2026-05-11');
    expect(() => due('2026-03-10', 'england-and-wales', { months: 3 })).toThrow(RangeError);
  });

  it('flags overdue, due today and due in N days', () => {
    expect(dueFlag(d('2026-04-10'), d('2026-04-12'))).toEqual({ kind: 'overdue', days: 2 });
    expect(dueFlag(d('2026-04-10'), d('2026-04-10'))).toEqual({ kind: 'due-today' });
    expect(dueFlag(d('2026-04-10'), d('2026-04-07'))).toEqual({ kind: 'due-in', days: 3 });
  });
});

/**
 * The oracle: a naive implementation with JavaScript dates, walking one day at a time, and bank
 * holidays listed by date-holidays' own `getHolidays(year)`.
 */
const codes: Record<Nation, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };
const holidayLists = new Map<Nation, Set<string>>(
  nations.map((nation) => {
    const hd = new Holidays('GB', codes[nation]);
    const days = new Set<string>();
    for (let year = 2025; year <= 2032; year++)
      for (const h of hd.getHolidays(year)) if (h.type === 'public') days.add(h.date.slice(0, 10));
    return [nation, days];
  }),
);
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fromDate = (date: Date) => date.toISOString().slice(0, 10);
const nextDay = (iso: string) => fromDate(new Date(toDate(iso).getTime() + 86_400_000));
function plusMonths(iso: string, months: number): string {
  const start = toDate(iso);
  let day = start.getUTCDate();
  for (;;) {
    const candidate = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, day));
    if (candidate.getUTCDate() === day) return fromDate(candidate);
    day -= 1;
  }
}
function working(iso: string, nation: Nation): string {
  let day = iso;
  while ([0, 6].includes(toDate(day).getUTCDay()) || holidayLists.get(nation)!.has(day)) day = nextDay(day);
  return day;
}
function oracle(received: string, nation: Nation, pauses: [string, string][], months: number): string {
  let base = plusMonths(received, 1);
  for (const [from, to] of pauses) {
    if (from > working(plusMonths(base, months), nation)) continue;
    for (let day = from; day < to; day = nextDay(day)) base = nextDay(base);
  }
  return working(plusMonths(base, months), nation);
}

/** Pauses one after another: wait `wait` days, then stop for `length` days. */
function pausesFrom(received: string, gaps: [number, number][]): [string, string][] {
  const pauses: [string, string][] = [];
  let day = received;
  for (const [wait, length] of gaps) {
    for (let i = 0; i < wait; i++) day = nextDay(day);
    const from = day;
    for (let i = 0; i < length; i++) day = nextDay(day);
    pauses.push([from, day]);
  }
  return pauses;
}

const everyDay: string[] = [];
for (let day = '2026-01-01'; day <= '2030-12-31'; day = nextDay(day)) everyDay.push(day);

describe('the due date against a naive oracle', () => {
  it('agrees on every day of 2026 to 2030 in every nation', () => {
    for (const nation of nations)
      for (const received of everyDay) expect(due(received, nation), received).toBe(oracle(received, nation, [], 0));
  });

  it('agrees on every day of 2026 to 2030 in every nation, each with its own pauses and extension', () => {
    const shapes = fc.sample(
      fc.record({
        months: fc.integer({ min: 0, max: 2 }),
        gaps: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 })), { maxLength: 3 }),
      }),
      { numRuns: everyDay.length * nations.length, seed: 28 },
    );
    let index = 0;
    for (const nation of nations)
      for (const received of everyDay) {
        const { months, gaps } = shapes[index++]!;
        const pauses = pausesFrom(received, gaps);
        expect(due(received, nation, { pauses, months }), received).toBe(oracle(received, nation, pauses, months));
      }
  });

  it('agrees with pauses and extensions', () => {
    const request = fc.record({
      received: fc.constantFrom(...everyDay),
      nation: fc.constantFrom(...nations),
      months: fc.integer({ min: 0, max: 2 }),
      gaps: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 })), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(request, ({ received, nation, months, gaps }) => {
        const pauses = pausesFrom(received, gaps);
        expect(due(received, nation, { pauses, months })).toBe(oracle(received, nation, pauses, months));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the nation setting', () => {
  it('is England and Wales unless the council chooses Scotland or Northern Ireland', () => {
    expect(OrganisationSettings.parse({ topics: [{ id: 'bins', label: 'Bins' }] }).nation).toBe('england-and-wales');
    expect(OrganisationSettings.parse({ topics: [{ id: 'bins', label: 'Bins' }], nation: 'scotland' }).nation).toBe(
      'scotland',
    );
    expect(OrganisationSettings.safeParse({ topics: [{ id: 'bins', label: 'Bins' }], nation: 'wales' }).success).toBe(
      false,
    );
  });
});
