import * as z from 'zod';
import { limits } from './limits.ts';
import { emailPattern } from './resident-rules.ts';
import { languages } from './language.ts';

/**
 * The export pack of a rights request (ADR 34): a ZIP of the resident's data that a privacy
 * officer downloads or emails to the resident as a link that expires.
 */
export const ExportPackView = z.object({
  id: z.uuid(),
  builtAt: z.string(),
  /** When the pack (and its link, once sent) stops working and its content is deleted. */
  expiresAt: z.string(),
  size: z.number(),
  sha256: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
  /** False once deleted: expired, or its link's downloads were used up. */
  available: z.boolean(),
  link: z.object({ sentAt: z.string(), downloadsLeft: z.number() }).nullable(),
  /** How many items of each kind it holds (only when just built). */
  counts: z.record(z.string(), z.number()).optional(),
});
export type ExportPackView = z.infer<typeof ExportPackView>;
export const ExportPackResponse = z.object({ pack: ExportPackView });
export const ExportPacksResponse = z.object({ packs: z.array(ExportPackView) });

export const SendExportLinkBody = z.strictObject({
  email: z
    .email({ pattern: emailPattern, error: 'Enter the resident’s email address, like name@example.com' })
    .max(limits.emailMaxChars, 'That email address is too long'),
  /** The resident's language for the email (ADR 50); English when not given. */
  language: z.enum(languages).optional(),
});
export type SendExportLinkBody = z.infer<typeof SendExportLinkBody>;

/** A message as the officer reviews it before release, with whether it is withheld. */
export const ScopeMessagesResponse = z.object({
  chats: z.array(
    z.object({
      conversationId: z.uuid(),
      caseReference: z.string(),
      topic: z.string(),
      startedAt: z.string(),
      messages: z.array(
        z.object({ seq: z.number(), at: z.string(), from: z.string(), text: z.string(), withheld: z.boolean() }),
      ),
    }),
  ),
});
export type ScopeMessagesResponse = z.infer<typeof ScopeMessagesResponse>;

/** The whole list of a request's messages withheld as third-party information (replaces the last). */
export const WithheldMessagesBody = z.strictObject({
  messages: z
    .array(
      z.strictObject({ conversationId: z.uuid('That is not a chat id'), seq: z.number().int().min(1).max(1_000_000) }),
    )
    .max(10_000, 'At most 10,000 messages can be withheld'),
});
export type WithheldMessagesBody = z.infer<typeof WithheldMessagesBody>;

export const ExportPackParams = z.object({
  id: z.uuid('That is not a request id'),
  packId: z.uuid('That is not an export pack id'),
});
/** A resident's link: 43 characters of base64url (32 random bytes). */
export const ExportLinkParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'That link is not valid'),
});
