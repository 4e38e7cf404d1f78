import { describe, expect, it } from 'vitest';
import { filtersFromSearch, reportApiPath, searchFromFilters } from '../src/features/reports/report-filters.ts';
import { duration, percent, pounds, rating } from '../src/features/reports/report-wording.ts';
import { validateReportFilters, type ReportFilterAnswers } from '../src/features/reports/validate-report-filters.ts';

const today = { year: 2026, month: 12, day: 4 };
const answers = (change: Partial<ReportFilterAnswers> = {}): ReportFilterAnswers => ({
  from: { day: '1', month: '11', year: '2026' },
  to: { day: '30', month: '11', year: '2026' },
  period: 'day',
  departmentId: '',
  topic: '',
  agentId: '',
  channel: '',
  ...change,
});

describe('the report’s filters', () => {
  it('default to the last 7 days by day, and keep what the address holds', () => {
    expect(filtersFromSearch('', today)).toEqual({ from: '2026-11-28', to: '2026-12-04', period: 'day' });
    const filters = filtersFromSearch(
      '?from=2026-01-01&to=2026-01-31&period=week&channel=chat&departmentId=waste',
      today,
    );
    expect(filters).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      period: 'week',
      channel: 'chat',
      departmentId: 'waste',
    });
    expect(filtersFromSearch('?from=nonsense&period=fortnight&channel=fax', today)).toEqual({
      from: '2026-11-28',
      to: '2026-12-04',
      period: 'day',
    });
    const adviser = '6f1c1c1e-2d3b-4b8a-9f00-1a2b3c4d5e6f';
    const narrowed = filtersFromSearch(`?topic=bins&agentId=${adviser}`, today);
    expect(narrowed).toMatchObject({ topic: 'bins', agentId: adviser });
    expect(filtersFromSearch(`?${searchFromFilters(narrowed)}`, today)).toEqual(narrowed);
    expect(validateReportFilters(answers({ topic: 'bins', agentId: adviser })).filters).toMatchObject({
      topic: 'bins',
      agentId: adviser,
    });
    expect(reportApiPath('agents', filters, 'csv')).toBe(
      `/api/reports/agents?${searchFromFilters(filters)}&format=csv`,
    );
  });

  it('are checked the GOV.UK way', () => {
    expect(validateReportFilters(answers()).filters).toEqual({ from: '2026-11-01', to: '2026-11-30', period: 'day' });
    expect(validateReportFilters(answers({ to: { day: '', month: '', year: '' } })).errors).toEqual({
      to: 'Enter the end date',
    });
    expect(validateReportFilters(answers({ from: { day: '31', month: '2', year: '2026' } })).errors).toEqual({
      from: 'The start date must be a real date',
    });
    expect(validateReportFilters(answers({ to: { day: '1', month: '10', year: '2026' } })).errors).toEqual({
      to: 'The end date must be the same as or after the start date',
    });
    expect(validateReportFilters(answers({ to: { day: '2', month: '11', year: '2027' } })).errors).toEqual({
      to: 'The end date must be within a year of the start date',
    });
    expect(
      validateReportFilters(answers({ period: 'hour', to: { day: '2', month: '12', year: '2026' } })).errors,
    ).toEqual({
      period: 'Show hours for up to 31 days, or choose days, weeks or months',
    });
  });
});

describe('report wording', () => {
  it('reads durations, money, rates and ratings plainly', () => {
    expect(duration(null)).toBe('–');
    expect(duration(45_000)).toBe('45 s');
    expect(duration(125_000)).toBe('2 min 5 s');
    expect(duration(4_800_000)).toBe('1 h 20 min');
    expect(pounds(1698)).toBe('£16.98');
    expect(pounds(-250)).toBe('-£2.50');
    expect(pounds(123456789)).toBe('£1,234,567.89');
    expect(percent(750)).toBe('75.0%');
    expect(rating(425)).toBe('4.25 out of 5');
  });
});
