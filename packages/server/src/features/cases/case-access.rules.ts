import type { CaseStatus } from '@ward/protocol';
import { canActOnCase, type StaffScope } from '../access/access.rules.ts';

/** Who may do what with a case: decided by access.rules.ts (department rule, ADR 14 and 21). */
export type CaseActor = Pick<StaffScope, 'role' | 'departments'>;
export { canActOnCase };

/** A member of staff can own a case only in a department they work in. */
export function canOwnCase(owner: CaseActor, departmentId: string): boolean {
  return canActOnCase(owner, departmentId);
}

/** A chat's end closes its case unless staff moved it on (awaiting the resident or the council). */
export function statusWhenChatEnds(current: CaseStatus): CaseStatus {
  return current === 'open' ? 'closed' : current;
}

/** The two ids of a link in the order it is stored once per pair (smaller first). */
export function linkPair(a: string, b: string): { case_id: string; linked_case_id: string } {
  return a < b ? { case_id: a, linked_case_id: b } : { case_id: b, linked_case_id: a };
}

/** What a status, owner or department entry records in `detail`: from and to (never personal data). */
export type ChangeDetail = { from: string | null; to: string | null };
export type LinkDetail = { action: 'linked' | 'unlinked'; caseId: string; caseReference: string };

export const encodeDetail = (detail: ChangeDetail | LinkDetail) => JSON.stringify(detail);

export function decodeChange(detail: string | null): ChangeDetail | null {
  const parsed = parse(detail);
  return parsed && 'from' in parsed && 'to' in parsed
    ? { from: stringOrNull(parsed.from), to: stringOrNull(parsed.to) }
    : null;
}

export function decodeLink(detail: string | null): LinkDetail | null {
  const parsed = parse(detail);
  if (!parsed || (parsed.action !== 'linked' && parsed.action !== 'unlinked')) return null;
  if (typeof parsed.caseId !== 'string' || typeof parsed.caseReference !== 'string') return null;
  return { action: parsed.action, caseId: parsed.caseId, caseReference: parsed.caseReference };
}

function parse(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
