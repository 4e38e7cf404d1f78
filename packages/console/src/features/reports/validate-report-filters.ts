import type { CaseChannel, ReportPeriod } from '@ward/protocol';
import { checkTypedDate, isoDate, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { daysBetween, type ReportFilters } from './report-filters.ts';
import { reportsEn, type ReportErrorTexts } from './texts-en.ts';

export type ReportFilterField = 'from' | 'to' | 'period';

export interface ReportFilterAnswers {
  from: TypedDate;
  to: TypedDate;
  period: ReportPeriod;
  departmentId: string;
  topic: string;
  agentId: string;
  channel: '' | CaseChannel;
}

export interface ReportFilterCheck {
  errors: FieldErrors<ReportFilterField>;
  dateParts: { from: DatePart[]; to: DatePart[] };
  filters: ReportFilters | null;
}

/** Checks the report's form (GOV.UK wording): both dates, in order, at most a year; hours for a month at most. */
export function validateReportFilters(
  answers: ReportFilterAnswers,
  says: ReportErrorTexts = reportsEn.errors,
): ReportFilterCheck {
  const errors: FieldErrors<ReportFilterField> = {};
  const dateParts: ReportFilterCheck['dateParts'] = { from: [], to: [] };
  const dates: Partial<Record<'from' | 'to', string>> = {};
  for (const [field, label, enter] of [
    ['from', says.theStartDate, says.enterStartDate],
    ['to', says.theEndDate, says.enterEndDate],
  ] as const) {
    const checked = checkTypedDate(label, answers[field], says.dates);
    if ('error' in checked) {
      errors[field] = checked.error;
      dateParts[field] = checked.parts;
    } else if (!checked.date) {
      errors[field] = enter;
      dateParts[field] = ['day', 'month', 'year'];
    } else dates[field] = isoDate(checked.date.year, checked.date.month, checked.date.day);
  }
  if (dates.from && dates.to) {
    const days = daysBetween(dates.from, dates.to);
    if (days < 0) errors.to = says.endBeforeStart;
    else if (days > 365) errors.to = says.overAYear;
    else if (answers.period === 'hour' && days > 30) errors.period = says.hoursTooLong;
  }
  const ok = Object.keys(errors).length === 0 && dates.from && dates.to;
  return {
    errors,
    dateParts,
    filters: ok
      ? {
          from: dates.from!,
          to: dates.to!,
          period: answers.period,
          ...(answers.departmentId ? { departmentId: answers.departmentId } : {}),
          ...(answers.topic ? { topic: answers.topic } : {}),
          ...(answers.agentId ? { agentId: answers.agentId } : {}),
          ...(answers.channel ? { channel: answers.channel } : {}),
        }
      : null,
  };
}
