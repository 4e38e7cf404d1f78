import { textIn } from '@ward/protocol';
import { objectingSubjects } from '../access/processing-restrictions.repository.ts';
import type { AgentConversation, Message, OptInsBody, SurveyBody } from '@ward/protocol';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import {
  findConversation,
  lockConversation,
  markMessageAsConsent,
  updateConversation,
} from './conversations.repository.ts';
import { toAgentConversation, toMessage } from './conversation.presenters.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { canReadConversation, canWriteChatSummary } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { accessFactsOf } from './conversation-access.ts';
import { recordConsents } from '../consents/record-consent.ts';
import { typedStatementWording } from '../consents/contact-terms.rules.ts';
import { recordContactEvents } from '../contact-events/contact-events.repository.ts';
import { chatEvent } from './chat-events.rules.ts';

/** The agent marks a resident's typed statement as the evidence of their consent. */
export async function markConsentMessage(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
  seq: number,
): Promise<Message> {
  const row = await ctx.db.transaction().execute(async (tx) => {
    const conversation = await lockConversation(tx, ctx.keyring, conversationId);
    if (!conversation || conversation.organisation_id !== staff.organisationId) throw notFound('The conversation');
    if (conversation.assigned_staff_id !== staff.id)
      throw new AppError('forbidden', 'Only the adviser handling this chat can do that');
    const marked = await markMessageAsConsent(tx, conversation, seq);
    if (!marked) throw new AppError('bad_request', 'Only a message from the resident can be marked as consent');
    await updateConversation(tx, conversation, { consent_given: true });
    await recordConsents(tx, [
      {
        organisationId: conversation.organisation_id,
        dataSubjectId: conversation.data_subject_id,
        conversationId,
        purpose: 'enquiries',
        method: 'typed-statement',
        wording: typedStatementWording(seq),
        messageSeq: seq,
        privacyNoticeId: conversation.privacy_notice_id,
      },
    ]);
    await recordAudit(
      tx,
      conversationEntry(conversation, {
        actor: staffActor(staff),
        action: 'update',
        purpose: 'handle-chat',
        fields: ['messages.consent_evidence', 'consent_given'],
      }),
    );
    return marked;
  });
  const message = toMessage(row);
  ctx.events.publish('message.changed', { organisationId: staff.organisationId, conversationId, message });
  ctx.events.publish('conversation.changed', { organisationId: staff.organisationId, conversationId });
  return message;
}

export async function saveSummary(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  conversationId: string,
  summary: string,
): Promise<AgentConversation> {
  summary = redactFor(ctx.organisation.settings, summary).text; // ADR 9: only the redacted summary is kept
  // The write and its audit entry commit together, or neither does.
  const row = await ctx.db.transaction().execute(async (tx) => {
    const row = await findConversation(tx, ctx.keyring, staff.organisationId, conversationId);
    if (!row) throw notFound('The conversation');
    const scope = await staffScopeOf(tx, staff);
    if (!canReadConversation(scope, accessFactsOf(row))) throw notFound('The conversation');
    if (!canWriteChatSummary(scope, accessFactsOf(row)))
      throw new AppError('forbidden', 'Only the adviser who handled this chat, or a supervisor, can write its summary');
    if (row.personal_data_deleted_at)
      throw new AppError('conflict', 'This contact’s retention period has ended and its details were deleted');
    await updateConversation(tx, row, { summary });
    await recordAudit(
      tx,
      conversationEntry(row, {
        actor: staffActor(staff),
        action: 'update',
        purpose: row.status === 'ended' ? 'review-contact' : 'handle-chat',
        fields: ['summary'],
      }),
    );
    return row;
  });
  ctx.events.publish('conversation.changed', { organisationId: staff.organisationId, conversationId });
  return toAgentConversation({ ...row, summary });
}

function requireEnded(status: string) {
  if (status !== 'ended') throw new AppError('conflict', 'You can do this once the chat has ended');
}

/** Reports count a chat's first answer (ADR 36): the rating, never the comment. */
export async function saveSurvey(ctx: ServiceContext, conversationId: string, survey: SurveyBody): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    requireEnded(row.status);
    // The resident objected to surveys (ADR 33): their answer is not kept.
    if ((await objectingSubjects(tx, ctx.organisation.id, [row.data_subject_id], 'surveys')).size > 0) return;
    await updateConversation(tx, row, {
      survey_rating: survey.rating,
      survey_comment: survey.comment ? redactFor(ctx.organisation.settings, survey.comment).text : null,
    });
    if (row.survey_rating === null)
      await recordContactEvents(tx, [
        chatEvent(ctx.organisation.settings, row, 'survey-answered', { value: survey.rating }),
      ]);
  });
}

export async function saveOptIns(ctx: ServiceContext, conversationId: string, body: OptInsBody): Promise<void> {
  const known = new Set(ctx.organisation.settings.optIns.map((o) => o.id));
  const unknown = body.optIns.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('bad_request', 'Choose from the options shown');
  await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    // A purpose the resident objected to (ADR 33) is not opted into again.
    const objected = await objectingSubjects(tx, ctx.organisation.id, [row.data_subject_id], 'service-updates');
    const optIns = [...new Set(body.optIns)].filter((id) => objected.size === 0 || id !== 'service-updates');
    const given = optIns.filter((id) => !row.opt_ins.includes(id));
    await updateConversation(tx, row, { opt_ins: optIns });
    // Each opt-in is a consent to its own purpose, with the label the resident ticked (ADR 37).
    await recordConsents(
      tx,
      given.map((id) => ({
        organisationId: row.organisation_id,
        dataSubjectId: row.data_subject_id,
        conversationId,
        purpose: id,
        method: 'post-chat-form' as const,
        // In the words the resident read: the chat's language (ADR 49).
        wording: textIn(ctx.organisation.settings.optIns.find((o) => o.id === id)?.label ?? id, row.language),
        privacyNoticeId: row.privacy_notice_id,
      })),
    );
  });
}

/** Records where the resident wants the transcript; the transcripts feature sends it. */
export async function requestTranscript(ctx: ServiceContext, conversationId: string, email: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await lockConversation(tx, ctx.keyring, conversationId);
    if (!row || row.organisation_id !== ctx.organisation.id) throw notFound('The conversation');
    requireEnded(row.status);
    await updateConversation(tx, row, { transcript_email: email, transcript_requested_at: new Date() });
    if (!row.transcript_requested_at)
      await recordContactEvents(tx, [chatEvent(ctx.organisation.settings, row, 'transcript-requested')]);
  });
  ctx.events.publish('transcript.requested', { organisationId: ctx.organisation.id, conversationId });
}
