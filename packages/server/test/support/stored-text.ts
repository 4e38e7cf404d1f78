import { sql } from 'kysely';
import type { TestApp } from './test-app.ts';
import { subjectKey, openField } from '../../src/features/crypto/subject-keys.ts';
import { openMessage } from '../../src/features/conversations/conversation-records.repository.ts';
import type { MessageRow } from '../../src/db/schema.ts';

/** Columns that hold hashes, digests and wrapped keys: binary, never text. */
const binaryColumns = new Set([
  'data_subjects.wrapped_key',
  'staff_invitations.token_hash',
  'staff_sessions.token_hash',
  'conversations.visitor_token_hash',
  'blind_indexes.digest',
  'api_keys.token_hash',
  'emails.message_id_digest',
  'webhooks.secret_sealed',
  'audit_events.prev_hash',
  'audit_events.hash',
  'consent_links.token_hash',
  'rights_export_packs.link_token_hash',
]);

/**
 * Everything stored, as text: every column of every table in every schema (the job queue too),
 * with each sealed value opened through the app's own read path (`openField`, `openMessage`)
 * under its data subject's key. A sealed column this cannot open fails the test, so a new one
 * is never skipped unread.
 */
export async function storedText(
  t: TestApp,
): Promise<{ values: Array<{ where: string; text: string }>; unreadable: string[] }> {
  const subjects = await t.ownerDb.selectFrom('data_subjects').select(['id', 'kek_id', 'wrapped_key']).execute();
  const keys = subjects
    .map((s) => subjectKey(t.app.ctx.keyring, { data_subject_id: s.id, kek_id: s.kek_id, wrapped_key: s.wrapped_key }))
    .filter((key): key is Buffer => key !== null);
  const tables = (
    await sql<{ schema: string; name: string }>`
      SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(t.ownerDb)
  ).rows;
  const values: Array<{ where: string; text: string }> = [];
  const unreadable = new Set<string>();
  for (const { schema, name } of tables) {
    const rows = (
      await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(`${schema}.${name}`)}`.execute(t.ownerDb)
    ).rows;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (!Buffer.isBuffer(value)) {
          values.push({
            where: `${schema}.${name}.${column}`,
            text: typeof value === 'string' ? value : JSON.stringify(value),
          });
          continue;
        }
        if (binaryColumns.has(`${name}.${column}`)) continue;
        let opened: string | null = null;
        for (const key of keys) {
          try {
            opened =
              name === 'messages'
                ? openMessage(key, row as MessageRow).body
                : openField(key, name, column, String(row.id), value);
            break;
          } catch {
            // another subject's key
          }
        }
        if (opened === null) unreadable.add(`${schema}.${name}.${column}`);
        else values.push({ where: `${schema}.${name}.${column}`, text: opened });
      }
    }
  }
  return { values, unreadable: [...unreadable] };
}
