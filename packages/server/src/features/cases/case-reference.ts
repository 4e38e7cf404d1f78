import { randomInt } from 'node:crypto';
import { caseReferenceFromRandom } from '@ward/protocol';

/** A fresh case reference (ADR 5): seven random base-32 symbols and a check symbol. */
export function newCaseReference(): string {
  return caseReferenceFromRandom(Array.from({ length: 7 }, () => randomInt(32)));
}
