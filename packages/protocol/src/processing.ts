import * as z from 'zod';
import { LawfulBasis } from './disclosures.ts';

/**
 * The record of processing activities (UK GDPR Article 30, ADR 30), built from the live
 * configuration and the disclosure log: `GET /api/ropa` and `ward ropa`.
 */
export const ProcessingCategory = z.object({
  /** A name such as "Chat transcripts". */
  category: z.string(),
  /** What it holds, from what Ward stores and captures as configured. */
  data: z.string(),
  /** How long it is kept, from the retention settings. */
  retention: z.string(),
});
export type ProcessingCategory = z.infer<typeof ProcessingCategory>;

export const ProcessingPurpose = z.object({
  purpose: z.string(),
  lawfulBasis: LawfulBasis,
  lawfulBasisLabel: z.string(),
});
export type ProcessingPurpose = z.infer<typeof ProcessingPurpose>;

export const ProcessingRecipient = z.object({
  name: z.string(),
  /** `processor`: configured, works for the council; `disclosure`: named in the disclosure log. */
  kind: z.enum(['processor', 'disclosure']),
  detail: z.string(),
});
export type ProcessingRecipient = z.infer<typeof ProcessingRecipient>;

export const RecordOfProcessing = z.object({
  controller: z.object({ name: z.string(), dataProtectionOfficer: z.string().nullable() }),
  generatedOn: z.iso.date(),
  dataSubjects: z.array(z.string()),
  categories: z.array(ProcessingCategory),
  purposes: z.array(ProcessingPurpose),
  recipients: z.array(ProcessingRecipient),
  internationalTransfers: z.array(z.object({ destination: z.string(), safeguard: z.string() })),
  security: z.array(z.string()),
});
export type RecordOfProcessing = z.infer<typeof RecordOfProcessing>;
