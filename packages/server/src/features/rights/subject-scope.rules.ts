/**
 * A rights request's subject scope (ADR 32): what a privacy officer confirmed is the requester's,
 * expanded to every item it stands for, with every data key that protects them.
 */

/** What an officer confirms: a customer record, or one contact (a case) on any channel. */
export type ScopeRootKind = 'customer-record' | 'case';
export type ScopeRoot = { kind: ScopeRootKind; id: string };

export type ScopedRecord = { id: string; dataSubjectId: string; mergedIntoId: string | null };
export type ScopedCase = {
  id: string;
  caseReference: string;
  channel: string;
  dataSubjectId: string;
  recordId: string | null;
  conversationId: string | null;
  contactedAt: Date;
};
/** An item that hangs from one case (its chat, form submission, emails and disclosures). */
export type ScopedCaseItem = { id: string; caseId: string; dataSubjectId: string };

export type SubjectScope = {
  organisationId: string;
  records: ScopedRecord[];
  cases: ScopedCase[];
  conversations: ScopedCaseItem[];
  formSubmissions: ScopedCaseItem[];
  emails: ScopedCaseItem[];
  disclosures: ScopedCaseItem[];
  /** Every data subject (data key) in scope, each once, sorted. */
  dataSubjectIds: string[];
};

/** The distinct data keys that protect everything in a scope. */
export function scopeDataSubjectIds(scope: Omit<SubjectScope, 'dataSubjectIds' | 'organisationId'>): string[] {
  const ids = new Set<string>();
  for (const list of [
    scope.records,
    scope.cases,
    scope.conversations,
    scope.formSubmissions,
    scope.emails,
    scope.disclosures,
  ]) {
    for (const item of list) ids.add(item.dataSubjectId);
  }
  return [...ids].sort();
}

/** How many items of each kind a scope holds: for what a command prints and the audit names. */
export function scopeCounts(scope: SubjectScope): Record<string, number> {
  return {
    'customer-records': scope.records.length,
    cases: scope.cases.length,
    chats: scope.conversations.length,
    'form-submissions': scope.formSubmissions.length,
    emails: scope.emails.length,
    disclosures: scope.disclosures.length,
    'data-keys': scope.dataSubjectIds.length,
  };
}
