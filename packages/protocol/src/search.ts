import * as z from 'zod';
import { structuredText } from './free-text.ts';
import { limits } from './limits.ts';

/**
 * `GET /api/conversations/search` (staff): exact-match search through blind indexes (ADR 13).
 * At least one field; all given fields must match. A name matches when every word of it does,
 * in any order; case and accents do not matter.
 */
export const ConversationSearchQuery = z
  .object({
    email: structuredText(z.string().trim().max(limits.emailMaxChars, 'That email address is too long')).optional(),
    name: structuredText(z.string().trim().max(limits.nameMaxChars, 'That name is too long')).optional(),
    caseReference: structuredText(z.string().trim().max(40, 'Enter a valid case reference, like 4K7M-9P2X')).optional(),
  })
  .refine((q) => Boolean(q.email || q.name || q.caseReference), { message: 'Search by email, name or caseReference' });
export type ConversationSearchQuery = z.infer<typeof ConversationSearchQuery>;
