import type { DbOrTx } from '../../db/client.ts';
import type { ConversationNoteRow } from '../../db/schema.ts';
import { openField, sealField } from '../crypto/subject-keys.ts';

/** A chat's note as the services see it: the body opened, with the names of who wrote it and for whom. */
export type ChatNoteRecord = Omit<ConversationNoteRow, 'body'> & {
  body: string;
  author_first_name: string | null;
  author_last_name: string | null;
  to_first_name: string | null;
  to_last_name: string | null;
};

export type NewChatNote = Omit<ConversationNoteRow, 'body' | 'created_at'> & { body: string };

/** Inserts a note, its body sealed under the chat's data subject key (ADR 10). */
export async function insertChatNote(db: DbOrTx, key: Buffer, note: NewChatNote): Promise<void> {
  await db
    .insertInto('conversation_notes')
    .values({ ...note, body: sealField(key, 'conversation_notes', 'body', note.id, note.body) })
    .execute();
}

/** A chat's notes, oldest first, opened with the chat's key (null once erased: unreadable bodies). */
export async function listChatNotes(
  db: DbOrTx,
  key: Buffer | null,
  conversationId: string,
  noteId?: string,
): Promise<ChatNoteRecord[]> {
  let query = db
    .selectFrom('conversation_notes as n')
    .leftJoin('staff as a', 'a.id', 'n.author_staff_id')
    .leftJoin('staff as t', 't.id', 'n.to_staff_id')
    .selectAll('n')
    .select([
      'a.first_name as author_first_name',
      'a.last_name as author_last_name',
      't.first_name as to_first_name',
      't.last_name as to_last_name',
    ])
    .where('n.conversation_id', '=', conversationId);
  if (noteId) query = query.where('n.id', '=', noteId);
  const rows = await query.orderBy('n.created_at').orderBy('n.id').execute();
  return rows.map((row) => ({
    ...row,
    body: openField(key, 'conversation_notes', 'body', row.id, row.body) ?? '',
  }));
}
