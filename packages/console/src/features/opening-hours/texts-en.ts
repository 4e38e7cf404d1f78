import { openingExceptionReasonMaxChars } from '@ward/protocol';
import { uiEn } from '../../ui/texts-en.ts';

/** The Opening hours page's texts (ADR 47, 51); Welsh in texts-cy.ts, with the same keys. */
export const openingHoursEn = {
  title: 'Opening hours',
  intro:
    'Advisers answer chats in the usual hours from the council’s settings file, and are closed on bank holidays unless it says otherwise. Add a closure or special hours here: residents see it in the chat at once. Past ones drop off this list by themselves.',
  loading: 'Loading closures and special hours…',
  listHeading: 'Closures and special hours',
  nothingComing: 'There are no closures or special hours coming up.',
  caption: 'Closures and special hours, by first date',
  dates: 'Dates',
  hours: 'Hours',
  departments: 'Departments',
  allDepartments: 'All departments',
  reason: 'Reason',
  action: 'Action',
  remove: 'Remove',
  removed: (hours: string, dates: string) => `Removed: ${hours} on ${dates}. The usual hours apply again.`,
  added: (hours: string, dates: string) => `Added: ${hours} on ${dates}.`,
  hoursOnDates: (hours: string, dates: string) => `${hours} on ${dates}`,
  // ---- the wording of a closure ----
  dateRange: (first: string, last: string) => `${first} to ${last}`,
  closed: 'Closed',
  open: (openings: string) => `Open ${openings}`,
  opening: (from: string, to: string) => `${from} to ${to}`,
  // ---- the form ----
  addHeading: 'Add a closure or special hours',
  kindLegend: 'Are advisers closed, or open for special hours?',
  closedAllDay: 'Closed all day',
  closedAllDayHint: 'For example, a shutdown or a storm.',
  specialHours: 'Open for special hours',
  specialHoursHint: 'These hours replace the usual ones on each date, even on a bank holiday.',
  firstDate: 'First date',
  firstDateHint: 'For example, 24 12 2026.',
  lastDate: 'Last date (optional)',
  lastDateHint: 'Leave it empty for one day.',
  openingTime: 'Opening time',
  openingTimeHint: 'In UK time, for example 09:00.',
  closingTime: 'Closing time',
  closingTimeHint: 'For example, 12:30. Enter 24:00 for midnight.',
  departmentsHint: 'Leave every box unticked for all departments.',
  reasonHint: 'Staff see this. Residents are told only when advisers are back.',
  add: 'Add',
  errors: {
    selectKind: 'Select whether they are closed or open for special hours',
    theFirstDate: 'The first date',
    theLastDate: 'The last date',
    enterFirstDate: 'Enter the first date',
    lastBeforeFirst: 'The last date must be the same as or after the first date',
    lastInPast: 'The last date must be today or in the future',
    enterOpening: 'Enter the opening time',
    openingFormat: 'Enter the opening time as hours and minutes, like 09:00',
    enterClosing: 'Enter the closing time',
    closingFormat: 'Enter the closing time as hours and minutes, like 12:30',
    closingBeforeOpening: 'The closing time must be after the opening time',
    enterReason: 'Enter the reason',
    reasonTooLong: `The reason must be ${openingExceptionReasonMaxChars} characters or fewer`,
    dates: uiEn.dates,
  },
};

export type OpeningHoursTexts = typeof openingHoursEn;
export type OpeningHoursErrorTexts = OpeningHoursTexts['errors'];
