import * as z from 'zod';
import { freeText } from './free-text.ts';
import { RoutingStrategyName, chatsAtOnce } from './routing.ts';
import { openingExceptionReasonMaxChars } from './shared-constants.ts';

/**
 * Opening-hours exceptions set from the console (issue 11, ADR 47): a closure (the Christmas
 * shutdown, a storm) or special hours (24 December 09:00–12:00) from one London date to another,
 * for every department or some. They add to the settings file's hours and closures.
 */
export const OpeningExceptionKind = z.enum(['closure', 'special-hours'], 'Select closed or special hours');
export type OpeningExceptionKind = z.infer<typeof OpeningExceptionKind>;

const day = (name: string) => z.iso.date(`Enter ${name} as a real date`);
// "24:00" closes at midnight, as in the settings file.
const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Enter times as HH:MM, like 09:00');
const departmentId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Select departments from the list');

export const AddOpeningExceptionBody = z
  .object({
    kind: OpeningExceptionKind,
    from: day('the first date'),
    to: day('the last date'),
    /** Special hours only: the openings on each of those dates, replacing the weekday's. */
    openings: z
      .array(
        z
          .tuple([clockTime, clockTime])
          .refine(([from, to]) => from < to, 'The closing time must be after the opening time'),
      )
      .max(6, 'Enter 6 openings a day or fewer')
      .default([]),
    // An administrator's own words: redacted like any free text (ADR 27).
    reason: freeText(
      z
        .string('Enter the reason')
        .trim()
        .min(1, 'Enter the reason')
        .max(openingExceptionReasonMaxChars, `The reason can be at most ${openingExceptionReasonMaxChars} characters`),
    ),
    /** Empty: every department. */
    departments: z
      .array(departmentId)
      .max(50, 'Select 50 departments or fewer')
      .refine((ids) => new Set(ids).size === ids.length, 'Select each department once')
      .default([]),
  })
  .superRefine((body, issues) => {
    if (body.to < body.from)
      issues.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last date must be the same as or after the first',
      });
    if (body.kind === 'special-hours' && body.openings.length === 0)
      issues.addIssue({ code: 'custom', path: ['openings'], message: 'Enter the opening and closing times' });
    if (body.kind === 'closure' && body.openings.length > 0)
      issues.addIssue({ code: 'custom', path: ['openings'], message: 'A closure has no opening times' });
  });
/** What the console sends (openings and departments may be left out). */
export type AddOpeningExceptionBody = z.input<typeof AddOpeningExceptionBody>;
/** The body as parsed, defaults filled in. */
export type AddOpeningException = z.output<typeof AddOpeningExceptionBody>;

export const OpeningException = z.object({
  id: z.uuid(),
  kind: OpeningExceptionKind,
  from: z.iso.date(),
  to: z.iso.date(),
  openings: z.array(z.tuple([z.string(), z.string()])),
  reason: z.string(),
  /** Empty: every department. */
  departments: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type OpeningException = z.infer<typeof OpeningException>;

/** `GET /api/opening-hours/exceptions` (admin): those not over yet, by first date; the departments to choose from. */
export const OpeningExceptionsResponse = z.object({
  exceptions: z.array(OpeningException),
  departments: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type OpeningExceptionsResponse = z.infer<typeof OpeningExceptionsResponse>;

export const OpeningExceptionParams = z.object({ id: z.uuid('That is not an opening-hours exception’s id') });

/**
 * `PUT /api/routing/departments/:departmentId` (admin): a department's strategy and default capacity;
 * null: as the council's settings file sets it.
 */
export const DepartmentRoutingBody = z.object({
  strategy: RoutingStrategyName.nullable(),
  capacity: chatsAtOnce,
});
export type DepartmentRoutingBody = z.infer<typeof DepartmentRoutingBody>;

export const DepartmentRoutingParams = z.object({
  departmentId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'That is not a department'),
});
