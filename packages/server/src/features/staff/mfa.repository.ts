import type { Db, DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';

/** Where a TOTP secret is sealed: a value copied to another member of staff does not open. */
const secretPlace = (staffId: string) => `staff_mfa.sealed_secret:${staffId}`;

export type StaffMfa = { secret: string; enabledAt: Date | null; lastTimeStep: number | null };

/** The member of staff's two-step sign-in, secret opened; undefined when they never started. */
export async function findStaffMfa(
  db: DbOrTx,
  keyring: Keyring,
  staffId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StaffMfa | undefined> {
  let query = db
    .selectFrom('staff_mfa')
    .select(['kek_id', 'sealed_secret', 'enabled_at', 'last_time_step'])
    .where('staff_id', '=', staffId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    secret: keyring.openSecret(row.kek_id, row.sealed_secret, secretPlace(staffId)).toString('utf8'),
    enabledAt: row.enabled_at,
    lastTimeStep: row.last_time_step,
  };
}

/** Whether the member of staff has two-step sign-in on. */
export async function mfaEnabled(db: DbOrTx, staffId: string): Promise<boolean> {
  const row = await db.selectFrom('staff_mfa').select('enabled_at').where('staff_id', '=', staffId).executeTakeFirst();
  return Boolean(row?.enabled_at);
}

/** The ids of the organisation's staff who have two-step sign-in on. */
export async function staffWithMfaEnabled(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_mfa')
    .select('staff_id')
    .where('organisation_id', '=', organisationId)
    .where('enabled_at', 'is not', null)
    .execute();
  return rows.map((row) => row.staff_id);
}

/** Stores a new secret waiting for its first code; false when two-step sign-in is already on. */
export async function storePendingSecret(
  db: DbOrTx,
  keyring: Keyring,
  row: { organisationId: string; staffId: string; secret: string },
): Promise<boolean> {
  const { kekId, sealed } = keyring.sealSecret(Buffer.from(row.secret, 'utf8'), secretPlace(row.staffId));
  const result = await db
    .insertInto('staff_mfa')
    .values({
      staff_id: row.staffId,
      organisation_id: row.organisationId,
      kek_id: kekId,
      sealed_secret: sealed,
      enabled_at: null,
      last_time_step: null,
    })
    .onConflict((oc) =>
      oc
        .column('staff_id')
        .doUpdateSet({ kek_id: kekId, sealed_secret: sealed, last_time_step: null })
        .where('staff_mfa.enabled_at', 'is', null),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Records that a code of `timeStep` was accepted, unless one of that step or later already was
 * (a replay, or the same code raced in twice): false then.
 */
export async function acceptTimeStep(db: DbOrTx, staffId: string, timeStep: number): Promise<boolean> {
  const result = await db
    .updateTable('staff_mfa')
    .set({ last_time_step: timeStep })
    .where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMfaEnabled(db: DbOrTx, staffId: string, now: Date): Promise<void> {
  await db.updateTable('staff_mfa').set({ enabled_at: now }).where('staff_id', '=', staffId).execute();
}

/** Replaces every recovery code of the member of staff with these (SHA-256 digests). */
export async function replaceRecoveryCodes(
  db: DbOrTx,
  organisationId: string,
  staffId: string,
  hashes: readonly Buffer[],
): Promise<void> {
  await db.deleteFrom('staff_mfa_recovery_codes').where('staff_id', '=', staffId).execute();
  await db
    .insertInto('staff_mfa_recovery_codes')
    .values(hashes.map((code_hash) => ({ organisation_id: organisationId, staff_id: staffId, code_hash })))
    .execute();
}

/** Uses a recovery code once; false when it is not one of theirs or was used already. */
export async function useRecoveryCode(db: DbOrTx, staffId: string, hash: Buffer, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('staff_mfa_recovery_codes')
    .set({ used_at: now })
    .where('staff_id', '=', staffId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countRecoveryCodesLeft(db: DbOrTx, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('staff_mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('staff_id', '=', staffId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Removes the secret, recovery codes and waiting sign-ins; returns whether two-step sign-in was set up. */
export async function deleteStaffMfa(db: DbOrTx, staffId: string): Promise<boolean> {
  await db.deleteFrom('staff_mfa_recovery_codes').where('staff_id', '=', staffId).execute();
  await db.deleteFrom('staff_mfa_challenges').where('staff_id', '=', staffId).execute();
  const result = await db.deleteFrom('staff_mfa').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function insertChallenge(
  db: DbOrTx,
  row: { organisationId: string; staffId: string; tokenHash: Buffer; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('staff_mfa_challenges')
    .values({
      token_hash: row.tokenHash,
      organisation_id: row.organisationId,
      staff_id: row.staffId,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** The member of staff a waiting sign-in belongs to, locked until the transaction ends; undefined once expired. */
export async function findChallenge(db: DbOrTx, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('staff_mfa_challenges')
    .select(['staff_id', 'organisation_id'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

/** Uses up a waiting sign-in; also clears any of anyone's that have expired. */
export async function deleteChallenge(db: DbOrTx, tokenHash: Buffer, now: Date): Promise<void> {
  await db
    .deleteFrom('staff_mfa_challenges')
    .where((eb) => eb.or([eb('token_hash', '=', tokenHash), eb('expires_at', '<=', now)]))
    .execute();
}

/**
 * Re-seals, under the current key-encryption key, every TOTP secret sealed under an older one
 * (`ward keys rotate`), each row locked while it changes; returns how many.
 */
export async function resealSecretsUnderCurrentKey(db: Db, keyring: Keyring): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('staff_mfa')
      .select(['staff_id', 'kek_id', 'sealed_secret'])
      .where('kek_id', '!=', keyring.currentId)
      .forUpdate()
      .execute();
    for (const row of rows) {
      const place = secretPlace(row.staff_id);
      const { kekId, sealed } = keyring.sealSecret(keyring.openSecret(row.kek_id, row.sealed_secret, place), place);
      await tx
        .updateTable('staff_mfa')
        .set({ kek_id: kekId, sealed_secret: sealed })
        .where('staff_id', '=', row.staff_id)
        .execute();
    }
    return rows.length;
  });
}
