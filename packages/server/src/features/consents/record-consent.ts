import type { DbOrTx } from '../../db/client.ts';
import { insertConsents, type NewConsent } from './consents.repository.ts';

/** Records consents given with a contact, in the contact's own transaction (ADR 37). */
export async function recordConsents(tx: DbOrTx, consents: readonly NewConsent[]): Promise<void> {
  await insertConsents(tx, consents);
}

export type { NewConsent };
