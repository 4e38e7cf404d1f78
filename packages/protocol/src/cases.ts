import * as z from 'zod';
import { caseNoteMaxChars, caseStatuses, intakeTextMaxChars, socialPlatforms } from './shared-constants.ts';

export { caseNoteMaxChars, caseStatuses, intakeTextMaxChars, socialPlatforms } from './shared-constants.ts';
import { freeText, structuredText } from './free-text.ts';
import { caseReferencePattern, normaliseCaseReference } from './case-reference.ts';
import { limits } from './limits.ts';
import { Disclosure } from './disclosures.ts';

/**
 * Cases (ADR 14): every contact with the council, on any channel, with its case reference, a
 * status, an owner and a department. Staff who do not work in a case's department see only
 * `CaseBrief` of it (reference, channel, topic, department, status, date: no personal data).
 */
export const CaseChannel = z.enum(['chat', 'email', 'form', 'phone', 'face-to-face', 'social-media']);
export type CaseChannel = z.infer<typeof CaseChannel>;

export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * `GET /api/integrations/cases/:caseReference` (API key with `cases:read`, or any member of staff):
 * where a case stands, for the council's other systems. No personal data: no names, summary or notes.
 */
export const IntegrationCase = z.object({
  caseReference: z.string(),
  status: CaseStatus,
  channel: CaseChannel,
  topic: z.string(),
  departmentId: z.string(),
  contactedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});
export type IntegrationCase = z.infer<typeof IntegrationCase>;

export const CaseEntryKind = z.enum(['note', 'request', 'status', 'owner', 'department', 'link', 'record']);
export type CaseEntryKind = z.infer<typeof CaseEntryKind>;

/** The platforms a social-media request can be transferred from. */
export const SocialPlatform = z.enum(socialPlatforms, 'Choose the platform: x, facebook, instagram, nextdoor or other');
export type SocialPlatform = z.infer<typeof SocialPlatform>;

const caseReferenceMessage = 'Enter a valid case reference, like 4K7M-9P2X';
/** A case reference as a person typed it: normalised (case, spaces, dashes) and its check symbol verified. */
export const TypedCaseReference = structuredText(
  z.string(caseReferenceMessage).max(40, caseReferenceMessage),
).transform((typed, context) => {
  const reference = normaliseCaseReference(typed);
  if (!reference) {
    context.addIssue({ code: 'custom', message: caseReferenceMessage });
    return z.NEVER;
  }
  return reference;
});

const Reference = z.string().regex(caseReferencePattern);
const StaffRef = z.object({ id: z.uuid(), name: z.string() });

/** What anyone in the organisation may see of a case: no personal data, so not audited. */
export const CaseBrief = z.object({
  id: z.uuid(),
  caseReference: Reference,
  channel: CaseChannel,
  /** The platform for social media (x, facebook…), the form's id for forms; otherwise null. */
  channelDetail: z.string().nullable(),
  topic: z.string(),
  departmentId: z.string(),
  departmentLabel: z.string(),
  status: CaseStatus,
  /** When the resident contacted the council (for social media: when the platform received it). */
  contactedAt: z.iso.datetime(),
});
export type CaseBrief = z.infer<typeof CaseBrief>;

/** A row of "my cases" and a department's open cases: the brief, with its owner and record. */
export const CaseListItem = CaseBrief.extend({
  owner: StaffRef.nullable(),
  recordId: z.uuid().nullable(),
  conversationId: z.uuid().nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

/**
 * One thing that happened on a case, oldest first. `text` is the note or the request as it
 * arrived (redacted, ADR 9). `change` is for status (statuses), owner (staff ids, labels their
 * names), department (department ids, labels their names) and record entries (`to`: the record
 * the case was linked to); `link` for link entries.
 */
export const CaseEntry = z.object({
  id: z.uuid(),
  kind: CaseEntryKind,
  text: z.string().nullable(),
  change: z
    .object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      fromLabel: z.string().nullable(),
      toLabel: z.string().nullable(),
    })
    .nullable(),
  link: z.object({ action: z.enum(['linked', 'unlinked']), caseId: z.uuid(), caseReference: Reference }).nullable(),
  /** null when Ward itself made the change (e.g. a chat ending, an intake). */
  author: StaffRef.nullable(),
  createdAt: z.iso.datetime(),
});
export type CaseEntry = z.infer<typeof CaseEntry>;

