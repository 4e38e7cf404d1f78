import { describe, expect, it } from 'vitest';
import { ReportSettings } from '../src/shared/organisation-settings.ts';
import { aggregateEvents, figuresByGroup, figuresOf, percentile } from '../src/features/reports/contact-kpis.rules.ts';
import { periodKey, periodKeys, periodLabel, reportInstants } from '../src/features/reports/report-periods.rules.ts';
import { returnOnInvestment } from '../src/features/reports/return-on-investment.rules.ts';
import { reportTableCsv } from '../src/features/reports/report-csv.rules.ts';
import {
  expectedAgentTime,
  expectedDay,
  fixtureDay,
  fixtureEvents,
  staffOne,
  staffTwo,
} from './report-fixture.rules.ts';
import { agentTimeOf, agentTotals, chatHoldKinds } from '../src/features/reports/agent-time.rules.ts';
import { periodWindows } from '../src/features/reports/report-periods.rules.ts';

const minute = 60_000;

/** The fixture's advisers' time in these windows, as the repository reads it (agent-time.repository.ts). */
function fixtureAgentTotals(windows: Array<[Date, Date]>) {
  const statuses = fixtureEvents
    .filter((e) => e.kind === 'agent-status')
    .map((e) => ({ staffId: e.staffId ?? '', at: e.occurredAt, status: e.value ?? 0 }));
  const chats = fixtureEvents
    .filter((e) => e.channel === 'chat' && chatHoldKinds.includes(e.kind))
    .map((e) => ({ contactId: e.contactId, kind: e.kind, staffId: e.staffId, at: e.occurredAt }));
  return agentTotals(statuses, chats, windows, new Date('2030-01-01T00:00:00Z'));
}

