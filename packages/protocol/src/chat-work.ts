import * as z from 'zod';
import { freeText } from './free-text.ts';
import { Uuid } from './chat.ts';
import { cannedReplyMaxChars, cannedReplyTitleMaxChars, chatNoteMaxChars } from './shared-constants.ts';

/** Working the chats (issue 11): notes inside a chat, whispers, transfers, canned replies. */

/** `note`: an internal note; `transfer`: the note left with a transfer; `whisper`: a supervisor to the agent. */
export const ChatNoteKind = z.enum(['note', 'transfer', 'whisper']);
export type ChatNoteKind = z.infer<typeof ChatNoteKind>;

/** A note as staff see it: never sent to the resident. */
export type ChatNote = {
  id: string;
  conversationId: string;
  kind: ChatNoteKind;
  body: string;
  /** Who wrote it (null once their account is gone). */
  authorName: string | null;
  authorStaffId: string | null;
  /** A transfer's department (its label), or null. */
  toDepartment: string | null;
  /** A transfer's agent or a whisper's recipient, by name, or null. */
  toStaffName: string | null;
  createdAt: string;
};

const noteText = (message: string) =>
  freeText(
    z
      .string(message)
      .trim()
      .min(1, message)
      .max(chatNoteMaxChars, `A note can be at most ${chatNoteMaxChars} characters`),
  );

const departmentId = z.string('Choose a department').regex(/^[a-z0-9-]{1,40}$/, 'Choose a department');

export const AddChatNotePayload = z.object({
  conversationId: Uuid,
  kind: z.enum(['note', 'whisper']),
  body: noteText('Enter a note'),
});
export const ListChatNotesPayload = z.object({ conversationId: Uuid });

/** A transfer to a department's queue (`departmentId`), or to an agent (`staffId`), with an optional note. */
export const TransferChatPayload = z
  .object({
    conversationId: Uuid,
    departmentId: departmentId.optional(),
    staffId: Uuid.optional(),
    note: freeText(
      z.string().trim().max(chatNoteMaxChars, `A note can be at most ${chatNoteMaxChars} characters`),
    ).optional(),
  })
  .refine((value) => value.departmentId !== undefined || value.staffId !== undefined, {
    message: 'Choose a department or an adviser to transfer the chat to',
    path: ['departmentId'],
  });

// ---- Canned replies (HTTP) ----

export const CannedReply = z.object({
  id: Uuid,
  title: z.string(),
  body: z.string(),
  /** A department's reply, or null for the member of staff's own. */
  departmentId: z.string().nullable(),
  /** Whether the caller may change or delete it. */
  editable: z.boolean(),
});
export type CannedReply = z.infer<typeof CannedReply>;

export const CannedReplyBody = z.object({
  // Staff's own words, even a title: redacted like any free text.
  title: freeText(
    z
      .string('Enter a title')
      .trim()
      .min(1, 'Enter a title')
      .max(cannedReplyTitleMaxChars, `A title can be at most ${cannedReplyTitleMaxChars} characters`),
  ),
  body: freeText(
    z
      .string('Enter the reply')
      .trim()
      .min(1, 'Enter the reply')
      .max(cannedReplyMaxChars, `A reply can be at most ${cannedReplyMaxChars} characters`),
  ),
  /** Omitted: the caller's own reply. */
  departmentId: departmentId.optional(),
});
export type CannedReplyBody = z.infer<typeof CannedReplyBody>;
export const CannedReplyParams = z.object({ id: Uuid });
