import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { contactIsRestricted } from '../access/processing-restrictions.repository.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import type { Mailer } from '../mail/mailer.ts';
import { listEmails, markSent, emailDataKey } from './emails.repository.ts';
import { replyReferences } from './reply-subject.rules.ts';

const queue = 'email-reply';

/**
 * Sends staff replies through the mailer (SMTP, or the outbox without it): a durable job, retried
 * with backoff, so a restart or an SMTP outage loses nothing. Delivery is at least once: a crash
 * after the SMTP server accepted the email but before it is marked sent sends it again.
 */
export async function registerEmailReplyJobs(
  ctx: ServiceContext,
  boss: PgBoss,
  mailer: Mailer,
  options: { replyTo: string | null },
): Promise<void> {
  await boss.createQueue(queue, { retryLimit: 8, retryDelay: 30, retryBackoff: true });
  await boss.work<{ emailId: string }>(queue, async (jobs) => {
    for (const job of jobs) {
      // The read and its audit entry (Ward sending the reply out) commit together (ADR 12).
      const read = await ctx.db.transaction().execute(async (tx) => {
        const [email] = await listEmails(tx, ctx.keyring, ctx.organisation.id, { emailId: job.data.emailId });
        if (!email || email.direction !== 'out' || email.sendStatus !== 'queued' || email.personalDataDeleted)
          return null;
        const key = await emailDataKey(tx, ctx.keyring, email.dataSubjectId);
        if (!key) return null; // erased meanwhile: nothing to send
        // Restricted meanwhile (ADR 33): the reply stays queued and is not sent.
        if (await contactIsRestricted(tx, ctx.organisation.id, { caseId: email.caseId })) return null;
        const thread = (await listEmails(tx, ctx.keyring, ctx.organisation.id, { caseId: email.caseId }))
          .filter(
            (e) =>
              e.createdAt.getTime() <= email.createdAt.getTime() &&
              e.id !== email.id &&
              e.messageId &&
              !e.personalDataDeleted,
          )
          .map((e) => e.messageId!);
        await recordAudit(tx, {
          organisationId: ctx.organisation.id,
          actor: systemActor,
          action: 'export',
          purpose: 'review-contact',
          reason: 'email reply sent',
          recordType: 'email',
          recordId: email.id,
          dataSubjectId: email.dataSubjectId,
          caseReference: email.caseReference,
          fields: ['to_address', 'subject', 'body'],
        });
        return { email, key, thread };
      });
      if (!read) continue;
      const { email, key, thread } = read;
      const inReplyTo = thread.at(-1);
      await mailer.send(
        ctx.organisation.id,
        {
          to: email.to,
          subject: email.subject,
          text: email.body,
          thread: {
            messageId: email.messageId!,
            ...(inReplyTo ? { inReplyTo, references: replyReferences(thread.slice(0, -1), inReplyTo) } : {}),
            ...(options.replyTo ? { replyTo: options.replyTo } : {}),
          },
        },
        { dataSubjectId: email.dataSubjectId, key },
      );
      await markSent(ctx.db, email.id, new Date());
    }
  });
  // Job data holds only the email id: no personal data in the job table.
  ctx.events.subscribe('email.reply-queued', async ({ emailId }) => {
    await boss.send(queue, { emailId });
  });
}
