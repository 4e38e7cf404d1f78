import * as z from 'zod';

/**
 * The audit trail (docs/adr/0012-audit-trail.md): who touched which resident's data, which
 * fields, why, when and from where. Entries hold ids, field names and codes, never values.
 */
export const AuditAction = z.enum(['read', 'create', 'update', 'export', 'delete']);
export type AuditAction = z.infer<typeof AuditAction>;

const limitMessage = 'limit must be a number from 1 to 1000';
const when = (name: string) => z.iso.datetime({ offset: true, message: `Enter ${name} as a date and time, like 2027-03-31T23:59:59Z` });

/** Filters of `GET /api/audit` and `GET /api/audit.csv`: all optional, combined with AND. */
export const AuditQuery = z
  .object({
    staffId: z.uuid('staffId must be a staff id').optional(),
    caseReference: z.string().max(40, 'Enter a valid case reference, like 4K7M-9P2X').optional(),
    from: when('from').optional(),
    to: when('to').optional(),
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
