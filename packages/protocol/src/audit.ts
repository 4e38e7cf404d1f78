import * as z from 'zod';
import { structuredText } from './free-text.ts';

/**
 * The audit trail (docs/adr/0012-audit-trail.md): who touched which resident's data, which
 * fields, why, when and from where. Entries hold ids, field names and codes, never values.
 */
export const AuditAction = z.enum(['read', 'create', 'update', 'export', 'delete']);
export type AuditAction = z.infer<typeof AuditAction>;

const limitMessage = 'limit must be a number from 1 to 1000';
const when = (name: string) =>
  z.iso.datetime({ offset: true, message: `Enter ${name} as a date and time, like 2027-03-31T23:59:59Z` });

const beforeMessage = 'before must be the id of an audit entry';

/**
 * Filters of `GET /api/audit` and `GET /api/audit.csv`: all optional, combined with AND.
 * `dataSubjectId` finds every entry about one resident (every record of theirs, with or without
 * a case reference). `before` pages back: only entries older than that id (the previous page's
 * `nextBefore`), so a long trail never comes in one response.
 */
export const AuditQuery = z
  .object({
    staffId: z.uuid('staffId must be a staff id').optional(),
    dataSubjectId: z.uuid('dataSubjectId must be a resident’s id from the audit trail').optional(),
    caseReference: structuredText(z.string().max(40, 'Enter a valid case reference, like 4K7M-9P2X')).optional(),
    from: when('from').optional(),
    to: when('to').optional(),
    before: z.coerce.number(beforeMessage).int(beforeMessage).min(1, beforeMessage).optional(),
    limit: z.coerce.number(limitMessage).int().min(1, limitMessage).max(1000, limitMessage).default(100),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'from must be before to' });
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditEvent = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorKind: z.enum(['staff', 'system']),
  /** A staff id, or `system`. */
  actorId: z.string(),
  actorRole: z.string(),
  action: AuditAction,
  dataSubjectId: z.uuid().nullable(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  caseReference: z.string().nullable(),
  fields: z.array(z.string()),
  purpose: z.string(),
  reason: z.string().nullable(),
  /** The request's address truncated (IPv4 /24, IPv6 /48), or `system`. */
  source: z.string(),
  /** This entry's SHA-256 chain hash, hex. */
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** One page of the audit trail, newest first. */
export const AuditPage = z.object({
  events: z.array(AuditEvent),
  /** Pass as `before` for the next, older page; null when this page holds the oldest entry that matches. */
  nextBefore: z.number().int().nullable(),
  /**
   * Filtered by `dataSubjectId`: that resident's case references (up to 10, oldest first), so
   * the console can name them ("the resident of case 4K7M-9P2X") without personal data.
   */
  residentCaseReferences: z.array(z.string()).optional(),
});
export type AuditPage = z.infer<typeof AuditPage>;
