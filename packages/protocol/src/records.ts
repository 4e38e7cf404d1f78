import { z } from 'zod';
import { freeText, structuredText } from './free-text.ts';
import { limits } from './limits.ts';
import { TimelineDisclosure } from './disclosures.ts';

/**
 * Customer records (docs/adr/0014-customer-records-and-cases.md): one per resident, its values
 * kept with their history, and a timeline of every contact (case) with the council. Every body
 * here is strict: an unknown field is refused (400) rather than ignored.
 */

/** The kinds of value a customer record holds (ADR 14). */
export const RecordDetailKind = z.enum([
  'name',
  'address',
  'phone',
  'email',
  'social-handle',
  'contact-preference',
  'note',
]);
export type RecordDetailKind = z.infer<typeof RecordDetailKind>;

/** A structured value of a record (a name, an address line, a phone number); a note is free text. */
const text = (max: number, what: string) =>
  structuredText(
    z
      .string()
      .trim()
      .min(1, `Enter ${what}`)
      .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} can be at most ${max} characters`),
  );
const optionalText = (max: number, what: string) =>
  structuredText(z.string().trim().max(max, `${what} can be at most ${max} characters`)).nullish();

/** How a resident prefers to be contacted. */
export const ContactPreference = z.enum(['email', 'phone', 'text-message', 'post', 'in-person', 'no-contact']);
export type ContactPreference = z.infer<typeof ContactPreference>;

/**
 * One value as staff type it. The server validates and normalises: a UK postcode (written
 * `SW1A 1AA`), a phone number (libphonenumber-js, read as UK unless international; stored as
 * E.164 `+447700900123`), an email address (lower case). A UPRN is the property's unique
 * reference number: 1 to 12 digits.
 */
export const RecordDetailInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('name'), name: text(limits.nameMaxChars, 'a name') }),
  z.strictObject({
    kind: z.literal('address'),
    lines: z
      .array(text(200, 'an address line'))
      .min(1, 'Enter the first line of the address')
      .max(4, 'An address can have at most 4 lines'),
    town: optionalText(100, 'Town'),
    postcode: text(10, 'a postcode'),
    uprn: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'A UPRN is up to 12 digits')
      .nullish(),
  }),
  z.strictObject({ kind: z.literal('phone'), number: text(40, 'a phone number'), label: optionalText(50, 'Label') }),
  z.strictObject({ kind: z.literal('email'), address: text(limits.emailMaxChars, 'an email address') }),
  z.strictObject({
    kind: z.literal('social-handle'),
    platform: text(50, 'the platform'),
    handle: text(100, 'the handle'),
  }),
  z.strictObject({ kind: z.literal('contact-preference'), preference: ContactPreference }),
  z.strictObject({ kind: z.literal('note'), text: freeText(text(2000, 'a note')) }),
]);
export type RecordDetailInput = z.infer<typeof RecordDetailInput>;

/** A value as stored (normalised). `contact-preference` may hold other words set by intake channels. */
export const RecordDetailValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('name'), name: z.string() }),
  z.object({
    kind: z.literal('address'),
    lines: z.array(z.string()),
    town: z.string().nullable(),
    postcode: z.string(),
    uprn: z.string().nullable(),
  }),
  z.object({ kind: z.literal('phone'), number: z.string(), label: z.string().nullable() }),
  z.object({ kind: z.literal('email'), address: z.string() }),
  z.object({ kind: z.literal('social-handle'), platform: z.string(), handle: z.string() }),
  z.object({ kind: z.literal('contact-preference'), preference: z.string() }),
  z.object({ kind: z.literal('note'), text: z.string() }),
]);
export type RecordDetailValue = z.infer<typeof RecordDetailValue>;

const reason = freeText(
  z.string().trim().min(1, 'Enter the reason for the change').max(500, 'A reason can be at most 500 characters'),
);

/** `POST /api/records`: a new record; at least one name. */
export const CreateRecordBody = z
  .strictObject({
    details: z
      .array(RecordDetailInput)
      .min(1, 'Enter the resident’s name')
      .max(50, 'A record can be created with at most 50 details'),
  })
  .refine((body) => body.details.some((d) => d.kind === 'name'), {
    message: 'Enter the resident’s name',
    path: ['details'],
  });
export type CreateRecordBody = z.infer<typeof CreateRecordBody>;

/** `POST /api/records/:id/details`: adds a value; the reason is optional. */
export const AddRecordDetailBody = z.strictObject({ value: RecordDetailInput, reason: reason.optional() });
export type AddRecordDetailBody = z.infer<typeof AddRecordDetailBody>;

/**
 * `PUT /api/records/:id/details/:detailId`: a new version of a current value, of the same kind; a reason is required.
 */
export const AmendRecordDetailBody = z.strictObject({ value: RecordDetailInput, reason });
export type AmendRecordDetailBody = z.infer<typeof AmendRecordDetailBody>;

/** `POST /api/records/:id/details/:detailId/remove`: the value stays in the history, marked removed. */
export const RemoveRecordDetailBody = z.strictObject({ reason });
export type RemoveRecordDetailBody = z.infer<typeof RemoveRecordDetailBody>;

/** Who did something: a member of staff (with their name) or an intake channel (`system:form`…). */
export const RecordActor = z.object({ staffId: z.uuid().nullable(), name: z.string() });
export type RecordActor = z.infer<typeof RecordActor>;

/**
 * One version of one value. `status`: `current`; `amended` (replaced by a later version, whose
 * `replacesId` is this id); `removed`. `recordId` is the record holding it: the one read, or a
 * record merged into it.
 */
export const RecordDetailVersion = z.object({
  id: z.uuid(),
  recordId: z.uuid(),
  kind: RecordDetailKind,
  value: RecordDetailValue,
  status: z.enum(['current', 'amended', 'removed']),
  replacesId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: RecordActor,
  supersededAt: z.iso.datetime().nullable(),
  supersededBy: RecordActor.nullable(),
  /** The reason typed when it was amended or removed. */
  changeReason: z.string().nullable(),
});
export type RecordDetailVersion = z.infer<typeof RecordDetailVersion>;

/**
 * One contact on the record's timeline. `restricted`: the case belongs to a department the
 * member of staff does not work in, so only reference, channel, date, department and status are
 * shown (topic and summary are null). `summary` of a chat is the conversation's summary.
 */
export const RecordTimelineCase = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  recordId: z.uuid(),
  channel: z.enum(['chat', 'email', 'form', 'phone', 'face-to-face', 'social-media']),
  contactedAt: z.iso.datetime(),
  departmentId: z.string(),
  departmentLabel: z.string(),
  status: z.enum(['open', 'awaiting-resident', 'awaiting-council', 'closed']),
  restricted: z.boolean(),
  topic: z.string().nullable(),
  summary: z.string().nullable(),
  conversationId: z.uuid().nullable(),
  /** Disclosures to third parties made on the case (ADR 30), oldest first; none when restricted. */
  disclosures: z.array(TimelineDisclosure),
});
export type RecordTimelineCase = z.infer<typeof RecordTimelineCase>;

/** A record merged into this one: its details and cases show here until the merge is undone. */
export const MergedRecord = z.object({
  recordId: z.uuid(),
  mergedAt: z.iso.datetime(),
  mergedBy: RecordActor.nullable(),
});
export type MergedRecord = z.infer<typeof MergedRecord>;

/**
 * `GET /api/records/:id` (audited). Asking for a record that was merged answers with the record
 * it was merged into (`id` differs from the one asked for). `details` are the current values of
 * this record and of the records merged into it; `history` every version, newest first.
 */
export const CustomerRecordView = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  createdBy: RecordActor,
  merged: z.array(MergedRecord),
  details: z.array(RecordDetailVersion),
  history: z.array(RecordDetailVersion),
  timeline: z.array(RecordTimelineCase),
  /** A rights request restricted its processing (ADR 33): it cannot change, be emailed or matched. */
  processingRestricted: z.boolean(),
});
export type CustomerRecordView = z.infer<typeof CustomerRecordView>;

export const CustomerRecordResponse = z.object({ record: CustomerRecordView });
export type CustomerRecordResponse = z.infer<typeof CustomerRecordResponse>;

/**
 * `POST /api/records/search` (a body: the values are personal data and never go in a URL).
 * Exact matches through blind indexes; at least one field; all given fields must match (a name
 * when every word of it does, any order, case and accents ignored). A case reference finds the
 * record of that case. Audited, purpose `search`.
 */
export const RecordSearchQuery = z
  .strictObject({
    name: structuredText(z.string().trim().max(limits.nameMaxChars, 'That name is too long')).optional(),
    email: structuredText(z.string().trim().max(limits.emailMaxChars, 'That email address is too long')).optional(),
    phone: structuredText(z.string().trim().max(40, 'That phone number is too long')).optional(),
    postcode: structuredText(z.string().trim().max(10, 'That postcode is too long')).optional(),
    caseReference: structuredText(z.string().trim().max(40, 'Enter a valid case reference, like 4K7M-9P2X')).optional(),
  })
  .refine((q) => Boolean(q.name || q.email || q.phone || q.postcode || q.caseReference), {
    message: 'Search by name, email, phone, postcode or case reference',
  });
export type RecordSearchQuery = z.infer<typeof RecordSearchQuery>;

/** A record in search results and match lists: enough to tell residents apart. */
export const RecordSummary = z.object({
  id: z.uuid(),
  names: z.array(z.string()),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  postcodes: z.array(z.string()),
  cases: z.number().int(),
  lastContactAt: z.iso.datetime().nullable(),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

/** At most 50, newest first; records merged into another come back as that other record. */
export const RecordSearchResponse = z.object({ records: z.array(RecordSummary) });
export type RecordSearchResponse = z.infer<typeof RecordSearchResponse>;

/**
 * `POST /api/records/matches`: likely records for a chat, from its pre-chat name and email, plus a
 * postcode or phone number the agent asked for. Nothing is linked until the agent confirms.
 */
export const ChatMatchQuery = z.strictObject({
  conversationId: z.uuid('That is not a conversation id'),
  postcode: structuredText(z.string().trim().max(10, 'That postcode is too long')).optional(),
  phone: structuredText(z.string().trim().max(40, 'That phone number is too long')).optional(),
});
export type ChatMatchQuery = z.infer<typeof ChatMatchQuery>;

export const MatchedIdentifier = z.enum(['email', 'name', 'postcode', 'phone']);
export type MatchedIdentifier = z.infer<typeof MatchedIdentifier>;

/** Strongest first: an exact email, then name with postcode or phone. `matched` says which identifiers agree. */
export const ChatMatchResponse = z.object({
  conversationId: z.uuid(),
  caseReference: z.string(),
  /** The record the chat's case is already linked to, if any. */
  linkedRecordId: z.uuid().nullable(),
  candidates: z.array(z.object({ record: RecordSummary, matched: z.array(MatchedIdentifier) })),
  /**
   * How many likely records belong to departments the agent does not work in: shown only as "a
   * record exists in another department", with nothing of them, and never linkable by this agent.
   */
  inOtherDepartments: z.number().int().nonnegative(),
});
export type ChatMatchResponse = z.infer<typeof ChatMatchResponse>;

/** `POST /api/records/:id/link-chat`: the agent confirms that this chat's resident is this record. */
export const LinkChatBody = z.strictObject({ conversationId: z.uuid('That is not a conversation id') });
export type LinkChatBody = z.infer<typeof LinkChatBody>;

/**
 * `POST /api/records/from-chat`: a new record from the chat's pre-chat name and email, plus any
 * details the agent adds, linked to the chat's case.
 */
export const RecordFromChatBody = z.strictObject({
  conversationId: z.uuid('That is not a conversation id'),
  details: z.array(RecordDetailInput).max(20, 'Add at most 20 details').default([]),
});
export type RecordFromChatBody = z.infer<typeof RecordFromChatBody>;

/** `POST /api/records/:id/merge`: this record (the duplicate) is merged into `intoRecordId`. */
export const MergeRecordBody = z.strictObject({ intoRecordId: z.uuid('That is not a record id'), reason });
export type MergeRecordBody = z.infer<typeof MergeRecordBody>;

/** `POST /api/records/:id/unmerge`: this record stands on its own again. */
export const UnmergeRecordBody = z.strictObject({ reason });
export type UnmergeRecordBody = z.infer<typeof UnmergeRecordBody>;

/** What linking a chat (or creating a record from it) answers: open the record with `GET /api/records/:recordId`. */
export const ChatLinkResponse = z.object({ recordId: z.uuid(), conversationId: z.uuid(), caseReference: z.string() });
export type ChatLinkResponse = z.infer<typeof ChatLinkResponse>;
