import * as z from 'zod';
import { freeText, structuredText } from './free-text.ts';
import { rightsTextMaxChars } from './shared-constants.ts';

/**
 * Residents' rights requests (ADR 28): a privacy officer logs each request and runs it to its
 * statutory due date. Dates are calendar dates in Europe/London, written YYYY-MM-DD.
 */
export const RightsRequestType = z.enum(
  ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection'],
  'Select the type of request',
);
export type RightsRequestType = z.infer<typeof RightsRequestType>;

export const RightsRequestStatus = z.enum([
  'received',
  'awaiting-identity',
  'awaiting-clarification',
  'in-progress',
  'extended',
  'completed',
  'refused',
  'withdrawn',
]);
export type RightsRequestStatus = z.infer<typeof RightsRequestStatus>;

/** The statuses a request is moved to while open; the clock stops in the two `awaiting` ones. */
export const RightsWorkingStatus = z.enum(
  ['awaiting-identity', 'awaiting-clarification', 'in-progress'],
  'Select what happens next',
);
export type RightsWorkingStatus = z.infer<typeof RightsWorkingStatus>;

export const RightsOutcome = z.enum(['completed', 'refused', 'withdrawn'], 'Select how the request ended');
export type RightsOutcome = z.infer<typeof RightsOutcome>;

export const RightsChannel = z.enum(
  ['email', 'letter', 'phone', 'in-person', 'web-form', 'chat', 'social-media'],
  'Select how the request came in',
);
export type RightsChannel = z.infer<typeof RightsChannel>;

export const IdentityMethod = z.enum(
  ['not-checked', 'documents', 'known-to-council', 'signed-in-account', 'other'],
  'Select how identity was checked',
);
export type IdentityMethod = z.infer<typeof IdentityMethod>;

export { rightsTextMaxChars } from './shared-constants.ts';

const calendarDate = (what: string) =>
  z.iso.date(`Enter the ${what} as a real date, like 2026-03-27`).refine((text) => text >= '2000-01-01', {
    message: `The ${what} must be after 1 January 2000`,
  });

/** Required text: a reason in the officer's words (free text, redacted) or a value such as a name. */
const text = (what: string, max = rightsTextMaxChars, kind: 'free' | 'structured' = 'free') =>
  (kind === 'free' ? freeText : structuredText)(
    z
      .string(`Enter ${what}`)
      .trim()
      .min(1, `Enter ${what}`)
      .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`),
  );

/** Optional free text (a note or a reason), redacted like every other (ADR 27). */
const optionalText = (what: string, max = rightsTextMaxChars) =>
  freeText(z.string().trim().max(max, `${what} must be ${max} characters or fewer`))
    .optional()
    .transform((value) => (value ? value : null));

export const LogRightsRequestBody = z.object({
  type: RightsRequestType,
  receivedOn: calendarDate('date the request was received'),
  channel: RightsChannel,
  requesterName: text("the requester's name", 200, 'structured'),
  requesterContact: text("the requester's email address, phone number or postal address", 500, 'structured'),
  caseReference: structuredText(z.string().trim().max(20, 'A case reference is 9 characters, like ABCD-1234'))
    .optional()
    .transform((value) => (value ? value : null)),
  identityMethod: IdentityMethod.default('not-checked'),
  identityNote: optionalText('The note about identity'),
  ownerId: z.uuid('Select a member of staff').optional(),
});
export type LogRightsRequestBody = z.input<typeof LogRightsRequestBody>;

export const ChangeRightsStatusBody = z.object({
  status: RightsWorkingStatus,
  /** The day it happened (today when left out): the clock stops or restarts on that day. */
  on: calendarDate('date').optional(),
  reason: optionalText('The reason'),
  /** How identity was checked, when it has been (typically on resuming from waiting for identity). */
  identityMethod: IdentityMethod.optional(),
  identityNote: optionalText('The note about identity'),
});
export type ChangeRightsStatusBody = z.input<typeof ChangeRightsStatusBody>;

export const ExtendRightsRequestBody = z.object({
  months: z.union([z.literal(1), z.literal(2)], 'Select 1 or 2 months'),
  reason: text('the reason for the extension'),
});
export type ExtendRightsRequestBody = z.input<typeof ExtendRightsRequestBody>;

export const AssignRightsRequestBody = z.object({ ownerId: z.uuid('Select a member of staff') });
export type AssignRightsRequestBody = z.input<typeof AssignRightsRequestBody>;

export const CloseRightsRequestBody = z
  .object({ outcome: RightsOutcome, reason: optionalText('The reason') })
  .refine((body) => body.outcome !== 'refused' || body.reason !== null, {
    path: ['reason'],
    message: 'Enter the reason the request was refused',
  });
export type CloseRightsRequestBody = z.input<typeof CloseRightsRequestBody>;

export const RightsRequestsQuery = z.object({
  status: RightsRequestStatus.optional(),
  ownerId: z.uuid('That is not a member of staff').optional(),
  overdue: z.enum(['true', 'false'], 'Overdue is true or false').optional(),
});
export type RightsRequestsQuery = z.input<typeof RightsRequestsQuery>;

/** Where the deadline stands today. */
export const RightsDueFlag = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overdue'), days: z.number().int() }),
  z.object({ kind: z.literal('due-today') }),
  z.object({ kind: z.literal('due-in'), days: z.number().int() }),
  /** The clock is stopped: this many calendar days remain when it resumes (in a request's detail). */
  z.object({ kind: z.literal('paused'), daysLeft: z.number().int().nullable() }),
  z.object({ kind: z.literal('closed') }),
]);
export type RightsDueFlag = z.infer<typeof RightsDueFlag>;

export const RightsRequestSummary = z.object({
  id: z.uuid(),
  type: RightsRequestType,
  status: RightsRequestStatus,
  requesterName: z.string(),
  receivedOn: z.string(),
  /** Null while the clock is stopped. */
  dueOn: z.string().nullable(),
  flag: RightsDueFlag,
  extensionMonths: z.number().int(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  caseReference: z.string().nullable(),
});
export type RightsRequestSummary = z.infer<typeof RightsRequestSummary>;

export const RightsStepAction = z.enum(['logged', 'status', 'extended', 'assigned', 'closed', 'erased']);
export type RightsStepAction = z.infer<typeof RightsStepAction>;

export const RightsRequestStep = z.object({
  at: z.iso.datetime(),
  /** The calendar day the step took effect (a pause or resume may be dated earlier than `at`). */
  on: z.string(),
  action: RightsStepAction,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  status: RightsRequestStatus,
  ownerName: z.string().nullable(),
  months: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type RightsRequestStep = z.infer<typeof RightsRequestStep>;

export const RightsRequestDetail = RightsRequestSummary.extend({
  channel: RightsChannel,
  requesterContact: z.string(),
  identityMethod: IdentityMethod,
  identityNote: z.string().nullable(),
  steps: z.array(RightsRequestStep),
});
export type RightsRequestDetail = z.infer<typeof RightsRequestDetail>;

export const RightsRequestResponse = z.object({ request: RightsRequestDetail });
export const RightsRequestsResponse = z.object({ requests: z.array(RightsRequestSummary) });
