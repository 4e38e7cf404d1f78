import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { clearEmails } from '../emails/expired-emails.repository.ts';
import {
  clearCases,
  clearDisclosures,
  clearSubmissions,
  deleteRecordGroups,
} from '../retention/channels.repository.ts';
import { clearConversationPersonalData } from '../retention/retention.repository.ts';
import type { ActiveHold, ErasureItemKind } from './erasure.rules.ts';

/**
 * Erasure's reads and deletions (ADR 35), by id. The clearing of each kind is retention's own
 * (ADR 11): one way to delete a row's personal data. Each step is idempotent, so the ledger can be
 * replayed after a restore.
 */

/** Active holds of an organisation at `now`, by what they cover. */
export async function listActiveHolds(db: DbOrTx, organisationId: string, now: Date): Promise<ActiveHold[]> {
  const rows = await db
    .selectFrom('retention_holds')
    .select(['data_subject_id', 'case_id', 'conversation_id'])
    .where('organisation_id', '=', organisationId)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
  return rows.map((h) => ({ dataSubjectId: h.data_subject_id, caseId: h.case_id, conversationId: h.conversation_id }));
}

/**
 * The keys among `keys` that protect a row outside `itemIds` (another contact sealed under the same
 * key, a rights request): destroying them would destroy that row too, so they stay.
 */
