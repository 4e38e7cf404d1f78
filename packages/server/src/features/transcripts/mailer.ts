import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OutboxEmail } from '@ward/protocol';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { erased, loadSubjectKeys, openField, sealField } from '../crypto/subject-keys.ts';
import { recordAudit, staffActor } from '../audit/record-audit.ts';

export type OutgoingEmail = { to: string; subject: string; text: string };
/** Whose personal data an email carries: in the outbox it is encrypted under their key. */
export type EmailSubject = { dataSubjectId: string; key: Buffer };
export type Mailer = { kind: 'smtp' | 'outbox'; send: (organisationId: string, email: OutgoingEmail, subject: EmailSubject) => Promise<void> };

/** What an outbox file holds: the email sealed under the resident's data key (ADR 10). */
type StoredOutboxEmail = { id: string; createdAt: string; dataSubjectId: string; sealed: string };

/** SMTP when configured; otherwise the outbox folder, which administrators read in the console. */
export function createMailer(options: { smtpUrl: string | null; from: string; outboxDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      send: async (_organisationId, email) => {
        await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text });
      },
    };
  }
  return {
    kind: 'outbox',
    send: async (organisationId, email, subject) => {
      const dir = path.join(options.outboxDir, organisationId);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const createdAt = new Date().toISOString();
      const id = `${createdAt.replace(/[:.]/g, '-')}-${randomUUID()}`;
      const sealed = sealField(subject.key, 'outbox', 'email', id, JSON.stringify(email)).toString('base64');
      const stored: StoredOutboxEmail = { id, createdAt, dataSubjectId: subject.dataSubjectId, sealed };
      await writeFile(path.join(dir, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
    },
  };
}

/**
 * The newest outbox emails, decrypted; a resident whose key was destroyed shows as erased.
 * Reading them is reading residents' personal data, so each is audited.
 */
export async function listOutbox(ctx: ServiceContext, staff: StaffPrincipal, outboxDir: string, limit = 100): Promise<OutboxEmail[]> {
  const organisationId = staff.organisationId;
  const dir = path.join(outboxDir, organisationId);
  const names = await readdir(dir).catch(() => [] as string[]);
  const newest = names.filter((n) => n.endsWith('.json')).sort().reverse().slice(0, limit);
  const stored = await Promise.all(newest.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as StoredOutboxEmail));
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
