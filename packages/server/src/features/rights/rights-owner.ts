import type { StaffRole } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { hasDuty } from '../access/access.rules.ts';
import { findRightsOwner } from './rights.repository.ts';

/** A request's owner is an active member of staff who does privacy work (only they can see it). */
export async function requireRightsOwner(db: DbOrTx, organisationId: string, ownerId: string): Promise<void> {
  const owner = await findRightsOwner(db, organisationId, ownerId);
  if (!owner || !hasDuty(owner.role as StaffRole, 'privacy'))
    throw new AppError('bad_request', 'Select a privacy officer or an administrator to own the request');
}
