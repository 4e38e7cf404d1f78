import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';
import { listCaseEntries, updateCase, type CaseEntryWithAuthor } from './cases.repository.ts';

/** The data key of the case's subject: null once it has been destroyed (erasure). */
export async function loadCaseKey(
  db: DbOrTx,
  keyring: Keyring,
  row: { data_subject_id: string },
): Promise<Buffer | null> {
  return (await loadSubjectKeys(db, keyring, [row.data_subject_id])).get(row.data_subject_id) ?? null;
}

/**
 * The case's summary and entries in plain text. A chat's summary lives on its conversation,
 * sealed under the same subject's key.
 */
export async function openCaseTexts(
  db: DbOrTx,
  keyring: Keyring,
  head: {
    id: string;
    organisation_id: string;
    data_subject_id: string;
    conversation_id: string | null;
    summary: Buffer | null;
  },
): Promise<{ summary: string | null; entries: Array<CaseEntryWithAuthor & { text: string | null }> }> {
  const key = await loadCaseKey(db, keyring, head);
  let summary: string | null;
  if (head.conversation_id) {
    const chat = await db
      .selectFrom('conversations')
      .select(['id', 'summary', 'data_subject_id'])
      .where('organisation_id', '=', head.organisation_id)
      .where('id', '=', head.conversation_id)
      .executeTakeFirst();
    // The conversation's own subject (the same as the case's unless the chat was linked later).
    const chatKey = chat && chat.data_subject_id !== head.data_subject_id ? await loadCaseKey(db, keyring, chat) : key;
    summary = chat ? openField(chatKey, 'conversations', 'summary', chat.id, chat.summary) : null;
  } else {
    summary = openField(key, 'cases', 'summary', head.id, head.summary);
  }
  const rows = await listCaseEntries(db, head.id);
  const entries = rows.map((row) => ({ ...row, text: openField(key, 'case_entries', 'body', row.id, row.body) }));
  return { summary, entries };
}

/** Replaces a case's own summary, sealed with the subject's key. */
export async function updateCaseSummary(db: DbOrTx, key: Buffer, caseId: string, text: string): Promise<void> {
  await updateCase(db, caseId, { summary: sealField(key, 'cases', 'summary', caseId, text) });
}

/** Full names of members of staff, for a case's history. */
export async function staffNames(
  db: DbOrTx,
  organisationId: string,
  staffIds: readonly string[],
): Promise<Map<string, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'first_name', 'last_name'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...staffIds])
    .execute();
  return new Map(rows.map((s) => [s.id, `${s.first_name} ${s.last_name}`]));
}
