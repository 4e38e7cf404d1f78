import * as z from 'zod';
import { CaseChannel } from './cases.ts';
import { structuredText } from './free-text.ts';
import { reportPeriods, reportTables } from './shared-constants.ts';

/**
 * Reports (issue 12, ADR 36): figures from the contact events, which hold no personal data.
 * Durations are whole milliseconds; money is whole pence. Days are Europe/London days; `to` is
 * the last day included.
 */
const day = (name: string) => z.iso.date(`${name} must be a date as YYYY-MM-DD`);
const rangeMessage = 'Choose a period of at most 366 days, ending on or after its start';

export const ReportPeriod = z.enum(reportPeriods, 'period must be hour, day, week or month');
export type ReportPeriod = z.infer<typeof ReportPeriod>;
export const ReportTable = z.enum(reportTables);
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportQuery = z
  .object({
    from: day('from'),
    to: day('to'),
    departmentId: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'Choose a department')
      .optional(),
    topic: structuredText(z.string().trim().min(1).max(200, 'A topic is at most 200 characters')).optional(),
    agentId: z.uuid('agentId must be a member of staff’s id').optional(),
    channel: CaseChannel.optional(),
    period: ReportPeriod.default('day'),
    format: z.enum(['json', 'csv'], 'format must be json or csv').default('json'),
  })
  .refine(
    (q) => {
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
      return days >= 0 && days <= 365;
    },
    { message: rangeMessage, path: ['to'] },
  )
  .refine((q) => q.period !== 'hour' || Date.parse(q.to) - Date.parse(q.from) <= 30 * 86_400_000, {
    message: 'Hourly figures cover at most 31 days: choose a shorter period, or days',
    path: ['period'],
  });
export type ReportQuery = z.input<typeof ReportQuery>;

const ms = z.number().int().nullable();
const Spread = z.object({ p50: ms, p90: ms, max: ms });

/** Every figure a report shows, for a whole period or one row of a table. */
export const ReportFigures = z.object({
  /** Chats asked for; answered (an adviser accepted), abandoned (the resident left first), missed (nobody was free). */
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  missed: z.number().int(),
  /** Chats that ended because the resident left a message instead (not abandoned; ADR 44). */
  leftMessage: z.number().int(),
  /** Wait before answer; first response after the adviser accepted; handle time from accepted to ended. */
  waitMs: Spread,
  firstResponseMs: Spread,
  handleMs: Spread.extend({ average: ms, total: z.number().int() }),
  transfers: z.number().int(),
  messages: z.number().int(),
  transcriptRequests: z.number().int(),
  survey: z.object({
    responses: z.number().int(),
    /** Responses ÷ chats ended after an answer, in thousandths (e.g. 250 = 25.0%); null without such chats. */
    responseRatePermille: z.number().int().nullable(),
    /** Average rating × 100 (e.g. 425 = 4.25), null without responses. */
    averageRatingHundredths: z.number().int().nullable(),
    /** How many gave each rating, 1 to 5. */
    distribution: z.array(z.number().int()).length(5),
  }),
  formsSubmitted: z.number().int(),
  emailsReceived: z.number().int(),
  emailsAnswered: z.number().int(),
  casesOpened: z.record(z.string(), z.number().int()),
  casesClosed: z.record(z.string(), z.number().int()),
  /**
   * Messages left instead of a chat, and emails and forms that came while their department was closed;
   * how many were answered (a first reply to the resident) and how long that took (ADR 44).
   */
  outOfHours: z.object({ received: z.number().int(), answered: z.number().int(), answerMs: Spread }),
  /**
   * Advisers' time (ADR 44), null where it has no meaning (per department, topic or channel):
   * time available (status available or busy), the part of it with at least one chat, their ratio in
   * thousandths, and concurrent chats: the most at once and the average while they had any (× 100).
   */
  agentTime: z
    .object({
      availableMs: z.number().int(),
      withChatMs: z.number().int(),
      utilisationPermille: z.number().int().nullable(),
      concurrentMax: z.number().int(),
      concurrentAverageHundredths: z.number().int().nullable(),
    })
    .nullable(),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** Return on investment, with every input, so a manager can show how it was reached. */
export const ReturnOnInvestment = z.object({
  chatsAnswered: z.number().int(),
  formsSubmitted: z.number().int(),
  comparedWith: z.enum(['phone', 'face-to-face']),
  costPerContactPence: z.number().int(),
  agentHours: z.number(),
  agentHourlyCostPence: z.number().int(),
  /** (chats answered + forms) × cost per contact by the compared channel. */
  avoidedCostPence: z.number().int(),
  /** Agent hours × hourly cost. */
  agentCostPence: z.number().int(),
  netSavingPence: z.number().int(),
});
export type ReturnOnInvestment = z.infer<typeof ReturnOnInvestment>;

export const ReportRange = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  period: ReportPeriod,
  departmentId: z.string().nullable(),
  topic: z.string().nullable(),
  agentId: z.string().nullable(),
  channel: CaseChannel.nullable(),
  /** What the caller may see: everything, their departments, or their own figures. */
  scope: z.enum(['organisation', 'departments', 'own']),
});
export type ReportRange = z.infer<typeof ReportRange>;

export const ReportSummary = z.object({
  range: ReportRange,
  figures: ReportFigures,
  returnOnInvestment: ReturnOnInvestment,
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/** One row of a table: a period (its first day or hour), a department, topic, agent or channel. */
export const ReportRow = z.object({ key: z.string(), label: z.string(), figures: ReportFigures });
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportTableBody = z.object({ range: ReportRange, table: ReportTable, rows: z.array(ReportRow) });
export type ReportTableBody = z.infer<typeof ReportTableBody>;

/**
 * The live wallboard (issue 12): the queue now and today's answered and abandoned chats (a
 * Europe/London day), for supervisors' departments or the whole council. Figures only.
 */
export const Wallboard = z.object({
  asOf: z.iso.datetime(),
  waitingNow: z.number().int(),
  /** How long the longest-waiting resident has waited, in whole seconds; 0 when nobody waits. */
  longestWaitSeconds: z.number().int(),
  /** Staff who handle chats with the console open (a connected agent socket) now. */
  agentsAvailable: z.number().int(),
  answeredToday: z.number().int(),
  abandonedToday: z.number().int(),
});
export type Wallboard = z.infer<typeof Wallboard>;

/**
 * Survey comments (ADR 44): the residents' own words, redacted at intake, for the supervisors and
 * administrators of the chats' departments in the console only (no CSV, no API key), never with a
 * name, contact detail or case reference. At most `limit`, the latest first.
 */
export const SurveyCommentsQuery = z
  .strictObject({
    from: day('from'),
    to: day('to'),
    departmentId: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'Choose a department')
      .optional(),
  })
  .refine(
    (q) => {
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
      return days >= 0 && days <= 365;
    },
    { message: rangeMessage, path: ['to'] },
  );
export type SurveyCommentsQuery = z.input<typeof SurveyCommentsQuery>;
export const SurveyComment = z.object({
  /** The London day the chat ended. */
  day: z.iso.date(),
  department: z.string(),
  topic: z.string(),
  rating: z.number().int().min(1).max(5),
  comment: z.string(),
});
export type SurveyComment = z.infer<typeof SurveyComment>;
export const SurveyComments = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  limit: z.number().int(),
  comments: z.array(SurveyComment),
});
export type SurveyComments = z.infer<typeof SurveyComments>;
