import { normaliseCaseReference } from '@ward/protocol';

export const invalidCaseReferenceMessage =
  'Enter a valid case reference, like 4K7M-9P2X — check you have typed it correctly';

/** The normalised reference ("4K7M-9P2X"), or the error to show beside the field. */
export function checkCaseReference(typed: string): { caseReference: string } | { error: string } {
  if (typed.trim() === '') return { error: 'Enter a case reference' };
  const caseReference = normaliseCaseReference(typed);
  return caseReference ? { caseReference } : { error: invalidCaseReferenceMessage };
}
