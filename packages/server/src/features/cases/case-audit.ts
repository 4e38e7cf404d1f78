import type { AuditEntry } from '../audit/record-audit.ts';

/** What a full read of a case shows: its summary and its entries' texts. */
export const caseFields = ['summary', 'case_entries.body'] as const;

/** What a read of this case showed: its disclosures' sealed fields too when it has any (ADR 30). */
export function caseReadFields(detail: { disclosures: readonly unknown[] }): readonly string[] {
  return detail.disclosures.length === 0
    ? caseFields
    : [...caseFields, 'disclosures.recipient_contact', 'disclosures.what_shared', 'disclosures.why'];
}

export function caseAuditEntry(
  row: { id: string; organisation_id: string; data_subject_id: string; case_reference: string },
  entry: Pick<AuditEntry, 'actor' | 'action' | 'fields'> & { purpose?: AuditEntry['purpose']; reason?: string | null },
): AuditEntry {
  return {
    organisationId: row.organisation_id,
    recordType: 'case',
    recordId: row.id,
    dataSubjectId: row.data_subject_id,
    caseReference: row.case_reference,
    purpose: 'review-contact',
    ...entry,
  };
}
