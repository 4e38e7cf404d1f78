import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { LawfulBasis } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';

/** A disclosure with its sealed texts opened (null once cleared; `[erased]` once the key is gone). */
export type OpenedDisclosure = {
  id: string;
  case_id: string;
  case_reference: string;
  data_subject_id: string;
  recipient_organisation: string;
  recipient_contact: string | null;
  lawful_basis: LawfulBasis;
  what_shared: string | null;
  why: string | null;
  disclosed_on: string;
  recorded_by: string | null;
  recorder_first_name: string | null;
  recorder_last_name: string | null;
  created_at: Date;
};

export type NewDisclosure = {
  organisationId: string;
  caseId: string;
  dataSubjectId: string;
  recipientOrganisation: string;
  recipientContact: string | null;
  lawfulBasis: LawfulBasis;
  whatShared: string;
  why: string;
  disclosedOn: string;
  recordedBy: string;
};

/** Stores a disclosure, its contact and texts sealed with the case's subject key. */
export async function insertDisclosure(db: DbOrTx, key: Buffer, disclosure: NewDisclosure): Promise<string> {
  const id = randomUUID();
  const seal = (field: string, value: string | null) => sealField(key, 'disclosures', field, id, value);
  await db
    .insertInto('disclosures')
    .values({
      id,
      organisation_id: disclosure.organisationId,
      case_id: disclosure.caseId,
      data_subject_id: disclosure.dataSubjectId,
      recipient_organisation: disclosure.recipientOrganisation,
      recipient_contact: seal('recipient_contact', disclosure.recipientContact),
      lawful_basis: disclosure.lawfulBasis,
      what_shared: seal('what_shared', disclosure.whatShared),
      why: seal('why', disclosure.why),
      disclosed_on: disclosure.disclosedOn,
      recorded_by: disclosure.recordedBy,
    })
    .execute();
  return id;
}

function selectDisclosures(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('cases as k', 'k.id', 'd.case_id')
    .leftJoin('staff as s', 's.id', 'd.recorded_by')
    .select([
      'd.id',
      'd.case_id',
      'k.case_reference',
      'd.data_subject_id',
      'd.recipient_organisation',
      'd.recipient_contact',
      'd.lawful_basis',
      'd.what_shared',
      'd.why',
      sql<string>`d.disclosed_on::text`.as('disclosed_on'),
      'd.recorded_by',
      's.first_name as recorder_first_name',
      's.last_name as recorder_last_name',
      'd.created_at',
    ])
    .where('d.organisation_id', '=', organisationId);
}

type SealedRow = Awaited<ReturnType<ReturnType<typeof selectDisclosures>['execute']>>[number];

function openRows(rows: SealedRow[], keys: Map<string, Buffer | null>): OpenedDisclosure[] {
  return rows.map((row) => {
    const key = keys.get(row.data_subject_id) ?? null;
    const open = (field: string, value: Buffer | null) => openField(key, 'disclosures', field, row.id, value);
    return {
      ...row,
      lawful_basis: row.lawful_basis as LawfulBasis,
      recipient_contact: open('recipient_contact', row.recipient_contact),
      what_shared: open('what_shared', row.what_shared),
      why: open('why', row.why),
    };
  });
}

/** A case's disclosures, oldest first, opened with the case's key (null once erased). */
export async function listCaseDisclosures(
  db: DbOrTx,
  key: Buffer | null,
  organisationId: string,
  caseId: string,
): Promise<OpenedDisclosure[]> {
  const rows = await selectDisclosures(db, organisationId)
    .where('d.case_id', '=', caseId)
    .orderBy('d.disclosed_on')
    .orderBy('d.created_at')
    .execute();
  return openRows(rows, new Map(rows.map((row) => [row.data_subject_id, key])));
}

/** The organisation's disclosures made between two dates (inclusive), newest first, opened. */
export async function listDisclosuresBetween(
  db: DbOrTx,
  keyring: Keyring,
  organisationId: string,
  range: { from: string | null; to: string | null },
  limit: number,
): Promise<OpenedDisclosure[]> {
  let query = selectDisclosures(db, organisationId);
  if (range.from) query = query.where('d.disclosed_on', '>=', range.from);
  if (range.to) query = query.where('d.disclosed_on', '<=', range.to);
  const rows = await query.orderBy('d.disclosed_on', 'desc').orderBy('d.created_at', 'desc').limit(limit).execute();
  const keys = await loadSubjectKeys(db, keyring, [...new Set(rows.map((row) => row.data_subject_id))]);
  return openRows(rows, keys);
}

/** Every organisation the council has disclosed personal data to, by name (not personal data). */
export async function listDisclosureRecipients(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('disclosures')
    .select('recipient_organisation')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .orderBy('recipient_organisation')
    .execute();
  return rows.map((row) => row.recipient_organisation);
}