describe('report figures from a hand-computed day of contacts', () => {
  const day = aggregateEvents(fixtureEvents, () => null);
  const dayTotals = fixtureAgentTotals(periodWindows(fixtureDay, fixtureDay, 'day'));

  it('counts offered, answered, abandoned and missed chats, waits, responses, handle times and surveys', () => {
    expect(figuresOf(day, agentTimeOf([...dayTotals.values()].flat()))).toEqual(expectedDay);
  });

  it('works out each adviser’s utilisation and chats at once from their statuses and chats', () => {
    expect(agentTimeOf(dayTotals.get(staffOne) ?? [])).toEqual(expectedAgentTime[staffOne]);
    expect(agentTimeOf(dayTotals.get(staffTwo) ?? [])).toEqual(expectedAgentTime[staffTwo]);
    // 10:00–11:00: both available all hour; s1 had C from 10:02 to 10:17 and G inside it.
    const hours = fixtureAgentTotals(periodWindows(fixtureDay, fixtureDay, 'hour'));
    const ten = agentTimeOf([...hours.values()].map((windows) => windows[10]!));
    expect(ten).toEqual({
      availableMs: 120 * minute,
      withChatMs: 15 * minute,
      utilisationPermille: 125,
      concurrentMax: 2,
      concurrentAverageHundredths: 140,
    });
  });

  it('counts a chat as its new adviser’s from a transfer or a take-over, and time only until now', () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 9, minutes));
    const totals = agentTotals(
      [
        { staffId: staffOne, at: at(0), status: 1 },
        { staffId: staffTwo, at: at(0), status: 2 },
      ],
      [
        { contactId: 'x', kind: 'chat-assigned', staffId: staffOne, at: at(10) },
        { contactId: 'x', kind: 'chat-transferred', staffId: staffTwo, at: at(20) },
        { contactId: 'x', kind: 'chat-taken-over', staffId: staffOne, at: at(25) },
      ],
      [[at(0), at(60)]],
      at(40),
    );
    expect(agentTimeOf(totals.get(staffOne)!)).toMatchObject({ availableMs: 40 * minute, withChatMs: 25 * minute });
    expect(agentTimeOf(totals.get(staffTwo)!)).toMatchObject({ availableMs: 40 * minute, withChatMs: 5 * minute });
  });

  it('gives each adviser their own chats’ figures', () => {
    const byAgent = figuresByGroup(
      aggregateEvents(fixtureEvents, (e) => e.staffId),
      [staffOne, staffTwo],
    );
    const [one, two] = byAgent.map((row) => row.figures);
    expect(one).toMatchObject({
      answered: 3,
      waitMs: { p50: 60_000, p90: 120_000, max: 120_000 },
      handleMs: { average: (31 / 3) * minute, total: 31 * minute },
      survey: { responses: 1, responseRatePermille: 333, averageRatingHundredths: 500 },
      emailsAnswered: 1,
    });
    expect(two).toMatchObject({
      answered: 2,
      waitMs: { p50: 10_000, p90: 90_000, max: 90_000 },
      handleMs: { average: 12.5 * minute, total: 25 * minute },
      survey: { responses: 2, responseRatePermille: 1000, averageRatingHundredths: 350, distribution: [0, 0, 1, 1, 0] },
      transcriptRequests: 1,
      emailsAnswered: 1,
      outOfHours: { answered: 1, answerMs: { p50: 60 * minute, p90: 60 * minute, max: 60 * minute } },
    });
  });

  it('groups by London hour, with the quiet hours as zero rows', () => {
    const hours = periodKeys(fixtureDay, fixtureDay, 'hour');
    expect(hours).toHaveLength(24);
    const rows = figuresByGroup(
      aggregateEvents(fixtureEvents, (e) => periodKey(e.occurredAt, 'hour')),
      hours,
    );
    const offered = Object.fromEntries(
      rows.filter((r) => r.figures.offered > 0).map((r) => [r.key, r.figures.offered]),
    );
    expect(offered).toEqual({
      '2026-03-10T09:00': 2,
      '2026-03-10T10:00': 3,
      '2026-03-10T11:00': 1,
      '2026-03-10T14:00': 1,
      '2026-03-10T16:00': 1,
    });
    expect(rows.find((r) => r.key === '2026-03-10T08:00')?.figures.offered).toBe(0);
  });

  it('works out the return on investment with its inputs', () => {
    const roi = returnOnInvestment(figuresOf(day), ReportSettings.parse({}));
    expect(roi).toEqual({
      chatsAnswered: 5,
      formsSubmitted: 2,
      comparedWith: 'phone',
      costPerContactPence: 283,
      agentHours: 0.93,
      agentHourlyCostPence: 2000,
      avoidedCostPence: 7 * 283,
      agentCostPence: 1867, // 56 minutes at £20 an hour
      netSavingPence: 1981 - 1867,
    });
    const faceToFace = returnOnInvestment(figuresOf(day), ReportSettings.parse({ comparedWith: 'face-to-face' }));
    expect(faceToFace.netSavingPence).toBe(7 * 862 - 1867);
  });

  it('writes a table as CSV, one column per figure', () => {
    const csv = reportTableCsv({
      range: {
        from: fixtureDay,
        to: fixtureDay,
        period: 'day',
        departmentId: null,
        topic: null,
        agentId: null,
        channel: null,
        scope: 'organisation',
      },
      table: 'volumes',
      rows: [{ key: fixtureDay, label: periodLabel(fixtureDay, 'day'), figures: figuresOf(day) }],
    });
    const [header, row] = csv.split('\r\n');
    expect(header).toContain('"waitMs.p90"');
    expect(row?.startsWith('"2026-03-10","10 Mar 2026","8","5","1","1","1","60000","120000"')).toBe(true);
    expect(header).toContain('"outOfHours.answerMs.max","agentTime.availableMs"');
  });
});

describe('percentiles and periods', () => {
  it('takes the nearest rank, as PostgreSQL’s percentile_disc', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });

  it('covers whole London days, across the clock change', () => {
    const { start, end } = reportInstants('2026-03-29', '2026-03-29');
    expect(start.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-29T23:00:00.000Z'); // a 23-hour day
    expect(periodKey(new Date('2026-07-01T23:30:00Z'), 'day')).toBe('2026-07-02'); // 00:30 BST
  });

  it('keys weeks from Monday and months from the 1st', () => {
    expect(periodKey(new Date('2026-03-15T12:00:00Z'), 'week')).toBe('2026-03-09');
    expect(periodKeys('2026-03-01', '2026-03-31', 'week')).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(periodKeys('2026-01-15', '2026-03-02', 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(periodLabel('2026-03-09', 'week')).toBe('Week of 9 Mar 2026');
    expect(periodLabel('2026-03-01', 'month')).toBe('Mar 2026');
  });
});
