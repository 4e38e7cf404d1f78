import type { ConversationRow, MessageRow } from '../../db/schema.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { openField, sealField, subjectKey } from '../crypto/subject-keys.ts';

/**
 * Conversations and messages as the services see them: personal data in plain text, decrypted
 * on the way out of the database and encrypted on the way in (never stored in the clear).
 */
export const encryptedConversationFields = [
  'visitor_name',
  'visitor_email',
  'ip_address',
  'browser',
  'operating_system',
  'summary',
  'survey_comment',
  'transcript_email',
  'pre_chat_answers',
  'location',
] as const;
type EncryptedField = (typeof encryptedConversationFields)[number];

export type ConversationRecord = Omit<
  ConversationRow,
  EncryptedField | 'plaintext_browser' | 'plaintext_operating_system'
> & {
  visitor_name: string;
  visitor_email: string | null;
  ip_address: string | null;
  browser: string | null;
  operating_system: string | null;
  summary: string | null;
  survey_comment: string | null;
  transcript_email: string | null;
  /** JSON of the answers to the council's own questions (pre-chat-answers.rules.ts). */
  pre_chat_answers: string | null;
  /** JSON of the country, region and town from the IP address (ip-location.rules.ts, ADR 46). */
  location: string | null;
  agent_first_name: string | null;
  agent_last_name: string | null;
  /** The department of the chat's case (null only for a chat without one). */
  department_id: string | null;
  /** The resident's data key; null once erased. */
  data_key: Buffer | null;
};

export type MessageRecord = Omit<MessageRow, 'body'> & { body: string };

export type StoredConversation = ConversationRow & {
  agent_first_name: string | null;
  agent_last_name: string | null;
  department_id: string | null;
  kek_id: string;
  wrapped_key: Buffer | null;
};

export function openConversation(keyring: Keyring, row: StoredConversation): ConversationRecord {
  const {
    kek_id: _kek,
    wrapped_key: _wrapped,
    plaintext_browser: _browser,
    plaintext_operating_system: _system,
    ...rest
  } = row;
  const key = subjectKey(keyring, row);
  const open = (field: EncryptedField) => openField(key, 'conversations', field, row.id, row[field]);
  return {
    ...rest,
    visitor_name: openField(key, 'conversations', 'visitor_name', row.id, row.visitor_name),
    visitor_email: open('visitor_email'),
    ip_address: open('ip_address'),
    browser: open('browser'),
    operating_system: open('operating_system'),
    summary: open('summary'),
    survey_comment: open('survey_comment'),
    transcript_email: open('transcript_email'),
    pre_chat_answers: open('pre_chat_answers'),
    location: open('location'),
    data_key: key,
  };
}

export type ConversationSecrets = Partial<Pick<ConversationRecord, EncryptedField>>;

/** A row or change split into its personal-data fields (to seal) and the rest (stored as they are). */
export function splitConversationSecrets<T extends ConversationSecrets>(
  row: T,
): { secrets: ConversationSecrets; plain: Omit<T, EncryptedField> } {
  const secrets: Record<string, unknown> = {};
  const plain: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row))
    ((encryptedConversationFields as readonly string[]).includes(field) ? secrets : plain)[field] = value;
  return { secrets: secrets as ConversationSecrets, plain: plain as Omit<T, EncryptedField> };
}

/** Encrypts the personal-data fields of a change to one conversation. */
export function sealConversationFields(
  key: Buffer,
  conversationId: string,
  fields: ConversationSecrets,
): Partial<Pick<ConversationRow, EncryptedField>> {
  const sealed: Partial<Record<EncryptedField, Buffer | null>> = {};
  for (const field of encryptedConversationFields) {
    const value = fields[field];
    if (value !== undefined) sealed[field] = sealField(key, 'conversations', field, conversationId, value);
  }
  return sealed as Partial<Pick<ConversationRow, EncryptedField>>;
}

const messagePlace = (conversationId: string, seq: number) => `${conversationId}/${seq}`;

export const sealMessageBody = (key: Buffer, conversationId: string, seq: number, body: string) =>
  sealField(key, 'messages', 'body', messagePlace(conversationId, seq), body);

export function openMessage(key: Buffer | null, row: MessageRow): MessageRecord {
  return { ...row, body: openField(key, 'messages', 'body', messagePlace(row.conversation_id, row.seq), row.body) };
}
