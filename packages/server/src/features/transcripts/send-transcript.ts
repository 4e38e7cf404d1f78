import type { PgBoss } from 'pg-boss';
import type { Language } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import { findConversation, listMessagesAfter } from '../conversations/conversations.repository.ts';
import { toMessage } from '../conversations/conversation.presenters.ts';
import { contactIsRestricted } from '../access/processing-restrictions.repository.ts';
import { renderTranscript } from './transcript.rules.ts';
import { readPreChatAnswers } from '../conversations/pre-chat-answers.rules.ts';
import { conversationEntry, recordAudit, systemActor } from '../audit/record-audit.ts';
import type { Mailer } from '../mail/mailer.ts';

const queue = 'transcript-email';

/** Sends the transcript the resident asked for; a durable job so a restart or SMTP outage loses nothing. */
export async function registerTranscriptJobs(ctx: ServiceContext, boss: PgBoss, mailer: Mailer): Promise<void> {
  await boss.createQueue(queue, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  await boss.work<{ conversationId: string }>(queue, async (jobs) => {
    for (const job of jobs) {
      // The read and its audit entry (Ward exporting the transcript) commit together (ADR 12).
      const read = await ctx.db.transaction().execute(async (tx) => {
        const row = await findConversation(tx, ctx.keyring, ctx.organisation.id, job.data.conversationId);
        if (!row?.transcript_email) return null;
        // A restricted resident's data is not used (ADR 33): the transcript is not sent.
        if (await contactIsRestricted(tx, ctx.organisation.id, { conversationId: row.id })) return null;
        const to = row.transcript_email;
        const messages = (await listMessagesAfter(tx, row, 0)).map(toMessage);
        await recordAudit(
          tx,
          conversationEntry(row, {
            actor: systemActor,
            action: 'export',
            purpose: 'transcript-request',
            fields: ['visitor_name', 'transcript_email', 'pre_chat_answers', 'messages.body'],
          }),
        );
        return { row, to, messages };
      });
      if (!read) continue;
      const { row, to, messages } = read;
      // The transcript email is in the chat's language, the resident's choice in the widget (ADRs 49, 50).
      const language: Language = row.language;
      const email = renderTranscript({
        organisationName: ctx.organisation.name,
        caseReference: row.case_reference,
        topicLabel: row.topic_label,
        visitorName: row.visitor_name,
        startedAt: row.created_at,
        answers: readPreChatAnswers(row.pre_chat_answers),
        messages,
        language,
      });
      if (!row.data_key) continue; // erased meanwhile: nothing to send
      await mailer.send(
        ctx.organisation.id,
        { to, ...email, language },
        // The conversation is named so the outbox copy follows the chat's retention and erasure (ADR 29).
        { dataSubjectId: row.data_subject_id, key: row.data_key, conversationId: row.id },
      );
    }
  });
  // Job data holds only the conversation id: no personal data in the job table.
  ctx.events.subscribe('transcript.requested', async ({ conversationId }) => {
    await boss.send(queue, { conversationId });
  });
}
