import * as z from 'zod';
import { freeText, structuredText } from './free-text.ts';

/**
 * Disclosures to third parties (issue 10, ADR 30): what staff shared about a resident's case with
 * another organisation, to whom, why and on what lawful basis (UK GDPR Article 6).
 */
export const lawfulBases = [
  'public-task',
  'legitimate-interests',
  'consent',
  'legal-obligation',
  'contract',
  'vital-interests',
] as const;
export const LawfulBasis = z.enum(lawfulBases, 'Select the lawful basis for sharing');
export type LawfulBasis = z.infer<typeof LawfulBasis>;

export const lawfulBasisLabels: Record<LawfulBasis, string> = {
  'public-task': 'Public task',
  'legitimate-interests': 'Legitimate interests',
  consent: 'Consent',
  'legal-obligation': 'Legal obligation',
  contract: 'Contract',
  'vital-interests': 'Vital interests',
};

export const disclosureTextMaxChars = 2000;
export const recipientMaxChars = 200;

const required = (what: string, max: number) =>
  z
    .string(`Enter ${what}`)
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);

/** A calendar date, like 2026-03-27 (that it is not in the future is checked by the server). */
export const DisclosureDate = z.iso
  .date('Enter the date of the disclosure as a real date, like 2026-03-27')
  .refine((text) => text >= '2000-01-01', { message: 'The date of the disclosure must be after 1 January 2000' });

/** `POST /api/cases/:id/disclosures`. The date defaults to today (Europe/London). */
export const DisclosureBody = z.object({
  /** An organisation's name (the police, a housing association): structured, listed in the record of processing. */
  recipientOrganisation: structuredText(required('the organisation it was shared with', recipientMaxChars)),
  /** A person or inbox at the recipient: personal data, sealed. */
  recipientContact: structuredText(
    z
      .string('Enter the contact at the organisation')
      .trim()
      .max(recipientMaxChars, `The contact must be ${recipientMaxChars} characters or fewer`),
  )
    .optional()
    .transform((value) => (value ? value : null)),
  lawfulBasis: LawfulBasis,
  whatShared: freeText(required('what was shared', disclosureTextMaxChars)),
  why: freeText(required('why it was shared', disclosureTextMaxChars)),
  disclosedOn: DisclosureDate.optional(),
});
export type DisclosureBody = z.input<typeof DisclosureBody>;

/**
 * One disclosure. The sealed texts are null once the case's personal data has gone (retention or
 * erasure); the recipient organisation, basis and date stay for the record of processing.
 */
export const Disclosure = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  recipientOrganisation: z.string(),
  recipientContact: z.string().nullable(),
  lawfulBasis: LawfulBasis,
  whatShared: z.string().nullable(),
  why: z.string().nullable(),
  disclosedOn: z.iso.date(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  recordedAt: z.iso.datetime(),
});
export type Disclosure = z.infer<typeof Disclosure>;

/** `GET /api/disclosures?from=&to=` (privacy officers): disclosures made between two dates, inclusive. */
export const DisclosureListQuery = z.object({
  from: DisclosureDate.optional(),
  to: DisclosureDate.optional(),
});
export type DisclosureListQuery = z.infer<typeof DisclosureListQuery>;

export const DisclosureList = z.object({ disclosures: z.array(Disclosure) });
export type DisclosureList = z.infer<typeof DisclosureList>;

/** A disclosure as a customer record's timeline shows it: no sealed text. */
export const TimelineDisclosure = z.object({
  id: z.uuid(),
  recipientOrganisation: z.string(),
  lawfulBasis: LawfulBasis,
  disclosedOn: z.iso.date(),
});
export type TimelineDisclosure = z.infer<typeof TimelineDisclosure>;