export async function keysUsedElsewhere(
  db: DbOrTx,
  keys: readonly string[],
  itemIds: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const ids = itemIds.length === 0 ? ['00000000-0000-0000-0000-000000000000'] : [...itemIds];
  const result = await sql<{ id: string }>`
    SELECT DISTINCT u.data_subject_id AS id FROM (
      SELECT id, data_subject_id FROM customer_records UNION ALL
      SELECT id, data_subject_id FROM cases UNION ALL
      SELECT id, data_subject_id FROM conversations UNION ALL
      SELECT id, data_subject_id FROM form_submissions UNION ALL
      SELECT id, data_subject_id FROM emails UNION ALL
      SELECT id, data_subject_id FROM disclosures UNION ALL
      SELECT id, data_subject_id FROM rights_requests
    ) u
    WHERE u.data_subject_id = ANY(${[...keys]}::uuid[]) AND NOT (u.id = ANY(${ids}::uuid[]))`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

/** Deletes the personal data of the given items, kind by kind, in the caller's transaction. */
export async function eraseItems(
  tx: DbOrTx,
  keyring: Keyring,
  items: Readonly<Record<ErasureItemKind, readonly string[]>>,
  now: Date,
  marker: string,
): Promise<void> {
  const chats = [...items.chat];
  if (chats.length > 0) {
    // Every message goes (the transcript, consent evidence), with the survey answers.
    await tx.deleteFrom('messages').where('conversation_id', 'in', chats).execute();
    await tx
      .updateTable('conversations')
      .set({ survey_rating: null, survey_comment: null })
      .where('id', 'in', chats)
      .execute();
    const rows = await tx
      .selectFrom('conversations as c')
      .innerJoin('data_subjects as ds', 'ds.id', 'c.data_subject_id')
      .select(['c.id', 'c.data_subject_id', 'ds.kek_id', 'ds.wrapped_key'])
      .where('c.id', 'in', chats)
      .execute();
    await clearConversationPersonalData(tx, keyring, rows, now, marker);
  }
  await clearCases(tx, items.case, now);
  await clearSubmissions(tx, items['form-submission'], now);
  await clearEmails(tx, items.email, now);
  await clearDisclosures(tx, items.disclosure);
  const records = [...items['customer-record']];
  if (records.length > 0) {
    // Retention skips records live traffic holds; an erasure waits for them instead (the lock is
    // this transaction's, so the deletion below does not skip them).
    await tx.selectFrom('customer_records').select('id').where('id', 'in', records).forUpdate().execute();
    await deleteRecordGroups(tx, records, now);
  }
  const all = Object.values(items).flat();
  // Any search index left on an erased row (ADR 13) goes too, whatever its kind.
  if (all.length > 0) await tx.deleteFrom('blind_indexes').where('record_id', 'in', all).execute();
}

/**
 * Destroys data keys (crypto-shredding): the wrapped key is gone, so every copy of what it sealed,
 * in a backup or a replica, can no longer be opened. Returns the keys that were still there.
 */
export async function destroyKeys(tx: DbOrTx, keys: readonly string[], now: Date): Promise<string[]> {
  if (keys.length === 0) return [];
  // Nothing may be found by a destroyed key's subject either, and nothing is left to prove or to
  // withdraw: their consents (ADR 37) and the links in emails sent to them go too.
  await tx
    .deleteFrom('blind_indexes')
    .where('data_subject_id', 'in', [...keys])
    .execute();
  await tx
    .deleteFrom('consents')
    .where('data_subject_id', 'in', [...keys])
    .execute();
  await tx
    .deleteFrom('consent_links')
    .where('data_subject_id', 'in', [...keys])
    .execute();
  const rows = await tx
    .updateTable('data_subjects')
    .set({ wrapped_key: null, shredded_at: sql<Date>`coalesce(shredded_at, ${now})` })
    .where('id', 'in', [...keys])
    .where('wrapped_key', 'is not', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort();
}

/** How many of the given items still hold personal data (what a replay finds restored). */
export async function countHoldingData(
  db: DbOrTx,
  items: Readonly<Record<ErasureItemKind, readonly string[]>>,
): Promise<number> {
  const any = (ids: readonly string[]) => (ids.length === 0 ? ['00000000-0000-0000-0000-000000000000'] : [...ids]);
  const result = await sql<{ count: number }>`
    SELECT (
      (SELECT count(*) FROM customer_records WHERE id = ANY(${any(items['customer-record'])}::uuid[]) AND personal_data_deleted_at IS NULL)
      + (SELECT count(*) FROM cases WHERE id = ANY(${any(items.case)}::uuid[]) AND (personal_data_deleted_at IS NULL OR summary IS NOT NULL))
      + (SELECT count(*) FROM conversations c WHERE id = ANY(${any(items.chat)}::uuid[])
          AND (personal_data_deleted_at IS NULL OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)))
      + (SELECT count(*) FROM form_submissions WHERE id = ANY(${any(items['form-submission'])}::uuid[]) AND length(answers) > 0)
      + (SELECT count(*) FROM emails WHERE id = ANY(${any(items.email)}::uuid[]) AND (body IS NOT NULL OR from_address IS NOT NULL))
      + (SELECT count(*) FROM disclosures WHERE id = ANY(${any(items.disclosure)}::uuid[])
          AND (recipient_contact IS NOT NULL OR what_shared IS NOT NULL OR why IS NOT NULL))
    )::int AS count`.execute(db);
  return result.rows[0]?.count ?? 0;
}

export type ErasureRecipients = {
  /** Third parties the data was disclosed to (ADR 30): their organisation, the case and the date. */
  disclosures: Array<{ recipientOrganisation: string; caseReference: string; disclosedOn: string }>;
  /** Chats whose transcript was emailed to the resident. */
  transcripts: Array<{ caseReference: string; requestedAt: Date }>;
  /** Webhooks told of chats and cases (ids and references only, ADR 24). */
  webhooks: Array<{ url: string; description: string | null; events: string[] }>;
};

/** Who received the data of the given cases and chats, so the council can tell them of the erasure. */
export async function listRecipients(
  db: DbOrTx,
  organisationId: string,
  caseIds: readonly string[],
  chatIds: readonly string[],
): Promise<ErasureRecipients> {
  const disclosures =
    caseIds.length === 0
      ? []
      : await db
          .selectFrom('disclosures as d')
          .innerJoin('cases as k', 'k.id', 'd.case_id')
          .select([
            'd.recipient_organisation',
            'k.case_reference',
            sql<string>`d.disclosed_on::text`.as('disclosed_on'),
          ])
          .where('d.organisation_id', '=', organisationId)
          .where('d.case_id', 'in', [...caseIds])
          .orderBy('d.disclosed_on')
          .execute();
  const transcripts =
    chatIds.length === 0
      ? []
      : await db
          .selectFrom('conversations')
          .select(['case_reference', 'transcript_requested_at'])
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', [...chatIds])
          .where('transcript_requested_at', 'is not', null)
          .orderBy('transcript_requested_at')
          .execute();
  const webhooks =
    caseIds.length === 0 && chatIds.length === 0
      ? []
      : await db
          .selectFrom('webhooks')
          .select(['url', 'description', 'events'])
          .where('organisation_id', '=', organisationId)
          .where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(events) e WHERE e LIKE 'case.%' OR e LIKE 'chat.%')`)
          .orderBy('created_at')
          .execute();
  return {
    disclosures: disclosures.map((d) => ({
      recipientOrganisation: d.recipient_organisation,
      caseReference: d.case_reference,
      disclosedOn: d.disclosed_on,
    })),
    transcripts: transcripts.map((t) => ({ caseReference: t.case_reference, requestedAt: t.transcript_requested_at! })),
    webhooks,
  };
}

export async function organisationExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** How many of the given chats are still waiting or active. */
export async function countOpenChats(db: DbOrTx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', '<>', 'ended')
    .execute();
  return rows.length;
}
