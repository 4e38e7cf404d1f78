import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './schema.ts';

/** Row types of working the chats (issue 11, migration 0034; schema.ts lists every table). */

/** A note, transfer note or whisper inside a chat: the body sealed under the chat's data subject key. */
export interface ConversationNotesTable {
  id: string;
  organisation_id: string;
  conversation_id: string;
  kind: 'note' | 'transfer' | 'whisper';
  author_staff_id: string | null;
  to_department_id: string | null;
  to_staff_id: string | null;
  body: Buffer;
  created_at: CreatedAt;
}

/** A canned reply: a department's (department_id) or one member of staff's own (owner_staff_id). */
export interface CannedRepliesTable {
  id: string;
  organisation_id: string;
  department_id: string | null;
  owner_staff_id: string | null;
  title: string;
  body: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type ConversationNoteRow = Selectable<ConversationNotesTable>;
export type CannedReplyRow = Selectable<CannedRepliesTable>;
