import type { PgBoss } from 'pg-boss';
import type { ServiceContext } from '../../shared/service-context.ts';
import { findConversation, listMessagesAfter } from '../conversations/conversations.repository.ts';
import { toMessage } from '../conversations/conversation.presenters.ts';
import { renderTranscript } from './transcript.rules.ts';
import type { Mailer } from './mailer.ts';

const queue = 'transcript-email';

/** Sends the transcript the resident asked for; a durable job so a restart or SMTP outage loses nothing. */
export async function registerTranscriptJobs(ctx: ServiceContext, boss: PgBoss, mailer: Mailer): Promise<void> {
  await boss.createQueue(queue, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  await boss.work<{ conversationId: string }>(queue, async (jobs) => {
    for (const job of jobs) {
      const row = await findConversation(ctx.db, ctx.keyring, ctx.organisation.id, job.data.conversationId);
      if (!row?.transcript_email) continue;
      const messages = (await listMessagesAfter(ctx.db, row, 0)).map(toMessage);
      const email = renderTranscript({
        organisationName: ctx.organisation.name,
        caseReference: row.case_reference,
        topicLabel: row.topic_label,
        visitorName: row.visitor_name,
        startedAt: row.created_at,
        messages,
      });
      await mailer.send(ctx.organisation.id, { to: row.transcript_email, ...email });
    }
  });
  // Job data holds only the conversation id: no personal data in the job table.
  ctx.events.subscribe('transcript.requested', async ({ conversationId }) => {
    await boss.send(queue, { conversationId });
  });
}
