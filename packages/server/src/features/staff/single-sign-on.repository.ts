import type { StaffRole } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';

/**
 * Single sign-on's writes to a staff account (ADR 23): the role and departments its groups give,
 * and the identity provider's subject that signed in to it. Undefined when the account is not of
 * this organisation.
 */
export async function updateStaffFromSso(
  db: DbOrTx,
  organisationId: string,
  staffId: string,
  changes: { role?: StaffRole; departments?: string[]; ssoIssuer?: string; ssoSubject?: string },
) {
  return db
    .updateTable('staff')
    .set({
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.departments !== undefined ? { departments: changes.departments } : {}),
      ...(changes.ssoSubject !== undefined ? { sso_issuer: changes.ssoIssuer, sso_subject: changes.ssoSubject } : {}),
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .returningAll()
    .executeTakeFirst();
}
