import type { Tx } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { restrictedSubjects } from './processing-restrictions.repository.ts';

/** What staff read when they try to change or use data whose processing is restricted (ADR 33). */
export const restrictedMessage = (what: string) =>
  `This record's processing is restricted: ${what} until the privacy officer lifts the restriction`;

/** 409 when any of these keys is restricted. */
export async function refuseWhileRestricted(
  tx: Tx,
  organisationId: string,
  dataSubjectIds: readonly (string | null | undefined)[],
  what: string,
): Promise<void> {
  if ((await restrictedSubjects(tx, organisationId, dataSubjectIds)).size > 0)
    throw new AppError('conflict', restrictedMessage(what));
}
