import * as z from 'zod';
import { structuredText } from './free-text.ts';
import { LawfulBasis } from './disclosures.ts';
import { TypedCaseReference } from './cases.ts';

/**
 * Privacy notices and consents (issue 10, ADR 37): which notice version each contact was shown, the
 * lawful basis of each purpose, and each consent given, how, with the exact wording, and its
 * withdrawal.
 */

export const noticeVersionMaxChars = 40;
export const noticeBodyMaxChars = 50_000;

export const PrivacyNotice = z.object({
  id: z.uuid(),
  version: z.string(),
  /** The council's own page, or null when Ward shows the text. */
  url: z.string().nullable(),
  body: z.string().nullable(),
  effectiveFrom: z.string(),
  /** Whether residents are shown this version now. */
  current: z.boolean(),
});
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

/** `POST /api/privacy-notices` (administrators). A notice is its address or its text, not both. */
export const PublishPrivacyNoticeBody = z
  .object({
    version: structuredText(
      z
        .string('Enter a version, like 2026-12 or 4.1')
        .trim()
        .min(1, 'Enter a version, like 2026-12 or 4.1')
        .max(noticeVersionMaxChars, `The version must be ${noticeVersionMaxChars} characters or fewer`)
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'The version can use letters, numbers, dots, hyphens and underscores'),
    ),
    url: structuredText(z.string().trim().max(2000, 'The address must be 2000 characters or fewer'))
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^https:\/\/[^\s]+$/i.test(v), 'Enter an address starting with https://'),
    /** The council's own words, not a resident's: kept as written. */
    body: structuredText(
      z.string().trim().max(noticeBodyMaxChars, `The notice must be ${noticeBodyMaxChars} characters or fewer`),
    )
      .optional()
      .transform((v) => (v ? v : null)),
    /** Defaults to now. */
    effectiveFrom: z.iso.datetime({ offset: true, error: 'Enter when the notice takes effect' }).optional(),
  })
  .refine((b) => (b.url === null) !== (b.body === null), {
    message: 'Enter either the address of the notice or its text',
    path: ['url'],
  });
export type PublishPrivacyNoticeBody = z.input<typeof PublishPrivacyNoticeBody>;

export const consentMethods = [
  'pre-chat-form',
  'dialogue',
  'typed-statement',
  'post-chat-form',
  'online-form',
] as const;
export type ConsentMethod = (typeof consentMethods)[number];
export const consentMethodLabels: Record<ConsentMethod, string> = {
  'pre-chat-form': 'Checkbox on the pre-chat form',
  dialogue: 'Checkbox in the chat, when the adviser asked',
  'typed-statement': 'Typed statement in the chat',
  'post-chat-form': 'Checkbox on the post-chat form',
  'online-form': 'Checkbox on an online form',
};

/** One consent as proof: no personal data, only what was agreed, how, when, and under which notice. */
export const ConsentProof = z.object({
  id: z.uuid(),
  caseReference: z.string().nullable(),
  purpose: z.string(),
  lawfulBasis: LawfulBasis.nullable(),
  method: z.enum(consentMethods),
  wording: z.string(),
  /** The chat message the resident typed it in (typed statements). */
  messageSeq: z.number().int().nullable(),
  noticeVersion: z.string().nullable(),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawalMethod: z.enum(['resident-link', 'staff']).nullable(),
});
export type ConsentProof = z.infer<typeof ConsentProof>;

/** `GET /api/consents?purpose=&caseReference=&format=json|csv` (privacy officers). */
export const ConsentProofQuery = z
  .object({
    purpose: structuredText(z.string().trim().max(40)).optional(),
    caseReference: TypedCaseReference.optional(),
    format: z.enum(['json', 'csv'], 'Choose json or csv').default('json'),
  })
  .refine((q) => Boolean(q.purpose) !== Boolean(q.caseReference), {
    message: 'Choose one person (a case reference) or one purpose',
    path: ['purpose'],
  });