/** A case in full, for staff of its department and administrators (the read is audited). */
export const CaseDetail = CaseListItem.extend({
  /** The contact summary written by staff; for a chat, the conversation's summary. */
  summary: z.string().nullable(),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  entries: z.array(CaseEntry),
  /** Related contacts, whichever side linked them; briefs only. */
  linkedCases: z.array(CaseBrief),
  /** Disclosures to third parties recorded on the case, oldest first (ADR 30). */
  disclosures: z.array(Disclosure),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseResponse = z.object({ case: CaseDetail });
export type CaseResponse = z.infer<typeof CaseResponse>;

/** `POST /api/cases/lookup`: the full case when the member of staff may see it, else its brief. */
export const CaseLookupBody = z.object({ caseReference: TypedCaseReference });
export type CaseLookupBody = z.input<typeof CaseLookupBody>;
export const CaseLookupResult = z.discriminatedUnion('access', [
  z.object({ access: z.literal('full'), case: CaseDetail }),
  z.object({ access: z.literal('limited'), case: CaseBrief }),
]);
export type CaseLookupResult = z.infer<typeof CaseLookupResult>;

const pageMessage = 'limit must be a number from 1 to 100';
/** Newest first; `offset` skips that many (the previous page's `nextOffset`). */
export const CasePageQuery = z.object({
  limit: z.coerce.number(pageMessage).int(pageMessage).min(1, pageMessage).max(100, pageMessage).default(50),
  offset: z.coerce
    .number('offset must be a number')
    .int('offset must be a whole number')
    .min(0, 'offset must be 0 or more')
    .max(100_000, 'offset is too large')
    .default(0),
});
export type CasePageQuery = z.input<typeof CasePageQuery>;
/** A department's open cases, or only the messages residents left that nobody has answered by email yet (ADR 40). */
export const DepartmentCasesQuery = CasePageQuery.extend({
  show: z.enum(['open', 'messages-to-answer'], 'show must be open or messages-to-answer').default('open'),
});
export const CasePage = z.object({ cases: z.array(CaseListItem), nextOffset: z.number().int().nullable() });
export type CasePage = z.infer<typeof CasePage>;

export const CaseStatusBody = z.object({ status: CaseStatus });
export type CaseStatusBody = z.infer<typeof CaseStatusBody>;

/** null leaves the case without an owner. */
export const CaseOwnerBody = z.object({ ownerStaffId: z.uuid('Choose a member of staff').nullable() });
export type CaseOwnerBody = z.infer<typeof CaseOwnerBody>;

const departmentId = z.string('Choose a department').regex(/^[a-z0-9-]{1,40}$/, 'Choose a department');
export const CaseDepartmentBody = z.object({ departmentId });
export type CaseDepartmentBody = z.infer<typeof CaseDepartmentBody>;

export const CaseNoteBody = z.object({
  text: freeText(
    z
      .string('Enter a note')
      .trim()
      .min(1, 'Enter a note')
      .max(caseNoteMaxChars, `A note can be at most ${caseNoteMaxChars} characters`),
  ),
});
export type CaseNoteBody = z.infer<typeof CaseNoteBody>;

export const CaseLinkBody = z.object({ caseReference: TypedCaseReference });
export type CaseLinkBody = z.input<typeof CaseLinkBody>;

export const CaseSummaryBody = z.object({
  summary: freeText(
    z
      .string('Enter a summary')
      .trim()
      .min(1, 'Enter a summary')
      .max(limits.summaryMaxChars, `A summary can be at most ${limits.summaryMaxChars} characters`),
  ),
});
export type CaseSummaryBody = z.infer<typeof CaseSummaryBody>;

/** A case the resident quoted in a chat (`GET /api/conversations/:id/quoted-cases`). */
export const QuotedCase = CaseBrief.extend({
  /** Whether the member of staff may open it in full (`GET /api/cases/:id`). */
  access: z.enum(['full', 'limited']),
});
export type QuotedCase = z.infer<typeof QuotedCase>;
export const QuotedCases = z.object({ cases: z.array(QuotedCase) });
export type QuotedCases = z.infer<typeof QuotedCases>;

// ---- Intake: social media, phone, face to face ----

/** Clocks differ a little; anything later than this ahead of Ward's clock is refused. */
const clockSkewMs = 5 * 60 * 1000;
const pastDateTime = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `Enter ${name} as a date and time, like 2027-03-31T09:30:00Z` })
    .refine((value) => Date.parse(value) <= Date.now() + clockSkewMs, `${name} cannot be in the future`)
    .refine((value) => Date.parse(value) >= Date.parse('2000-01-01T00:00:00Z'), `${name} is too long ago`);

