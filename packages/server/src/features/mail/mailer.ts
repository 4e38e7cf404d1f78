import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OutboxEmail } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { erased, loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';

export type OutgoingEmail = { to: string; subject: string; text: string; thread?: EmailThread };
/**
 * Headers of a reply on a case (features/emails): it threads in the resident's mail client and comes back to the
 * intake.
 */
export type EmailThread = { messageId: string; inReplyTo?: string; references?: string[]; replyTo?: string };
/** Whose personal data an email carries: in the outbox it is encrypted under their key. */
export type EmailSubject = { dataSubjectId: string; key: Buffer };
export type Mailer = {
  kind: 'smtp' | 'outbox';
  send: (organisationId: string, email: OutgoingEmail, subject: EmailSubject) => Promise<void>;
};

/** What an outbox file holds: the email sealed under the resident's data key (ADR 10). */
type StoredOutboxEmail = { id: string; createdAt: string; dataSubjectId: string; sealed: string };

/** The outbox folder in Ward's data folder: one folder per organisation, one file per email. */
export function outboxDirIn(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}

/**
 * SMTP when configured; otherwise the outbox folder, which administrators read in the console and
 * the retention run empties as the `emails` period passes (sweep-outbox.ts). `now` is for tests.
 */
export function createMailer(options: {
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
  now?: () => Date;
}): Mailer {
  const now = options.now ?? (() => new Date());
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      send: async (_organisationId, email) => {
        await transport.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          ...email.thread,
        });
      },
    };
  }
  return {
    kind: 'outbox',
    send: async (organisationId, email, subject) => {
      const dir = path.join(options.outboxDir, organisationId);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const createdAt = now().toISOString();
      const id = `${createdAt.replace(/[:.]/g, '-')}-${randomUUID()}`;
      const sealed = sealField(
        subject.key,
        'outbox',
        'email',
        id,
        JSON.stringify({ to: email.to, subject: email.subject, text: email.text }),
      ).toString('base64');
      const stored: StoredOutboxEmail = { id, createdAt, dataSubjectId: subject.dataSubjectId, sealed };
      await writeFile(path.join(dir, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
    },
  };
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
): Promise<Array<{ id: string; writtenAt: Date; dataSubjectId: string }>> {
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
        return valid ? { id: stored.id, writtenAt, dataSubjectId: stored.dataSubjectId } : null;
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

/**
 * The newest outbox emails, decrypted; a resident whose key was destroyed shows as erased.
 * Reading them is reading residents' personal data, so each is audited.
 */
export async function listOutbox(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  outboxDir: string,
  limit = 100,
): Promise<OutboxEmail[]> {
  const organisationId = staff.organisationId;
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
  const stored = read.filter((entry) => entry !== null);
  return ctx.db.transaction().execute(async (tx) => {
    const keys = await loadSubjectKeys(tx, ctx.keyring, [...new Set(stored.map((s) => s.dataSubjectId))]);
    if (stored.length > 0) {
      await recordAudit(
        tx,
        stored.map((entry) => ({
          organisationId,
          actor: staffActor(staff),
          action: 'read' as const,
          purpose: 'review-contact' as const,
          recordType: 'outbox_email',
          recordId: entry.id,
          dataSubjectId: entry.dataSubjectId,
          fields: ['to', 'subject', 'text'],
        })),
      );
    }
    return stored.map((entry) => decrypt(entry, keys.get(entry.dataSubjectId) ?? null));
  });
}

function decrypt(entry: StoredOutboxEmail, key: Buffer | null): OutboxEmail {
  const plain = openField(key, 'outbox', 'email', entry.id, Buffer.from(entry.sealed, 'base64'));
  const email = plain === erased ? { to: erased, subject: erased, text: erased } : (JSON.parse(plain) as OutgoingEmail);
  return { id: entry.id, createdAt: entry.createdAt, ...email };
}
