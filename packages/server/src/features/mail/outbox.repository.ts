import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { OutboxEmail } from '@ward/protocol';
import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { erased, loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';
import type { EmailSubject, OutgoingEmail } from './mailer.ts';

/**
 * What an outbox file holds: the email sealed under the resident's data key (ADR 10), and the chat
 * a transcript is of (ADR 29; files written before it have none).
 */
export type StoredOutboxEmail = {
  id: string;
  createdAt: string;
  dataSubjectId: string;
  conversationId?: string;
  sealed: string;
};

/** Writes one email to the organisation's outbox folder, sealed under its subject's key. */
export async function writeOutboxEmail(
  outboxDir: string,
  organisationId: string,
  at: Date,
  email: OutgoingEmail,
  subject: EmailSubject,
): Promise<void> {
  const dir = path.join(outboxDir, organisationId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const createdAt = at.toISOString();
  const id = `${createdAt.replace(/[:.]/g, '-')}-${randomUUID()}`;
  const sealed = sealField(
    subject.key,
    'outbox',
    'email',
    id,
    JSON.stringify({ to: email.to, subject: email.subject, text: email.text }),
  ).toString('base64');
  const stored: StoredOutboxEmail = {
    id,
    createdAt,
    dataSubjectId: subject.dataSubjectId,
    ...(subject.conversationId ? { conversationId: subject.conversationId } : {}),
    sealed,
  };
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
}

const outboxFile = (outboxDir: string, organisationId: string, id: string) =>
  path.join(outboxDir, organisationId, `${id}.json`);

/**
 * Every email in an organisation's outbox, without opening it: its id, when it was written and
 * whose data it carries (what retention needs). A file that cannot be read as an outbox email
 * is left out, so it is never deleted by mistake.
 */
export async function listOutboxFacts(
  outboxDir: string,
  organisationId: string,
): Promise<Array<{ id: string; writtenAt: Date; dataSubjectId: string; conversationId?: string }>> {
  const dir = path.join(outboxDir, organisationId);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const facts = await Promise.all(
    names.map(async (name) => {
      try {
        const stored = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as StoredOutboxEmail;
        const writtenAt = new Date(stored.createdAt);
        const valid =
          `${stored.id}.json` === name &&
          typeof stored.dataSubjectId === 'string' &&
          !Number.isNaN(writtenAt.getTime());
        if (!valid) return null;
        const conversationId = typeof stored.conversationId === 'string' ? stored.conversationId : undefined;
        return {
          id: stored.id,
          writtenAt,
          dataSubjectId: stored.dataSubjectId,
          ...(conversationId ? { conversationId } : {}),
        };
      } catch {
        return null; // removed meanwhile, or not an outbox email
      }
    }),
  );
  return facts.filter((fact) => fact !== null);
}

/** Deletes one outbox email; one already gone counts as deleted. */
export async function removeOutboxEmail(outboxDir: string, organisationId: string, id: string): Promise<void> {
  await rm(outboxFile(outboxDir, organisationId, id), { force: true });
}

/** The newest outbox emails as stored (still sealed); a file removed meanwhile is left out. */
export async function readNewestOutboxEmails(
  outboxDir: string,
  organisationId: string,
  limit: number,
): Promise<StoredOutboxEmail[]> {
  const dir = path.join(outboxDir, organisationId);
  const names = await readdir(dir).catch(() => [] as string[]);
  const newest = names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit);
  // The retention run may delete a file between the listing and the reading: it is then left out.
  const read = await Promise.all(
    newest.map((name) =>
      readFile(path.join(dir, name), 'utf8')
        .then((text) => JSON.parse(text) as StoredOutboxEmail)
        .catch(() => null),
    ),
  );
  return read.filter((entry) => entry !== null);
}

/** Opens stored outbox emails; a resident whose key was destroyed shows as erased. */
export async function openOutboxEmails(
  db: DbOrTx,
  keyring: Keyring,
  stored: readonly StoredOutboxEmail[],
): Promise<OutboxEmail[]> {
  const keys = await loadSubjectKeys(db, keyring, [...new Set(stored.map((s) => s.dataSubjectId))]);
  return stored.map((entry) => {
    const plain = openField(
      keys.get(entry.dataSubjectId) ?? null,
      'outbox',
      'email',
      entry.id,
      Buffer.from(entry.sealed, 'base64'),
    );
    const email =
      plain === erased ? { to: erased, subject: erased, text: erased } : (JSON.parse(plain) as OutgoingEmail);
    return { id: entry.id, createdAt: entry.createdAt, ...email };
  });
}

/**
 * Of these chats, those whose transcript emails must go (ADR 29): retention deleted the chat's
 * personal data, its resident's key was destroyed, or the chat is gone. Only well-formed ids are
 * asked about; others are left alone.
 */
export async function conversationsWithoutPersonalData(
  db: DbOrTx,
  organisationId: string,
  conversationIds: readonly string[],
): Promise<Set<string>> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = [...new Set(conversationIds)].filter((id) => uuid.test(id));
  if (ids.length === 0) return new Set();
  const alive = await db
    .selectFrom('conversations as c')
    .innerJoin('data_subjects as ds', 'ds.id', 'c.data_subject_id')
    .select('c.id')
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', 'in', ids)
    .where('c.personal_data_deleted_at', 'is', null)
    .where('ds.wrapped_key', 'is not', null)
    .execute();
  const kept = new Set(alive.map((row) => row.id));
  return new Set(ids.filter((id) => !kept.has(id)));
}
