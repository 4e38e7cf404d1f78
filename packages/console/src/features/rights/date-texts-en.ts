import type { DatePart } from '../../ui/uk-dates.ts';

/**
 * What the privacy pages' date fields say when a date is not right (ADR 51), with the date's name
 * (`label`) put in; Welsh in date-texts-cy.ts. The English is what ui/uk-dates.ts says.
 */
export const dateTextsEn = {
  parts: { day: 'day', month: 'month', year: 'year' } satisfies Record<DatePart, string>,
  and: ' and ',
  mustInclude: (label: string, parts: string) => `${label} must include a ${parts}`,
  realDate: (label: string) => `${label} must be a real date`,
  yearFourNumbers: 'Year must include 4 numbers',
  todayOrPast: (label: string) => `${label} must be today or in the past`,
  todayOrFuture: (label: string) => `${label} must be today or in the future`,
};

export type DateTexts = typeof dateTextsEn;
