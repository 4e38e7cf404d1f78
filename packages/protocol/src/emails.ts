import * as z from 'zod';
import { emailLimits } from './shared-constants.ts';
import { RedactionCategory } from './redaction.ts';

/**
 * The email channel (ADR 17): emails residents send to the council's intake address, and the
 * replies staff send from Ward, each on a case. Attachments are downloads only.
 */
export { emailLimits } from './shared-constants.ts';

/** Why an attachment was not kept (the email is kept, with this note instead of the file). */
export const RefusedAttachmentReason = z.enum([
  'type-not-allowed',
  'content-does-not-match-name',
  'too-large',
  'too-many',
]);
export type RefusedAttachmentReason = z.infer<typeof RefusedAttachmentReason>;

export const EmailAttachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  /** Detected from the content, never taken from the sender. */
  mediaType: z.string(),
  size: z.number().int().min(0),
});
export type EmailAttachment = z.infer<typeof EmailAttachment>;

export const RefusedAttachment = z.object({ filename: z.string(), reason: RefusedAttachmentReason });
export type RefusedAttachment = z.infer<typeof RefusedAttachment>;

export const CaseEmail = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  direction: z.enum(['in', 'out']),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  /** Plain text, redacted on the way in (ADR 9); sender HTML is never kept. */
  body: z.string(),
  redactions: z.array(RedactionCategory),
  /** Inbound: when Ward received it; outbound: when staff wrote it. */
  at: z.iso.datetime(),
  /** Outbound only: queued until the SMTP server accepted it. */
  status: z.enum(['received', 'queued', 'sent']),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  attachments: z.array(EmailAttachment),
  refusedAttachments: z.array(RefusedAttachment),
  personalDataDeleted: z.boolean(),
});
export type CaseEmail = z.infer<typeof CaseEmail>;

export const CaseEmailsResponse = z.object({ emails: z.array(CaseEmail) });
export type CaseEmailsResponse = z.infer<typeof CaseEmailsResponse>;

export const ReplyEmailBody = z.object({
  body: z
    .string('Write your reply')
    .trim()
    .min(1, 'Write your reply')
    .max(emailLimits.replyMaxChars, `Your reply must be ${emailLimits.replyMaxChars} characters or fewer`),
});
export type ReplyEmailBody = z.infer<typeof ReplyEmailBody>;

export const ReplyEmailResponse = z.object({ email: CaseEmail });
export type ReplyEmailResponse = z.infer<typeof ReplyEmailResponse>;
