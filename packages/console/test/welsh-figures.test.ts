import { describe, expect, it } from 'vitest';
import { periodLabelIn } from '../src/features/reports/report-periods.ts';
import { duration, rating } from '../src/features/reports/report-wording.ts';
import { waitingAnnouncement } from '../src/features/reports/wallboard-wording.ts';
import { reportsTexts } from '../src/features/reports/texts.ts';
import { describeDates, describeHours } from '../src/features/opening-hours/opening-hours-wording.ts';
import { openingHoursTexts } from '../src/features/opening-hours/texts.ts';

const cy = reportsTexts.cy;

describe('figures, periods and closures in Welsh (ADR 51), English unchanged', () => {
  it('names the periods of the figures over time in Welsh from their keys, and keeps Ward’s English names', () => {
    const row = { key: '2026-03-23', label: 'Week of 23 Mar 2026' };
    expect(periodLabelIn(row, 'week', cy)).toBe('Wythnos yn dechrau 23 Maw 2026');
    expect(periodLabelIn(row, 'week', null)).toBe('Week of 23 Mar 2026');
    expect(periodLabelIn({ key: '2026-12-01', label: '' }, 'month', cy)).toBe('Rhag 2026');
    expect(periodLabelIn({ key: '2026-03-29T01:00', label: '' }, 'hour', cy)).toBe('29 Maw 2026 01:00');
  });

  it('writes durations, ratings and the wallboard’s announcements in Welsh', () => {
    expect(duration(125_000, cy.units)).toBe('2 mun 5 eil');
    expect(duration(4_800_000, cy.units)).toBe('1 awr 20 mun');
    expect(duration(125_000)).toBe('2 min 5 s');
    expect(rating(425, cy.outOfFive)).toBe('4.25 allan o 5');
    expect(waitingAnnouncement(0, 3, cy)).toBe('Mae 3 preswylydd yn aros nawr');
    expect(waitingAnnouncement(3, 0, cy)).toBe('Nid oes neb yn aros nawr');
    expect(waitingAnnouncement(0, 3)).toBe('3 residents are waiting now');
  });

  it('says a closure’s dates and hours in Welsh', () => {
    const says = openingHoursTexts.cy;
    const closure = { from: '2026-12-24', to: '2027-01-02', kind: 'closure' as const, openings: [] };
    expect(describeDates(closure, 'cy', says)).toBe('24 Rhagfyr 2026 i 2 Ionawr 2027');
    expect(describeDates(closure)).toBe('24 December 2026 to 2 January 2027');
    expect(describeHours(closure, says)).toBe('Ar gau');
    expect(describeHours({ kind: 'special-hours', openings: [['09:00', '12:00']] }, says)).toBe(
      'Ar agor 09:00 i 12:00',
    );
  });
});
