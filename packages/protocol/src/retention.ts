import * as z from 'zod';
import { holdReasonMaxChars } from './shared-constants.ts';
import { freeText, structuredText } from './free-text.ts';

/**
 * Retention by category (docs/adr/0011-retention.md). Each category's period is data in the
 * organisation's settings; the job deletes what has expired and is not under a legal hold.
 */
export const retentionCategories = [
  'chat-transcripts',
  'contact-summaries',
  'survey-answers',
  'consent-evidence',
  'emails',
  'customer-records',
  'rights-requests',
  'contact-events',
] as const;
export const RetentionCategory = z.enum(retentionCategories);
export type RetentionCategory = z.infer<typeof RetentionCategory>;

/** How long after the contact data is kept, to the end of that day in Europe/London. */
export const RetentionPeriod = z.union([
  z.strictObject({ months: z.number().int().min(1, 'A period is at least 1 month').max(1200) }),
  z.strictObject({ days: z.number().int().min(1, 'A period is at least 1 day').max(36500) }),
]);
export type RetentionPeriod = z.infer<typeof RetentionPeriod>;

/** What replaces a resident's name once the conversation's personal data has been deleted. */
export const deletedByRetentionMarker = '[deleted: retention period ended]';

export { holdReasonMaxChars } from './shared-constants.ts';

/** `case`: one case on any channel (and, for a chat, its conversation). */
export const HoldCovers = z.enum(['conversation', 'resident', 'case']);
export type HoldCovers = z.infer<typeof HoldCovers>;

export const PlaceHoldBody = z
  .object({
    conversationId: z.uuid('That is not a conversation id').optional(),
    /** A case on any channel; `covers` then says whether the hold is on the case or on its resident. */
    caseId: z.uuid('That is not a case id').optional(),
    caseReference: structuredText(z.string().max(40, 'Enter a valid case reference, like 4K7M-9P2X')).optional(),
    /**
     * `conversation`: the chat; `case`: the case (a chat's case keeps its conversation too);
     * `resident`: everything about the resident the conversation (or case) belongs to.
     * Omitted: `case` when placed through `caseId`, `conversation` otherwise.
     */
    covers: z.enum(HoldCovers.options, { error: 'covers must be "conversation", "case" or "resident"' }).optional(),
    reason: freeText(
      z
        .string({ error: 'Enter the reason for the hold' })
        .trim()
        .min(1, 'Enter the reason for the hold')
        .max(holdReasonMaxChars, `The reason can be at most ${holdReasonMaxChars} characters`),
    ),
    /** Omit or null for a hold that lasts until it is lifted. */
    endsAt: z.iso
      .datetime({ offset: true, message: 'Enter the end as a date and time, like 2027-03-31T23:59:59Z' })
      .nullable()
      .optional(),
  })
  .refine(
    (body) => [body.conversationId, body.caseId, body.caseReference].filter((v) => v !== undefined).length === 1,
    {
      message: 'Give either the conversation id or its case reference (or the case id), not both',
    },
  );
export type PlaceHoldBody = z.input<typeof PlaceHoldBody>;

export const HoldStatus = z.enum(['active', 'ended', 'lifted']);
export type HoldStatus = z.infer<typeof HoldStatus>;

const StaffRef = z.object({ id: z.uuid(), name: z.string() });

export const RetentionHold = z.object({
  id: z.uuid(),
  covers: HoldCovers,
  /** The conversation placed on hold; null for a hold on a resident or a case. */
  conversationId: z.uuid().nullable(),
  /** The case placed on hold; null for a hold on a resident or a conversation. */
  caseId: z.uuid().nullable(),
  /** The case references the hold protects (every conversation of the resident for `resident`). */
  caseReferences: z.array(z.string()),
  reason: z.string(),
  placedBy: StaffRef,
  placedAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  liftedAt: z.iso.datetime().nullable(),
  liftedBy: StaffRef.nullable(),
  status: HoldStatus,
});
export type RetentionHold = z.infer<typeof RetentionHold>;

export const HoldsQuery = z.object({ status: HoldStatus.optional() });

/** What an upcoming expiry is about: a chat, a case, a form's answers, an email, or a customer record. */
export const ExpiringItem = z.enum(['conversation', 'case', 'form-submission', 'email', 'customer-record']);
export type ExpiringItem = z.infer<typeof ExpiringItem>;

export const UpcomingExpiry = z.object({
  item: ExpiringItem,
  /** The id of the item: the conversation, case, form submission, email or customer record. */
  itemId: z.uuid(),
  /** The chat (for `conversation`, and a chat's case); null otherwise. */
  conversationId: z.uuid().nullable(),
  /** The case it belongs to; null for a conversation without one and for customer records. */
  caseId: z.uuid().nullable(),
  /** The customer record (for `customer-record`); null otherwise. */
  recordId: z.uuid().nullable(),
  /** The case reference; null for a customer record. */
  caseReference: z.string().nullable(),
  category: RetentionCategory,
  /** The last instant the data is kept; it is deleted at the first run after. */
  expiresAt: z.iso.datetime(),
  held: z.boolean(),
});
export type UpcomingExpiry = z.infer<typeof UpcomingExpiry>;

export const UpcomingQuery = z.object({
  limit: z.coerce
    .number('limit must be a number from 1 to 500')
    .int()
    .min(1, 'limit must be a number from 1 to 500')
    .max(500, 'limit must be a number from 1 to 500')
    .default(100),
});

export const RetentionUnit = z.enum([
  'messages',
  'conversations',
  'emails',
  'attachments',
  'cases',
  'form submissions',
  'records',
  'events',
]);
export type RetentionUnit = z.infer<typeof RetentionUnit>;

export const DestructionLogEntry = z.object({
  category: RetentionCategory,
  rule: z.string(),
  count: z.number().int(),
  /**
   * What was counted: messages (transcripts, consent evidence), conversations (summaries, surveys),
   * emails (outbox files and emails on cases) and their attachments, cases, form submissions, records.
   */
  unit: RetentionUnit,
  runAt: z.iso.datetime(),
  jobId: z.string(),
});
export type DestructionLogEntry = z.infer<typeof DestructionLogEntry>;
