import { AppError, notFound } from '../../shared/app-error.ts';
import type { Tx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { findRightsRequest, type RightsRequestData } from './rights.repository.ts';
import { erasureChoiceProblem, type ErasureItemRef, type KeepChoice } from './erasure.rules.ts';
import { isClosed } from './rights-workflow.rules.ts';
import { scopeOfRequest } from './subject-scope.repository.ts';
import type { SubjectScope } from './subject-scope.rules.ts';

/**
 * An open erasure request, locked for the transaction, with its subject scope and the officer's
 * choices checked against it: 404 for no such request, 409 for another type or a closed one, 400
 * for choices outside the scope.
 */
export async function erasableRequest(
  tx: Tx,
  keyring: Keyring,
  organisationId: string,
  id: string,
  choices: { keep: readonly KeepChoice[]; items: 'all' | readonly ErasureItemRef[] },
): Promise<{ request: RightsRequestData; scope: SubjectScope }> {
  const request = await findRightsRequest(tx, keyring, organisationId, id, { forUpdate: true });
  if (!request) throw notFound('The request');
  if (request.type !== 'erasure') throw new AppError('conflict', 'Only an erasure request can erase data');
  if (isClosed(request.status)) throw new AppError('conflict', 'This request is closed: it cannot erase data');
  const scope = await scopeOfRequest(tx, organisationId, id);
  const problem = erasureChoiceProblem(scope, choices.keep, choices.items);
  if (problem) throw new AppError('bad_request', problem);
  return { request, scope };
}
