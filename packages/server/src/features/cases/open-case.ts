import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { newCaseReference } from './case-reference.ts';
import { insertCase, type NewCase } from './cases.repository.ts';
import { recordCaseEvent } from '../contact-events/contact-events.repository.ts';

export type { NewCase };

/**
 * Opens a case for one contact with a case reference unique in the organisation (ADR 5, 14),
 * in the caller's transaction. References are drawn at random; the rare clash is retried with
 * ON CONFLICT rather than an error, so the caller's transaction stays usable.
 */
export async function openCase(tx: Tx, input: NewCase): Promise<{ caseId: string; caseReference: string }> {
  const caseId = randomUUID();
  for (let attempt = 0; attempt < 8; attempt++) {
    const caseReference = input.caseReference ?? newCaseReference();
    const inserted = await insertCase(tx, caseId, caseReference, input);
    if (inserted) {
      await recordCaseEvent(tx, { caseId, kind: 'case-opened' }); // for reports (ADR 36)
      return { caseId, caseReference };
    }
    if (input.caseReference) throw new CaseReferenceTaken(); // a reference already shown cannot be redrawn here
  }
  throw new CaseReferenceTaken();
}

/** The case reference is in use: the caller draws another and tries again. */
export class CaseReferenceTaken extends Error {
  override name = 'CaseReferenceTaken';
}
