import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { newDataKey, type Keyring } from './keyring.ts';
import { openText, sealText } from './envelope.ts';

/** What a row needs to find its data subject's key. */
export type SubjectKeyColumns = { data_subject_id: string; kek_id: string; wrapped_key: Buffer | null };

/** Creates a data subject (a resident) with a fresh data key, stored wrapped by the current KEK. */
export async function createDataSubject(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
): Promise<{ id: string; key: Buffer }> {
  const id = randomUUID();
  const key = newDataKey();
  const { kekId, wrapped } = keyring.wrap(key, id);
  await db
    .insertInto('data_subjects')
    .values({ id, organisation_id: organisationId, kek_id: kekId, wrapped_key: wrapped })
    .execute();
  return { id, key };
}

/** The subject's data key, or null once it has been destroyed (erasure). */
export function subjectKey(keyring: Keyring, row: SubjectKeyColumns): Buffer | null {
  return row.wrapped_key ? keyring.unwrap(row.kek_id, row.wrapped_key, row.data_subject_id) : null;
}

/** The data keys of several subjects at once (null for a destroyed one). */
export async function loadSubjectKeys(
  db: DbOrTx,
  keyring: Keyring,
  ids: readonly string[],
): Promise<Map<string, Buffer | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('data_subjects')
    .select(['id', 'kek_id', 'wrapped_key'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((s) => [
      s.id,
      subjectKey(keyring, { data_subject_id: s.id, kek_id: s.kek_id, wrapped_key: s.wrapped_key }),
    ]),
  );
}

/** Shown in place of personal data whose key was destroyed. */
export const erased = '[erased]';

const place = (table: string, field: string, rowId: string) => `${table}.${field}:${rowId}`;

export function sealField(key: Buffer, table: string, field: string, rowId: string, value: string): Buffer;
export function sealField(
  key: Buffer,
  table: string,
  field: string,
  rowId: string,
  value: string | null,
): Buffer | null;
export function sealField(
  key: Buffer,
  table: string,
  field: string,
  rowId: string,
  value: string | null,
): Buffer | null {
  return value === null ? null : sealText(key, value, place(table, field, rowId));
}

export function openField(key: Buffer | null, table: string, field: string, rowId: string, value: Buffer): string;
export function openField(
  key: Buffer | null,
  table: string,
  field: string,
  rowId: string,
  value: Buffer | null,
): string | null;
export function openField(
  key: Buffer | null,
  table: string,
  field: string,
  rowId: string,
  value: Buffer | null,
): string | null {
  if (value === null) return null;
  return key ? openText(key, value, place(table, field, rowId)) : erased;
}