const optionalText = (max: number, message: string) =>
  structuredText(z.string().trim().max(max, message))
    .optional()
    .transform((v) => (v ? v : undefined));

/** The resident's details, each optional: used to find or create their record (ADR 14). */
const residentDetails = {
  name: optionalText(limits.nameMaxChars, `A name can be at most ${limits.nameMaxChars} characters`),
  email: z
    .union([
      z.literal(''),
      z.email('Enter an email address in the correct format, like name@example.com').max(limits.emailMaxChars),
    ])
    .optional()
    .transform((v) => (v ? v : undefined)),
  phone: optionalText(30, 'Enter a UK phone number, like 01632 960 001 or 07700 900 982'),
  /** The topic id from the organisation's settings; its department unless `departmentId` is given. */
  topic: structuredText(z.string().max(40, 'Choose a topic')).optional(),
  departmentId: departmentId.optional(),
  /** A case reference the resident quoted: links the new case to it and to its record. */
  caseReference: structuredText(z.string(caseReferenceMessage).max(40, caseReferenceMessage))
    .optional()
    .transform((typed, context) => {
      if (!typed?.trim()) return undefined;
      const reference = normaliseCaseReference(typed);
      if (!reference) context.addIssue({ code: 'custom', message: caseReferenceMessage });
      return reference ?? undefined;
    }),
};

export const SocialIntakeBody = z.object({
  platform: SocialPlatform,
  handle: structuredText(
    z
      .string('Enter the resident’s handle')
      .trim()
      .min(1, 'Enter the resident’s handle')
      .max(100, 'A handle can be at most 100 characters'),
  ),
  request: freeText(
    z
      .string('Enter the request')
      .trim()
      .min(1, 'Enter the request')
      .max(intakeTextMaxChars, `The request can be at most ${intakeTextMaxChars} characters`),
  ),
  receivedAt: pastDateTime('receivedAt'),
  ...residentDetails,
});
export type SocialIntakeBody = z.input<typeof SocialIntakeBody>;

export const LoggedContactBody = z.object({
  channel: z.enum(['phone', 'face-to-face'], 'Choose phone or face-to-face'),
  summary: freeText(
    z
      .string('Enter a summary of the contact')
      .trim()
      .min(1, 'Enter a summary of the contact')
      .max(limits.summaryMaxChars, `A summary can be at most ${limits.summaryMaxChars} characters`),
  ),
  /** Defaults to now. */
  contactedAt: pastDateTime('contactedAt').optional(),
  /** The resident's record, when staff already found it; otherwise the details below find or create one. */
  recordId: z.uuid('That is not a record id').optional(),
  ...residentDetails,
});
export type LoggedContactBody = z.input<typeof LoggedContactBody>;

export const IntakeResponse = z.object({
  caseId: z.uuid(),
  caseReference: Reference,
  recordId: z.uuid(),
  /** False when the contact was linked to an existing record (quoted case, or its only email match). */
  recordCreated: z.boolean(),
});
export type IntakeResponse = z.infer<typeof IntakeResponse>;
