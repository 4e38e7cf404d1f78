import type { ChatNote } from '@ward/protocol';
import type { ChatNoteRecord } from './chat-notes.repository.ts';

const fullName = (first: string | null, last: string | null) => (first ? `${first} ${last ?? ''}`.trim() : null);

/** A note as staff see it; `departmentLabel` turns a transfer's department id into its name. */
export function toChatNote(row: ChatNoteRecord, departmentLabel: (id: string) => string): ChatNote {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    kind: row.kind,
    body: row.body,
    authorName: fullName(row.author_first_name, row.author_last_name),
    authorStaffId: row.author_staff_id,
    toDepartment: row.to_department_id ? departmentLabel(row.to_department_id) : null,
    toStaffName: fullName(row.to_first_name, row.to_last_name),
    createdAt: row.created_at.toISOString(),
  };
}
