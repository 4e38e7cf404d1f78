import type { CaseDetail } from '@ward/protocol';

// The case page's sections report to it through these; they live apart from CaseDetails.tsx so a
// section does not import the page that imports it.

/** A section's form has errors (or no longer has): the page's title says "Error:" while any has. */
export type ErrorReporter = (formId: string, hasErrors: boolean) => void;
/** A section's change went through: the case as it is now, and what to tell screen reader users. */
export type OnCaseChange = (detail: CaseDetail, announcement: string) => void;
