import type { HoldCovers, PlaceHoldBody } from '@ward/protocol';
import { holdReasonMaxChars } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';
import { londonInstant, londonToday, type DatePart } from '../../ui/uk-dates.ts';
import { checkDate } from '../rights/date-texts.ts';
import { dateTextsEn, type DateTexts } from '../rights/date-texts-en.ts';
import { retentionEn, type RetentionTexts } from './texts-en.ts';

export type HoldField = 'covers' | 'reason' | 'endDate';
export type { DatePart };

export interface HoldAnswers {
  covers: HoldCovers | '';
  reason: string;
  endDay: string;
  endMonth: string;
  endYear: string;
}

export interface HoldCheck {
  errors: FieldErrors<HoldField>;
  /** The parts of the end date to highlight; the error summary links to the first. */
  endDateParts: DatePart[];
  /** The request to send, when there are no errors. */
  body: Omit<PlaceHoldBody, 'conversationId' | 'caseReference'> | null;
}

/** The last instant of a day in the UK (23:59:59.999, GMT or BST), as an ISO string. */
export function endOfLondonDay(year: number, month: number, day: number): string {
  return londonInstant(year, month, day, 23, 59, 59, 999);
}

/** GOV.UK date input checks for an optional end date; the hold ends at the end of that day (UK time). */
export function checkEndDate(
  dayTyped: string,
  monthTyped: string,
  yearTyped: string,
  now: Date,
  says: RetentionTexts = retentionEn,
  dates: DateTexts = dateTextsEn,
): { error: string; parts: DatePart[] } | { endsAt: string | null } {
  const dateLabel = says.endDateLabel;
  const checked = checkDate(dateLabel, { day: dayTyped, month: monthTyped, year: yearTyped }, dates);
  if ('error' in checked) return checked;
  if (!checked.date) return { endsAt: null };
  const { year, month, day } = checked.date;
  const order: DatePart[] = ['day', 'month', 'year'];
  const today = londonToday(now);
  const asNumber = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;
  if (asNumber({ year, month, day }) < asNumber(today)) return { error: dates.todayOrFuture(dateLabel), parts: order };
  return { endsAt: endOfLondonDay(year, month, day) };
}

/** Checks the "Place a legal hold" form; the body is ready to send when there are no errors. */
export function validateHold(
  answers: HoldAnswers,
  now: Date,
  says: RetentionTexts = retentionEn,
  dates: DateTexts = dateTextsEn,
): HoldCheck {
  const errors: FieldErrors<HoldField> = {};
  if (answers.covers === '') errors.covers = says.errors.selectCovers;
  const reason = answers.reason.trim();
  if (reason === '') errors.reason = says.errors.enterReason;
  else if (reason.length > holdReasonMaxChars) errors.reason = says.errors.reasonTooLong(holdReasonMaxChars);
  const end = checkEndDate(answers.endDay, answers.endMonth, answers.endYear, now, says, dates);
  let endDateParts: DatePart[] = [];
  if ('error' in end) {
    errors.endDate = end.error;
    endDateParts = end.parts;
  }
  const valid = Object.keys(errors).length === 0 && answers.covers !== '' && 'endsAt' in end;
  return {
    errors,
    endDateParts,
    body: valid
      ? { covers: answers.covers as HoldCovers, reason, ...(end.endsAt ? { endsAt: end.endsAt } : {}) }
      : null,
  };
}
