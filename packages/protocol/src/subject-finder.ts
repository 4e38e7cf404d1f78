import * as z from 'zod';
import { CaseChannel } from './cases.ts';
import { structuredText } from './free-text.ts';

/**
 * Finding everything about a rights request's resident (issue 9, ADR 32, 33): a search through the
 * blind indexes gives candidates; the privacy officer confirms which are the resident's, and the
 * confirmed items are the request's subject scope.
 */
export const CandidateField = z.enum(['name', 'email', 'phone', 'postcode', 'caseReference']);
export type CandidateField = z.infer<typeof CandidateField>;

const optional = (max: number, what: string) =>
  structuredText(z.string().trim().max(max, `${what} must be ${max} characters or fewer`))
    .optional()
    .transform((value) => (value ? value : undefined));

export const SubjectCandidatesQuery = z
  .object({
    name: optional(200, 'The name'),
    email: optional(320, 'The email address'),
    phone: optional(40, 'The phone number'),
    postcode: optional(10, 'The postcode'),
    caseReference: optional(20, 'The case reference'),
  })
  .refine((q) => Object.values(q).some((value) => value !== undefined), {
    path: ['name'],
    message: 'Enter a name, email address, phone number, postcode or case reference',
  });
export type SubjectCandidatesQuery = z.input<typeof SubjectCandidatesQuery>;

/** What a candidate shows: enough to decide, never the values searched for. */
const candidateBase = {
  id: z.uuid(),
  /** The searched fields that found it (names of fields, not values). */
  matched: z.array(CandidateField),
  /** Confirmed by the officer as one of the request's roots. */
  confirmed: z.boolean(),
  /** Already in the scope, as a root or through a confirmed record. */
  inScope: z.boolean(),
};

export const RecordCandidate = z.object({
  ...candidateBase,
  names: z.array(z.string()),
  cases: z.number().int(),
  lastContactAt: z.iso.datetime().nullable(),
});
export type RecordCandidate = z.infer<typeof RecordCandidate>;

export const CaseCandidate = z.object({
  ...candidateBase,
  caseReference: z.string(),
  channel: CaseChannel,
  contactedAt: z.iso.datetime(),
  department: z.string(),
  recordId: z.uuid().nullable(),
});
export type CaseCandidate = z.infer<typeof CaseCandidate>;

export const SubjectCandidatesResponse = z.object({
  records: z.array(RecordCandidate),
  cases: z.array(CaseCandidate),
});
export type SubjectCandidatesResponse = z.infer<typeof SubjectCandidatesResponse>;

export const ScopeItemKind = z.enum(['customer-record', 'case'], 'Choose a customer record or a case');
export type ScopeItemKind = z.infer<typeof ScopeItemKind>;

export const ScopeItemBody = z.object({ kind: ScopeItemKind, id: z.uuid('That is not a record or case id') });
export type ScopeItemBody = z.input<typeof ScopeItemBody>;

/** A confirmed root as the officer reads it. */
export const ScopeRootView = z.object({
  kind: ScopeItemKind,
  id: z.uuid(),
  names: z.array(z.string()),
  cases: z.number().int(),
  caseReference: z.string().nullable(),
  channel: CaseChannel.nullable(),
  contactedAt: z.iso.datetime().nullable(),
});
export type ScopeRootView = z.infer<typeof ScopeRootView>;

export const ScopeCounts = z.object({
  records: z.number().int(),
  cases: z.number().int(),
  chats: z.number().int(),
  forms: z.number().int(),
  emails: z.number().int(),
  disclosures: z.number().int(),
  dataKeys: z.number().int(),
});
export type ScopeCounts = z.infer<typeof ScopeCounts>;

/** The purposes a resident can object to (ADR 33): chats' service-update opt-ins, and surveys. */
export const ObjectionPurpose = z.enum(['service-updates', 'surveys'], 'Select what the resident objects to');
export type ObjectionPurpose = z.infer<typeof ObjectionPurpose>;

export const ObjectionBody = z.object({ purpose: ObjectionPurpose });
export type ObjectionBody = z.input<typeof ObjectionBody>;

export const SubjectScopeResponse = z.object({
  roots: z.array(ScopeRootView),
  counts: ScopeCounts,
  /** When this request restricted the scope's processing; null when it has not (or it was lifted). */
  restrictedAt: z.iso.datetime().nullable(),
  /** The purposes this request recorded an objection to. */
  objections: z.array(ObjectionPurpose),
});
export type SubjectScopeResponse = z.infer<typeof SubjectScopeResponse>;
