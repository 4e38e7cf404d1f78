import * as z from 'zod';
import { freeText } from './free-text.ts';
import { rightsTextMaxChars } from './shared-constants.ts';

/**
 * Erasing a resident's data for a rights request (issue 9, ADR 35): what would go, what is kept
 * and why, who to tell; then the erasure itself.
 */
export const ErasureItemKind = z.enum(
  ['customer-record', 'case', 'chat', 'form-submission', 'email', 'disclosure'],
  'That is not a kind of item',
);
export type ErasureItemKind = z.infer<typeof ErasureItemKind>;

/** Why an item is kept: a legal hold (found, never chosen), a legal obligation, or legal claims. */
export const ErasureExemption = z.enum(['legal-hold', 'legal-obligation', 'legal-claims']);
export type ErasureExemption = z.infer<typeof ErasureExemption>;

const ItemRef = z.object({ kind: ErasureItemKind, id: z.uuid('That is not an item id') });

const reason = (what: string) =>
  freeText(
    z
      .string(`Enter ${what}`)
      .trim()
      .min(1, `Enter ${what}`)
      .max(rightsTextMaxChars, `The reason must be ${rightsTextMaxChars} characters or fewer`),
  );

const KeepChoice = ItemRef.extend({
  exemption: z.enum(['legal-obligation', 'legal-claims'], 'Select why the item is kept'),
  reason: reason('why the item is kept'),
});

const choices = {
  /** Items the officer keeps, with the exemption and their reason. */
  keep: z.array(KeepChoice).max(500, 'Keep at most 500 items at once').default([]),
  /** Everything in scope (the default), or only these. */
  items: z
    .union([z.literal('all'), z.array(ItemRef).min(1, 'Choose what to erase').max(500, 'Choose at most 500 items')])
    .default('all'),
};

export const ErasurePreviewBody = z.object(choices);
export type ErasurePreviewBody = z.input<typeof ErasurePreviewBody>;

export const EraseSubjectBody = z.object({ ...choices, reason: reason('the reason for the erasure') });
export type EraseSubjectBody = z.input<typeof EraseSubjectBody>;

const PlannedItem = z.object({ kind: ErasureItemKind, id: z.uuid(), caseReference: z.string().nullable() });

export const ErasurePreview = z.object({
  erase: z.array(PlannedItem),
  kept: z.array(PlannedItem.extend({ exemption: ErasureExemption, reason: z.string().nullable() })),
  notChosen: z.array(PlannedItem),
  /** Data keys destroyed, and kept (shared with a kept item, one not chosen, or a row outside the request). */
  keys: z.object({ destroy: z.number().int(), keep: z.number().int() }),
  recipients: z.object({
    disclosures: z.array(
      z.object({ recipientOrganisation: z.string(), caseReference: z.string(), disclosedOn: z.string() }),
    ),
    transcripts: z.array(z.object({ caseReference: z.string(), requestedAt: z.iso.datetime() })),
    webhooks: z.array(z.object({ url: z.string(), description: z.string().nullable(), events: z.array(z.string()) })),
  }),
});
export type ErasurePreview = z.infer<typeof ErasurePreview>;

export const ErasurePreviewResponse = z.object({ preview: ErasurePreview });

export const ErasureResult = ErasurePreview.extend({
  ledgerId: z.uuid(),
  destroyedKeys: z.number().int(),
  outboxEmails: z.number().int(),
});
export type ErasureResult = z.infer<typeof ErasureResult>;

export const ErasureResultResponse = z.object({ erasure: ErasureResult });
