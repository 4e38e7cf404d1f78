import { z } from 'zod';

/** The kinds of value a customer record holds (ADR 14). */
export const RecordDetailKind = z.enum(['name', 'address', 'phone', 'email', 'social-handle', 'contact-preference', 'note']);
export type RecordDetailKind = z.infer<typeof RecordDetailKind>;
