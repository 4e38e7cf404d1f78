import type { DbOrTx } from '../../db/client.ts';

/** The member of staff's role, departments and whether they are disabled, as stored now. */
export async function findStaffScopeRow(db: DbOrTx, organisationId: string, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['role', 'departments', 'disabled_at'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .executeTakeFirst();
}
