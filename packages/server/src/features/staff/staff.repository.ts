import type { Insertable } from 'kysely';
import type { Language, StaffRole } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { StaffInvitationsTable, StaffSessionsTable, StaffTable } from '../../db/schema.ts';

export async function findStaffByEmail(db: DbOrTx, organisationId: string, email: string) {
  return db
    .selectFrom('staff')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export async function insertStaff(db: DbOrTx, row: Insertable<StaffTable>) {
  return db.insertInto('staff').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listStaff(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('staff')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .execute();
}

export async function findStaffById(db: DbOrTx, organisationId: string, staffId: string) {
  return db
    .selectFrom('staff')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .executeTakeFirst();
}

/** Active staff (not disabled), for the directory agents choose case owners from: no emails, no hashes. */
export async function listActiveStaffNames(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'first_name', 'last_name', 'role', 'departments'])
    .where('organisation_id', '=', organisationId)
    .where('disabled_at', 'is', null)
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute();
}

/** Sets the departments a member of staff works in; undefined when they are not of this organisation. */
export async function updateStaffDepartments(
  db: DbOrTx,
  organisationId: string,
  staffId: string,
  departments: string[],
) {
  return db
    .updateTable('staff')
    .set({ departments })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .returningAll()
    .executeTakeFirst();
}

/** Sets the language of a member of staff's console (ADR 51); undefined when not of this organisation. */
export async function updateStaffLanguage(db: DbOrTx, organisationId: string, staffId: string, language: Language) {
  return db
    .updateTable('staff')
    .set({ language })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .where('disabled_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Sets a member of staff's role; undefined when they are not of this organisation. */
export async function updateStaffRole(db: DbOrTx, organisationId: string, staffId: string, role: StaffRole) {
  return db
    .updateTable('staff')
    .set({ role })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', staffId)
    .returningAll()
    .executeTakeFirst();
}

/** The active administrators' ids, locked until the transaction ends (so two demotions cannot cross). */
export async function lockActiveAdministrators(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

export async function countStaff(db: DbOrTx, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertInvitation(db: DbOrTx, row: Insertable<StaffInvitationsTable>) {
  return db.insertInto('staff_invitations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findOpenInvitation(db: DbOrTx, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('staff_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks the invitation used; returns false when someone else used it first. */
export async function markInvitationAccepted(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('staff_invitations')
    .set({ accepted_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSession(
  db: DbOrTx,
  row: Pick<
    Insertable<StaffSessionsTable>,
    'organisation_id' | 'staff_id' | 'token_hash' | 'expires_at' | 'signed_in_with'
  >,
) {
  await db.insertInto('staff_sessions').values(row).execute();
}

/** The member of staff of a session that has neither expired nor been idle since `idleSince`. */
export async function findSessionStaff(db: DbOrTx, tokenHash: Buffer, now: Date, idleSince: Date) {
  return db
    .selectFrom('staff_sessions as ss')
    .innerJoin('staff as s', 's.id', 'ss.staff_id')
    .leftJoin('staff_mfa as m', 'm.staff_id', 'ss.staff_id')
    .selectAll('s')
    .select([
      'ss.last_seen_at as session_last_seen_at',
      'ss.signed_in_with as session_signed_in_with',
      'm.enabled_at as mfa_enabled_at',
    ])
    .where('ss.token_hash', '=', tokenHash)
    .where('ss.expires_at', '>', now)
    .where('ss.last_seen_at', '>', idleSince)
    .where('s.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTx, tokenHash: Buffer, now: Date) {
  await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function updateStaffPassword(db: DbOrTx, staffId: string, passwordHash: string): Promise<void> {
  await db.updateTable('staff').set({ password_hash: passwordHash }).where('id', '=', staffId).execute();
}

/** Ends every session of a member of staff; returns how many there were. */
export async function deleteSessionsOf(db: DbOrTx, staffId: string): Promise<number> {
  const result = await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of a member of staff but the one they are using; returns how many there were. */
export async function deleteOtherSessionsOf(db: DbOrTx, staffId: string, keepTokenHash: Buffer): Promise<number> {
  const result = await db
    .deleteFrom('staff_sessions')
    .where('staff_id', '=', staffId)
    .where('token_hash', '!=', keepTokenHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSession(db: DbOrTx, tokenHash: Buffer) {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}
