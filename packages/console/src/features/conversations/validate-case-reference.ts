import { normaliseCaseReference } from '@ward/protocol';

export const invalidCaseReferenceMessage =
  'Enter a valid case reference, like 4K7M-9P2X — check you have typed it correctly';

/** What is said of a reference that will not do, in the console's language (ADR 51). */
export type CaseReferenceErrors = { enterReference: string; invalidReference: string };

const english: CaseReferenceErrors = {
  enterReference: 'Enter a case reference',
  invalidReference: invalidCaseReferenceMessage,
};

/** The normalised reference ("4K7M-9P2X"), or the error to show beside the field. */
export function checkCaseReference(
  typed: string,
  errors: CaseReferenceErrors = english,
): { caseReference: string } | { error: string } {
  if (typed.trim() === '') return { error: errors.enterReference };
  const caseReference = normaliseCaseReference(typed);
  return caseReference ? { caseReference } : { error: errors.invalidReference };
}
