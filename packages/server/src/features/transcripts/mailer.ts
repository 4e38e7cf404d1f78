import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OutboxEmail } from '@ward/protocol';

export type OutgoingEmail = { to: string; subject: string; text: string };
export type Mailer = { kind: 'smtp' | 'outbox'; send: (organisationId: string, email: OutgoingEmail) => Promise<void> };

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
    send: async (organisationId, email) => {
      const dir = path.join(options.outboxDir, organisationId);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const createdAt = new Date().toISOString();
      const id = `${createdAt.replace(/[:.]/g, '-')}-${randomUUID()}`;
      const stored: OutboxEmail = { id, to: email.to, subject: email.subject, text: email.text, createdAt };
      await writeFile(path.join(dir, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
    },
  };
}

export async function listOutbox(outboxDir: string, organisationId: string, limit = 100): Promise<OutboxEmail[]> {
  const dir = path.join(outboxDir, organisationId);
  const names = await readdir(dir).catch(() => [] as string[]);
  const newest = names.filter((n) => n.endsWith('.json')).sort().reverse().slice(0, limit);
  return Promise.all(newest.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as OutboxEmail));
}
