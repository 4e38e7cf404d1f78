import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Language } from '@ward/protocol';
import { writeOutboxEmail } from './outbox.repository.ts';

/** `language`: the resident's (ADR 50), for the footer; English when not known. */
export type OutgoingEmail = { to: string; subject: string; text: string; thread?: EmailThread; language?: Language };
/**
 * Headers of a reply on a case (features/emails): it threads in the resident's mail client and comes back to the
 * intake.
 */
export type EmailThread = { messageId: string; inReplyTo?: string; references?: string[]; replyTo?: string };
/**
 * Whose personal data an email carries: in the outbox it is encrypted under their key. A chat's
 * transcript names its conversation, so the outbox follows that chat's retention (ADR 29).
 */
export type EmailSubject = { dataSubjectId: string; key: Buffer; conversationId?: string };
export type Mailer = {
  kind: 'smtp' | 'outbox';
  send: (organisationId: string, email: OutgoingEmail, subject: EmailSubject) => Promise<void>;
};

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
  /**
   * What every email to a resident ends with: their link to see and withdraw their consents
   * (ADR 37). Composed in app.ts so the mailer knows nothing of consents.
   */
  footer?: (organisationId: string, dataSubjectId: string, language: Language) => Promise<string>;
}): Mailer {
  const now = options.now ?? (() => new Date());
  const withFooter = async (organisationId: string, { language, ...email }: OutgoingEmail, subject: EmailSubject) =>
    options.footer
      ? {
          ...email,
          text: email.text + (await options.footer(organisationId, subject.dataSubjectId, language ?? 'en')),
        }
      : email;
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      send: async (organisationId, outgoing, subject) => {
        const email = await withFooter(organisationId, outgoing, subject);
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
      await writeOutboxEmail(
        options.outboxDir,
        organisationId,
        now(),
        await withFooter(organisationId, email, subject),
        subject,
      );
    },
  };
}
